"""The Digital Credentials Query Language (OpenID4VP 1.0 §6): what a verifier asks for.

A query lists credential queries (``credentials``: an ``id``, a ``format``, format-specific
``meta``, the ``claims`` wanted with optional expected ``values``, ``claim_sets`` of
alternatives, ``multiple``, the ``trusted_authorities`` that should vouch for the issuer) and
optionally ``credential_sets`` (which combinations of those queries satisfy the verifier, each
``required`` or not). Reading builds valid objects or raises
one :class:`PresentationRequestError`; formats Kredo cannot present are kept, so the consent
screen can say what was asked and could not be answered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wallet.errors import PresentationRequestError
from wallet.translation import tr

SD_JWT_VC = "dc+sd-jwt"
JWT_VC_JSON = "jwt_vc_json"
LDP_VC = "ldp_vc"
PRESENTABLE_FORMATS = frozenset({SD_JWT_VC, JWT_VC_JSON, LDP_VC})
MAX_QUERIES = 20
MAX_CLAIMS = 100
MAX_PATH = 16
MAX_VALUES = 50
MAX_AUTHORITIES = 20
MAX_AUTHORITY_CHARS = 2048
# §6.1: ids are non-empty strings of alphanumerics, underscore and hyphen.
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

PathSegment = str | int | None  # a key, an array index, or None: every element


@dataclass(frozen=True)
class ClaimQuery:
    path: tuple[PathSegment, ...]
    id: str | None = None
    values: tuple[str | int | bool, ...] = ()


@dataclass(frozen=True)
class TrustedAuthority:
    """§6.1.1: a kind of authority (``aki``, ``etsi_tl``, ``openid_federation``, or one Kredo
    does not know) and the values that name the authorities the verifier accepts."""

    type: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class CredentialQuery:
    id: str
    format: str
    multiple: bool
    vct_values: tuple[str, ...] = ()  # dc+sd-jwt
    type_values: tuple[tuple[str, ...], ...] = ()  # W3C formats: expanded type IRIs
    claims: tuple[ClaimQuery, ...] = ()  # empty: no claims asked (nothing selectively shown)
    claim_sets: tuple[tuple[str, ...], ...] = ()
    require_binding: bool = True
    trusted_authorities: tuple[TrustedAuthority, ...] = ()

    @property
    def presentable(self) -> bool:
        return self.format in PRESENTABLE_FORMATS

    def claim_alternatives(self) -> tuple[tuple[ClaimQuery, ...], ...]:
        """The claim combinations that answer this query, the verifier's preferred first."""
        if not self.claim_sets:
            return (self.claims,)
        by_id = {claim.id: claim for claim in self.claims}
        return tuple(tuple(by_id[i] for i in option) for option in self.claim_sets)


@dataclass(frozen=True)
class CredentialSet:
    options: tuple[tuple[str, ...], ...]
    required: bool = True


@dataclass(frozen=True)
class DcqlQuery:
    credentials: tuple[CredentialQuery, ...]
    credential_sets: tuple[CredentialSet, ...] = ()

    @classmethod
    def from_json(cls, document: Any) -> DcqlQuery:
        if not isinstance(document, Mapping):
            raise _broken(tr("The verifier's query is not a JSON object."))
        raw_queries = document.get("credentials")
        if not isinstance(raw_queries, list) or not raw_queries:
            raise _broken(tr("The verifier's query asks for no credential."))
        if len(raw_queries) > MAX_QUERIES:
            raise _broken(tr("The verifier's query asks for too many credentials."))
        queries = tuple(_credential_query(q) for q in raw_queries)
        ids = [q.id for q in queries]
        if len(set(ids)) != len(ids):
            raise _broken(tr("The verifier's query names two credential queries alike."))
        sets = tuple(_credential_set(s, set(ids)) for s in _list(document, "credential_sets"))
        return cls(queries, sets)

    def query(self, query_id: str) -> CredentialQuery:
        return next(q for q in self.credentials if q.id == query_id)


def _credential_query(raw: Any) -> CredentialQuery:
    if not isinstance(raw, Mapping):
        raise _broken(tr("A credential query of the verifier is not a JSON object."))
    query_id, credential_format = raw.get("id"), raw.get("format")
    if not isinstance(query_id, str) or not _ID.fullmatch(query_id):
        raise _broken(tr("A credential query of the verifier has no valid id."))
    if not isinstance(credential_format, str) or not credential_format:
        raise _broken(tr("The credential query {id} names no format.", id=query_id))
    multiple = raw.get("multiple", False)
    binding = raw.get("require_cryptographic_holder_binding", True)
    if not isinstance(multiple, bool) or not isinstance(binding, bool):
        raise _broken(tr("The credential query {id} is not well formed.", id=query_id))
    meta = raw.get("meta", {})
    if not isinstance(meta, Mapping):
        raise _broken(tr("The credential query {id} is not well formed.", id=query_id))
    claims = tuple(_claim(c, query_id) for c in _list(raw, "claims"))
    if len(claims) > MAX_CLAIMS:
        raise _broken(tr("The credential query {id} asks for too many claims.", id=query_id))
    claim_sets = tuple(_claim_set(s, claims, query_id) for s in _list(raw, "claim_sets"))
    return CredentialQuery(
        id=query_id, format=credential_format, multiple=multiple,
        vct_values=_strings(meta.get("vct_values", []), query_id),
        type_values=tuple(_strings(v, query_id) for v in _plain_list(
            meta.get("type_values", []), query_id)),
        claims=claims, claim_sets=claim_sets, require_binding=binding,
        trusted_authorities=_trusted_authorities(raw, query_id),
    )


def _trusted_authorities(raw: Mapping[str, Any], query_id: str) -> tuple[TrustedAuthority, ...]:
    """§6.1: absent, or a non-empty array of objects, each with a ``type`` string and a
    non-empty ``values`` array of strings."""
    if "trusted_authorities" not in raw:
        return ()
    value = raw["trusted_authorities"]
    if not isinstance(value, list) or not value or len(value) > MAX_AUTHORITIES:
        raise _broken(tr("The credential query {id} names its trusted authorities in a form "
                         "Kredo cannot read.", id=query_id))
    return tuple(_trusted_authority(item, query_id) for item in value)


def _trusted_authority(item: Any, query_id: str) -> TrustedAuthority:
    kind = item.get("type") if isinstance(item, Mapping) else None
    values = item.get("values") if isinstance(item, Mapping) else None
    if (not isinstance(kind, str) or not kind or not isinstance(values, list) or not values
            or len(values) > MAX_VALUES
            or not all(isinstance(v, str) and 0 < len(v) <= MAX_AUTHORITY_CHARS
                       for v in values)):
        raise _broken(tr("The credential query {id} names its trusted authorities in a form "
                         "Kredo cannot read.", id=query_id))
    return TrustedAuthority(kind[:60], tuple(values))


def _claim(raw: Any, query_id: str) -> ClaimQuery:
    if not isinstance(raw, Mapping):
        raise _broken(tr("A claim asked for in {id} is not well formed.", id=query_id))
    path = raw.get("path")
    if (not isinstance(path, list) or not path or len(path) > MAX_PATH or not all(
            s is None or isinstance(s, str) or (isinstance(s, int) and not isinstance(s, bool)
                                                and s >= 0) for s in path)):
        raise _broken(tr("A claim asked for in {id} has no valid path.", id=query_id))
    claim_id = raw.get("id")
    if claim_id is not None and (not isinstance(claim_id, str) or not _ID.fullmatch(claim_id)):
        raise _broken(tr("A claim asked for in {id} has no valid id.", id=query_id))
    values = raw.get("values", [])
    if (not isinstance(values, list) or len(values) > MAX_VALUES
            or not all(isinstance(v, str | int | bool) for v in values)):
        raise _broken(tr("A claim asked for in {id} lists values Kredo cannot read.",
                         id=query_id))
    return ClaimQuery(tuple(path), claim_id, tuple(values))


def _claim_set(raw: Any, claims: Sequence[ClaimQuery], query_id: str) -> tuple[str, ...]:
    known = {c.id for c in claims if c.id is not None}
    if not isinstance(raw, list) or not raw or not all(isinstance(i, str) and i in known
                                                      for i in raw):
        raise _broken(tr("A claim set of {id} names claims the query does not list.",
                         id=query_id))
    return tuple(raw)


def _credential_set(raw: Any, ids: set[str]) -> CredentialSet:
    if not isinstance(raw, Mapping):
        raise _broken(tr("A credential set of the verifier's query is not well formed."))
    options = raw.get("options")
    required = raw.get("required", True)
    if (not isinstance(options, list) or not options or not isinstance(required, bool)
            or not all(isinstance(o, list) and o and all(i in ids for i in o)
                       for o in options)):
        raise _broken(tr("A credential set of the verifier's query names queries it does not "
                         "have."))
    return CredentialSet(tuple(tuple(o) for o in options), required)


def _list(raw: Mapping[str, Any], name: str) -> list[Any]:
    value = raw.get(name, [])
    if not isinstance(value, list):
        raise _broken(tr("The verifier's query is not well formed ({name}).", name=name))
    return value


def _plain_list(value: Any, query_id: str) -> list[Any]:
    if not isinstance(value, list):
        raise _broken(tr("The credential query {id} is not well formed.", id=query_id))
    return value


def _strings(value: Any, query_id: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _broken(tr("The credential query {id} is not well formed.", id=query_id))
    return tuple(value)


def _broken(message: str) -> PresentationRequestError:
    return PresentationRequestError(message)
