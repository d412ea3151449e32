"""Which of the wallet's credentials answer each query of a DCQL request (OpenID4VP 1.0 §6.4).

A credential answers a credential query when its format is the one asked (``dc+sd-jwt``: an
SD-JWT VC; ``jwt_vc_json``: a VC-JWT; ``ldp_vc``: a W3C JSON-LD credential, or a sealed EDC,
which goes as an enveloped credential inside the holder's Data Integrity presentation), its
type is one
the query accepts (``vct_values``; ``type_values`` as expanded IRIs, all of one inner list),
and it has every claim of one claim alternative, with one of the expected values when the
query lists any. For an SD-JWT VC the claims found become the disclosures to send; other
formats go whole, as signed. When the verifier requires holder binding (the default), an
SD-JWT VC counts only when its ``cnf`` key is one of the wallet's, and a ``jwt_vc_json`` or
``ldp_vc`` credential only when its subject is the DID of one of the wallet's keys; such a
W3C credential that matches otherwise is listed as not offered, with a sentence saying why
(:mod:`wallet.share.oid4vp.holder_binding`). When the query names
``trusted_authorities``, a credential none of them vouches for is left out; one Kredo cannot
judge stays, after the others, with a sentence saying so
(:mod:`wallet.share.oid4vp.trusted_authorities`).

Claims paths (§7) are applied to the SD-JWT's disclosed claims, and to the credential object
of a W3C credential (the ``vc`` claim of a VC 1.1 JWT, else the JWT's claims).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wallet.crypto.jwk import PublicKey, public_key_from_jwk
from wallet.crypto.sd_jwt import path_to_text
from wallet.errors import WalletError
from wallet.jsonld.processing import expand
from wallet.model import Credential, CredentialFormat
from wallet.share.oid4vp.dcql import (
    JWT_VC_JSON,
    LDP_VC,
    SD_JWT_VC,
    ClaimQuery,
    CredentialQuery,
    DcqlQuery,
)
from wallet.share.oid4vp.holder_binding import binding_refusal, wallet_dids
from wallet.share.oid4vp.trusted_authorities import AuthorityVerdict, check_authorities
from wallet.trust.snapshot import TrustSnapshot

_FORMATS: Mapping[str, frozenset[CredentialFormat]] = {
    SD_JWT_VC: frozenset({CredentialFormat.SD_JWT_VC}),
    JWT_VC_JSON: frozenset({CredentialFormat.VC_JWT}),
    LDP_VC: frozenset({CredentialFormat.VC_JSONLD, CredentialFormat.EDC_JSONLD,
                       CredentialFormat.EDC_SEALED}),
}


@dataclass(frozen=True)
class HeldCredential:
    """One of the wallet's credentials, by its id in the wallet."""

    credential_id: int
    credential: Credential


@dataclass(frozen=True)
class Candidate:
    """A credential that answers a query; ``disclose`` lists the SD-JWT claims to reveal
    (None: the credential goes whole); ``authority_note`` says, when the verifier names
    trusted authorities, that Kredo cannot tell whether one of them vouches for it."""

    credential_id: int
    credential: Credential
    disclose: tuple[str, ...] | None
    authority_note: str | None = None


@dataclass(frozen=True)
class NotOffered:
    """A credential that answers a query but cannot be offered; ``reason`` says why (it is
    not bound to a key of the wallet, and the verifier requires holder binding)."""

    credential_id: int
    credential: Credential
    reason: str


@dataclass(frozen=True)
class QueryMatch:
    query: CredentialQuery
    candidates: tuple[Candidate, ...]
    not_offered: tuple[NotOffered, ...] = ()


@dataclass(frozen=True)
class RequestMatch:
    """Candidates per query, and which queries must be answered."""

    query: DcqlQuery
    matches: tuple[QueryMatch, ...]

    def candidates(self, query_id: str) -> tuple[Candidate, ...]:
        return next(m.candidates for m in self.matches if m.query.id == query_id)

    def not_offered(self, query_id: str) -> tuple[NotOffered, ...]:
        return next(m.not_offered for m in self.matches if m.query.id == query_id)

    def answerable(self, ids: Sequence[str]) -> bool:
        return all(self.candidates(i) for i in ids)

    def required_options(self) -> tuple[tuple[str, ...], ...]:
        """For each required combination: the first option the wallet can answer, or the
        first option (then unanswerable). Without credential sets: every query."""
        if not self.query.credential_sets:
            return (tuple(q.id for q in self.query.credentials),)
        return tuple(self._best(s.options) for s in self.query.credential_sets if s.required)

    def optional_options(self) -> tuple[tuple[str, ...], ...]:
        return tuple(self._best(s.options) for s in self.query.credential_sets
                     if not s.required and any(self.answerable(o) for o in s.options))

    @property
    def satisfiable(self) -> bool:
        return all(self.answerable(option) for option in self.required_options())

    def missing(self) -> tuple[CredentialQuery, ...]:
        """The queries of required combinations the wallet has nothing for."""
        ids = [i for option in self.required_options() for i in option if not
               self.candidates(i)]
        return tuple(self.query.query(i) for i in dict.fromkeys(ids))

    def _best(self, options: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
        return next((o for o in options if self.answerable(o)), options[0])


def match_request(
    query: DcqlQuery, held: Sequence[HeldCredential], *, holder_keys: Sequence[PublicKey] = (),
    trusted_lists: TrustSnapshot | None = None,
) -> RequestMatch:
    """The candidates for every query of ``query`` among ``held``; ``trusted_lists`` is the
    trusted-list snapshot that answers ``etsi_tl`` authorities (None: Kredo cannot tell)."""
    dids = wallet_dids(holder_keys)
    matches = []
    for credential_query in query.credentials:
        found: list[Candidate] = []
        refused: list[NotOffered] = []
        for h in held:
            candidate = _candidate(credential_query, h, holder_keys, trusted_lists)
            if candidate is None:
                continue
            reason = _w3c_binding_refusal(credential_query, candidate.credential, dids)
            if reason is None:
                found.append(candidate)
            else:
                refused.append(NotOffered(h.credential_id, h.credential, reason))
        # Credentials Kredo could not judge against the verifier's authorities come last.
        found.sort(key=lambda c: c.authority_note is not None)
        matches.append(QueryMatch(credential_query, tuple(found), tuple(refused)))
    return RequestMatch(query, tuple(matches))


def _w3c_binding_refusal(query: CredentialQuery, credential: Credential,
                         dids: frozenset[str]) -> str | None:
    if not query.require_binding or query.format not in (JWT_VC_JSON, LDP_VC):
        return None
    return binding_refusal(credential, dids)


def _candidate(query: CredentialQuery, held: HeldCredential,
               holder_keys: Sequence[PublicKey],
               trusted_lists: TrustSnapshot | None) -> Candidate | None:
    credential = held.credential
    if credential.format not in _FORMATS.get(query.format, frozenset()):
        return None
    if not _type_matches(query, credential):
        return None
    if (query.format == SD_JWT_VC and query.require_binding
            and not _bound_to_wallet(credential.document, holder_keys)):
        return None
    authority = check_authorities(query.trusted_authorities, credential, trusted_lists)
    if authority.verdict is AuthorityVerdict.DOES_NOT_MATCH:
        return None
    root = _claims_root(credential)
    for alternative in query.claim_alternatives():
        found = _claims_found(alternative, root)
        if found is not None:
            disclose = tuple(found) if credential.format is CredentialFormat.SD_JWT_VC else None
            return Candidate(held.credential_id, credential, disclose, authority.note)
    return None


def _type_matches(query: CredentialQuery, credential: Credential) -> bool:
    if query.format == SD_JWT_VC:
        vct = credential.document.get("vct") if isinstance(credential.document, dict) else None
        return not query.vct_values or vct in query.vct_values
    if not query.type_values:
        return True
    types = _types(_claims_root(credential))
    return any(set(wanted) <= types for wanted in query.type_values)


def _types(document: Any) -> set[str]:
    """The credential's types, compact as written and expanded to IRIs (§B.1: verifiers ask
    by expanded IRI; a compact name is accepted too, as some verifiers send those)."""
    if not isinstance(document, dict):
        return set()
    written = document.get("type", [])
    found = {written} if isinstance(written, str) else {t for t in written
                                                          if isinstance(t, str)}
    try:
        expanded = expand(document)
    except WalletError:
        return found
    for node in expanded:
        if isinstance(node, dict):
            found |= {t for t in node.get("@type", []) if isinstance(t, str)}
    return found


def _claims_root(credential: Credential) -> Any:
    document = credential.document
    if credential.format is CredentialFormat.VC_JWT and isinstance(document, dict):
        inner = document.get("vc")
        return inner if isinstance(inner, dict) else document
    return document


def _bound_to_wallet(claims: Any, holder_keys: Sequence[PublicKey]) -> bool:
    cnf = claims.get("cnf") if isinstance(claims, dict) else None
    jwk = cnf.get("jwk") if isinstance(cnf, dict) else None
    if not isinstance(jwk, dict):
        return False
    try:
        confirmed = public_key_from_jwk(jwk)
    except WalletError:
        return False
    return any(key == confirmed for key in holder_keys)


def _claims_found(claims: Sequence[ClaimQuery], root: Any) -> list[str] | None:
    """The concrete paths of every claim asked for, or None when one is missing."""
    found: list[str] = []
    for claim in claims:
        hits = [(path, value) for path, value in _resolve(root, claim.path, ())
                if not claim.values or value in claim.values]
        if not hits:
            return None
        found += [path_to_text(path) for path, _ in hits]
    return list(dict.fromkeys(found))


def _resolve(value: Any, path: Sequence[str | int | None],
             reached: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """§7.1: a string selects a key, an integer an array element, null every element."""
    if not path:
        yield reached, value
        return
    segment, rest = path[0], path[1:]
    if isinstance(segment, str):
        if isinstance(value, dict) and segment in value:
            yield from _resolve(value[segment], rest, (*reached, segment))
        return
    if isinstance(segment, int):
        if isinstance(value, list) and segment < len(value):
            yield from _resolve(value[segment], rest, (*reached, segment))
        return
    if isinstance(value, list):
        for index, element in enumerate(value):
            yield from _resolve(element, rest, (*reached, index))
