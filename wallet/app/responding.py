"""Answering a verifier's OpenID4VP request: ``kredo respond`` and the consent dialog.

1. :func:`read_verifier_request` — fetch and check the request (network, no database);
2. :func:`match_wallet` — the wallet's credentials that answer each query (database);
3. the face shows the verifier and the candidates, and the learner chooses (which option of
   each credential set, which candidate, which optional claims: :func:`set_choices`,
   :func:`claim_choices`, :func:`with_claims`): a :class:`Consent` (:func:`default_consent`
   is what ``--yes`` accepts);
4. :func:`respond` — sign the presentations, send them, log the share in the history; the
   GUI runs its three steps on their own lanes (:func:`prepare_response` and
   :func:`log_response` on the database, :func:`send_response` on the network);
   or :func:`decline` — send nothing but ``access_denied``.

Nothing reaches the verifier before :func:`respond`, which only a :class:`Consent` opens.
Naming a verifier's link is the learner's permission to contact that verifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography import x509
from PIL import Image

from wallet.app.consent_choices import candidate_title, query_name
from wallet.app.credentials import parsed_credential
from wallet.app.history import SharedCredential, SharedVerifier, record_share
from wallet.app.scanning import read_codes
from wallet.app.verifier_authorities import read_certificates, verifier_anchors
from wallet.app.verify_habits import verify_habits
from wallet.errors import (
    InputTooLarge,
    NetworkError,
    PresentationRequestError,
    SharingError,
    TrustMaterialError,
    WalletError,
)
from wallet.issuance import NetworkPolicy
from wallet.limits import MAX_INPUT_BYTES
from wallet.model import CredentialFormat
from wallet.net import DEFAULT_TIMEOUT
from wallet.qr.decode import open_image
from wallet.share.holder import HolderProfiles
from wallet.share.oid4vp.decline import send_decline
from wallet.share.oid4vp.links import is_request_link
from wallet.share.oid4vp.matching import Candidate, HeldCredential, RequestMatch, match_request
from wallet.share.oid4vp.request import PresentationRequest
from wallet.share.oid4vp.request_reader import ReadingContext, read_request
from wallet.share.oid4vp.response import response_fields, send_fields
from wallet.share.oid4vp.verifier_identity import DID_WEB_NOT_CONSULTED, with_anchors
from wallet.share.oid4vp.vp_token import HolderKeys, build_vp_token
from wallet.store.repository import CredentialRepository
from wallet.translation import tr
from wallet.trust import bundled_snapshot
from wallet.trust.user_trust import SettingsStore

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


@dataclass(frozen=True)
class RequestReading:
    """What reading a request may use, as the learner chose in the wallet: the certificate
    authorities of verifiers they trust, and whether online checks (a verifier's did:web
    document) are allowed."""

    anchors: tuple[x509.Certificate, ...] = field(default=(), repr=False)
    online: bool = False


def request_reading(store: SettingsStore) -> RequestReading:
    """The wallet's trusted verifier authorities and its "online checks allowed" choice."""
    return RequestReading(verifier_anchors(store), verify_habits(store).online)


def not_consulted_online(error: BaseException) -> bool:
    """Whether ``error`` refused a did:web verifier because Kredo could not look up its DID
    document (online checks not allowed): asking again with permission may succeed."""
    return isinstance(error, WalletError) and error.details == DID_WEB_NOT_CONSULTED


def reconfirm_verifier(request: PresentationRequest, anchors: Sequence[x509.Certificate]
                       ) -> PresentationRequest:
    """``request`` with its verifier judged again against ``anchors`` (after the learner
    trusted another certificate authority); nothing is fetched again."""
    return replace(request, verifier=with_anchors(request.verifier, anchors))


def is_verifier_link(text: str) -> bool:
    """Whether ``text`` is a verifier's request link (to offer it from the clipboard)."""
    return is_request_link(text)


def verifier_links_in_picture(picture: Image.Image) -> list[str]:
    """The verifier's request links among the QR codes of a picture (a screen capture)."""
    return [text for text in read_codes(picture) if is_request_link(text)]


def verifier_links_in_file(path: Path) -> list[str]:
    """The verifier's request links among the QR codes of an image file."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise PresentationRequestError(tr("The file {name} could not be read.", name=path.name),
                                       details=str(exc)) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr("The file {name} is too large to be a picture of a QR code.",
                               name=path.name))
    return verifier_links_in_picture(open_image(data))


def load_verifier_anchors(path: Path) -> tuple[x509.Certificate, ...]:
    """Certificate authorities (a PEM file, or one DER certificate) whose verifiers the
    learner counts as confirmed for this one answer."""
    try:
        raw = path.read_bytes()
    except OSError:
        raise PresentationRequestError(
            tr("The certificate file {name} could not be read as PEM certificates.",
               name=path.name)) from None
    try:
        return read_certificates(raw, name=path.name)
    except TrustMaterialError as exc:
        raise PresentationRequestError(exc.message) from None


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
    names = ", ".join(query_name(q) for q in match.missing())
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


@dataclass(frozen=True)
class PreparedResponse:
    """The signed answer, ready to send: built on the database lane, sent on the network."""

    request: PresentationRequest
    vp_token: Mapping[str, list[Any]] = field(repr=False)
    fields: Mapping[str, str] = field(repr=False)
    shared: tuple[SharedCredential, ...]


@dataclass(frozen=True)
class SentResponse:
    prepared: PreparedResponse
    redirect_uri: str | None


def respond(
    repository: CredentialRepository, request: PresentationRequest, match: RequestMatch,
    consent: Consent, *, timeout: float = DEFAULT_TIMEOUT,
) -> ResponseOutcome:
    """Sign what the learner chose, send it to the verifier, and log it in the history."""
    prepared = prepare_response(repository, request, match, consent)
    return log_response(repository, send_response(prepared, timeout=timeout))


def prepare_response(repository: CredentialRepository, request: PresentationRequest,
                     match: RequestMatch, consent: Consent) -> PreparedResponse:
    """Check the consent against the request and sign the presentations (nothing is sent)."""
    _check_consent(match, consent)
    profiles = HolderProfiles(repository)
    keys = HolderKeys(profiles.default().signing_key(), profiles.possession_keys())
    answer = build_vp_token(consent.chosen, nonce=request.nonce, client_id=request.client_id,
                            keys=keys)
    shared = tuple(_shared(c) for chosen in consent.chosen.values() for c in chosen)
    return PreparedResponse(request, answer.vp_token,
                            response_fields(request, answer.vp_token), shared)


def send_response(prepared: PreparedResponse, *, timeout: float = DEFAULT_TIMEOUT
                  ) -> SentResponse:
    """Deliver the answer; the verifier's refusal is a :class:`VerifierRefused` sentence."""
    reply = send_fields(prepared.request, prepared.fields,
                        NetworkPolicy(allowed=True, timeout=timeout))
    return SentResponse(prepared, reply.redirect_uri)


def log_response(repository: CredentialRepository, sent: SentResponse) -> ResponseOutcome:
    """Write the delivered answer into the sharing history."""
    prepared = sent.prepared
    request = prepared.request
    verifier = SharedVerifier(request.client_id, request.verifier.name,
                              request.verifier.confirmed, request.response_host)
    entry = record_share(repository, prepared.shared, form=OPENID4VP_FORM,
                         recipient=request.metadata.name or request.verifier.name,
                         verifier=verifier)
    return ResponseOutcome(request, prepared.vp_token, prepared.shared, sent.redirect_uri,
                           entry)


@dataclass(frozen=True)
class DeclineOutcome:
    """The verifier was told "no"; ``acknowledged`` when it answered without an error."""

    acknowledged: bool
    redirect_uri: str | None


def decline(request: PresentationRequest, *, timeout: float = DEFAULT_TIMEOUT
            ) -> DeclineOutcome:
    """Send no credential, only ``access_denied`` (OpenID4VP 1.0 §8.5), so the verifier
    stops waiting. Nothing is logged: nothing was shared."""
    try:
        reply = send_decline(request, NetworkPolicy(allowed=True, timeout=timeout))
    except NetworkError as exc:
        raise NetworkError(
            tr("Nothing was shared, but Kredo could not tell the verifier {host} that you "
               "declined.", host=request.response_host), details=exc.details or exc.message,
        ) from None
    return DeclineOutcome(reply.acknowledged, reply.redirect_uri)


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
                                  "one.", name=query_name(match.query.query(query_id))))
    for options in _required_sets(match):
        # Any option of a required set will do, not only the one Kredo would pick.
        if not any(all(consent.chosen.get(q) for q in option) for option in options):
            needed = match.query.query(options[0][0])
            raise SharingError(tr("The verifier requires {name}, which was not chosen; "
                                  "nothing was sent.", name=query_name(needed)))


def _required_sets(match: RequestMatch) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The options of each required combination (without credential sets: every query)."""
    if not match.query.credential_sets:
        return tuple(((q.id,),) for q in match.query.credentials)
    return tuple(s.options for s in match.query.credential_sets if s.required)


def _shared(candidate: Candidate) -> SharedCredential:
    return SharedCredential(candidate.credential_id, candidate_title(candidate),
                            candidate.credential.format.value, candidate.disclose)
