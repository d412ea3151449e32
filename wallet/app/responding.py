"""Answering a verifier's OpenID4VP request: ``kredo respond`` and (later) the consent dialog.

1. :func:`read_verifier_request` — fetch and check the request (network, no database);
2. :func:`match_wallet` — the wallet's credentials that answer each query (database);
3. the face shows the verifier, the purpose and the candidates, and the learner chooses:
   a :class:`Consent` (:func:`default_consent` is what ``--yes`` accepts);
4. :func:`respond` — sign the presentations, send them, log the share in the history.

Nothing reaches the verifier before :func:`respond`, which only a :class:`Consent` opens.
Naming a verifier's link is the learner's permission to contact that verifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from wallet.app.credentials import parsed_credential
from wallet.app.history import SharedCredential, SharedVerifier, record_share
from wallet.errors import PresentationRequestError, SharingError
from wallet.issuance import NetworkPolicy
from wallet.model import CredentialFormat
from wallet.net import DEFAULT_TIMEOUT
from wallet.share.holder import HolderProfiles
from wallet.share.oid4vp.matching import Candidate, HeldCredential, RequestMatch, match_request
from wallet.share.oid4vp.request import PresentationRequest
from wallet.share.oid4vp.request_reader import ReadingContext, read_request
from wallet.share.oid4vp.response import response_fields, send_fields
from wallet.share.oid4vp.vp_token import HolderKeys, build_vp_token
from wallet.store.repository import CredentialRepository
from wallet.translation import tr
from wallet.trust import bundled_snapshot

OPENID4VP_FORM = "openid4vp"
_PRESENTABLE = frozenset({CredentialFormat.SD_JWT_VC, CredentialFormat.VC_JWT,
                          CredentialFormat.VC_JSONLD, CredentialFormat.EDC_JSONLD,
                          CredentialFormat.EDC_SEALED})


def read_verifier_request(
    link: str, *, timeout: float = DEFAULT_TIMEOUT,
    anchors: Sequence[x509.Certificate] = (), online: bool = False,
) -> PresentationRequest:
    """The verifier's checked request (fetched when the link refers to it); ``online`` also
    allows looking up a verifier's did:web document; ``anchors`` are the certificate
    authorities whose verifiers count as confirmed."""
    context = ReadingContext(NetworkPolicy(allowed=True, timeout=timeout), anchors=anchors,
                             did_web_online=online)
    return read_request(link.strip(), context)


def load_verifier_anchors(path: Path) -> tuple[x509.Certificate, ...]:
    """Certificate authorities (PEM) whose verifiers the learner counts as confirmed."""
    try:
        return tuple(x509.load_pem_x509_certificates(path.read_bytes()))
    except (OSError, ValueError):
        raise PresentationRequestError(
            tr("The certificate file {name} could not be read as PEM certificates.",
               name=path.name)) from None


def match_wallet(repository: CredentialRepository, request: PresentationRequest
                 ) -> RequestMatch:
    """Which of the wallet's credentials answer each of the verifier's queries."""
    held = [HeldCredential(summary.id, parsed_credential(repository, summary.id))
            for summary in repository.list() if summary.format in _PRESENTABLE]
    keys = [key.public_key() for key in HolderProfiles(repository).possession_keys()]
    return match_request(request.query, held, holder_keys=keys,
                         trusted_lists=bundled_snapshot())


@dataclass(frozen=True)
class Consent:
    """What the learner agreed to send: per query id, the chosen candidates."""

    chosen: Mapping[str, tuple[Candidate, ...]]


def default_consent(match: RequestMatch) -> Consent:
    """Everything asked for that the wallet can answer: for each required combination and
    each answerable optional one, the first candidate of each query (all of them where the
    verifier accepts several). Refuses when a required credential is missing."""
    if not match.satisfiable:
        raise SharingError(missing_sentence(match))
    chosen: dict[str, tuple[Candidate, ...]] = {}
    for option in (*match.required_options(), *match.optional_options()):
        for query_id in option:
            candidates = match.candidates(query_id)
            query = match.query.query(query_id)
            chosen[query_id] = candidates if query.multiple else candidates[:1]
    return Consent(chosen)


def missing_sentence(match: RequestMatch) -> str:
    names = ", ".join(_query_name(q.id, match) for q in match.missing())
    return tr("The verifier asks for credentials this wallet does not hold ({names}); "
              "nothing was sent.", names=names)


@dataclass(frozen=True)
class ResponseOutcome:
    """What was sent, to whom, and where the verifier says to continue."""

    request: PresentationRequest
    vp_token: Mapping[str, list[Any]] = field(repr=False)
    shared: tuple[SharedCredential, ...]
    redirect_uri: str | None
    history_id: int

    def to_json(self) -> dict[str, Any]:
        """What ``--json`` prints: exactly what was sent (before encryption), and to whom."""
        return {"verifier": {"client_id": self.request.client_id,
                             "name": self.request.verifier.name,
                             "confirmed": self.request.verifier.confirmed},
                "response_uri": self.request.response_uri,
                "response_mode": self.request.response_mode,
                "state": self.request.state, "vp_token": dict(self.vp_token),
                "redirect_uri": self.redirect_uri}


def respond(
    repository: CredentialRepository, request: PresentationRequest, match: RequestMatch,
    consent: Consent, *, timeout: float = DEFAULT_TIMEOUT,
) -> ResponseOutcome:
    """Sign what the learner chose, send it to the verifier, and log it in the history."""
    _check_consent(match, consent)
    profiles = HolderProfiles(repository)
    keys = HolderKeys(profiles.default().signing_key(), profiles.possession_keys())
    answer = build_vp_token(consent.chosen, nonce=request.nonce, client_id=request.client_id,
                            keys=keys)
    fields = response_fields(request, answer.vp_token)
    reply = send_fields(request, fields, NetworkPolicy(allowed=True, timeout=timeout))
    shared = tuple(_shared(c) for chosen in consent.chosen.values() for c in chosen)
    verifier = SharedVerifier(request.client_id, request.verifier.name,
                              request.verifier.confirmed, request.response_host)
    entry = record_share(repository, shared, form=OPENID4VP_FORM,
                         recipient=request.metadata.name or request.verifier.name,
                         verifier=verifier)
    return ResponseOutcome(request, answer.vp_token, shared, reply.redirect_uri, entry)


def _check_consent(match: RequestMatch, consent: Consent) -> None:
    if not any(consent.chosen.values()):
        raise SharingError(tr("Nothing was chosen to share; nothing was sent."))
    for query_id, chosen in consent.chosen.items():
        offered = {c.credential_id for c in match.candidates(query_id)}
        query = match.query.query(query_id)
        if any(c.credential_id not in offered for c in chosen):
            raise SharingError(tr("A chosen credential does not answer what the verifier "
                                  "asked for; nothing was sent."))
        if len(chosen) > 1 and not query.multiple:
            raise SharingError(tr("The verifier accepts one credential for {name}; choose "
                                  "one.", name=_query_name(query_id, match)))
    for option in match.required_options():
        if not all(consent.chosen.get(q) for q in option):
            raise SharingError(tr("The verifier requires {name}, which was not chosen; "
                                  "nothing was sent.", name=_query_name(option[0], match)))


def _query_name(query_id: str, match: RequestMatch) -> str:
    query = match.query.query(query_id)
    kinds = query.vct_values or tuple(t[-1] for t in query.type_values if t)
    return kinds[0] if kinds else query_id


def _shared(candidate: Candidate) -> SharedCredential:
    credential = candidate.credential
    title = credential.view.title.pick("en") if credential.view.title else None
    return SharedCredential(candidate.credential_id, title or credential.format.display_name,
                            credential.format.value, candidate.disclose)
