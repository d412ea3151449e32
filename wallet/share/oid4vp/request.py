"""A verifier's authorization request, checked and typed (OpenID4VP 1.0 §5, §8).

Kredo answers ``response_type=vp_token`` with a DCQL query, by ``direct_post`` or
``direct_post.jwt`` to a ``response_uri`` (a desktop wallet has no browser redirect to ride
on). The answer may go only where the verifier's identity allows: for ``redirect_uri`` the
very address named, for ``x509_san_dns`` that certificate's host. Anything Kredo cannot honour
(``presentation_definition``, ``transaction_data``, ``scope``) is refused with a sentence,
before anything is sent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from wallet import net
from wallet.errors import PresentationRequestError
from wallet.share.oid4vp.dcql import DcqlQuery
from wallet.share.oid4vp.verifier_identity import REDIRECT_URI, X509_SAN_DNS, VerifierIdentity
from wallet.translation import tr

DIRECT_POST = "direct_post"
DIRECT_POST_JWT = "direct_post.jwt"
RESPONSE_MODES = frozenset({DIRECT_POST, DIRECT_POST_JWT})
MAX_NONCE_CHARS = 1024
MAX_NAME_CHARS = 200
_JSON_PARAMETERS = ("dcql_query", "client_metadata")
_UNSUPPORTED = ("presentation_definition", "presentation_definition_uri", "scope",
                "transaction_data", "verifier_info")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class VerifierMetadata:
    """What ``client_metadata`` tells the wallet: a display name, the keys to encrypt to and
    the content encryptions the verifier accepts (A128GCM when it says nothing, §8.3)."""

    name: str | None = None
    jwks: tuple[Mapping[str, Any], ...] = field(default=(), repr=False)
    encryption_methods: tuple[str, ...] = ("A128GCM",)
    formats: Mapping[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class PresentationRequest:
    """One checked request: who asks (``verifier``), what (``query``), for which ``nonce``,
    and where and how the answer goes."""

    verifier: VerifierIdentity
    query: DcqlQuery
    nonce: str
    response_mode: str
    response_uri: str
    state: str | None
    metadata: VerifierMetadata
    signed: bool

    @property
    def client_id(self) -> str:
        return self.verifier.client_id

    @property
    def encrypted(self) -> bool:
        return self.response_mode == DIRECT_POST_JWT

    @property
    def response_host(self) -> str:
        return urlsplit(self.response_uri).hostname or "?"

    @classmethod
    def from_parameters(
        cls, parameters: Mapping[str, Any], verifier: VerifierIdentity, *, signed: bool
    ) -> PresentationRequest:
        """Check the request's parameters against OpenID4VP and against ``verifier``."""
        values = _decoded(parameters)
        # §5.1, §5.2: a presentation, asked for with DCQL, nothing Kredo cannot honour.
        _refuse_unsupported(values)
        if values.get("response_type") != "vp_token":
            raise PresentationRequestError(
                tr("The verifier asks for something other than credentials (response type "
                   "{type}); Kredo refuses it.", type=str(values.get("response_type"))[:40]))
        if values.get("client_id") != verifier.client_id:
            raise PresentationRequestError(
                tr("The request names another verifier than the one that signed it; Kredo "
                   "refuses it."), details="client_id mismatch")
        nonce = _nonce(values.get("nonce"))
        mode = values.get("response_mode")
        if mode not in RESPONSE_MODES:
            raise PresentationRequestError(
                tr("The verifier wants the answer delivered in a way Kredo does not support "
                   "({mode}); Kredo sends answers directly to the verifier's server.",
                   mode=str(mode)[:40]))
        response_uri = _response_uri(values.get("response_uri"), verifier)
        metadata = _metadata(values.get("client_metadata"), encrypted=mode == DIRECT_POST_JWT)
        state = values.get("state")
        if state is not None and (not isinstance(state, str) or len(state) > MAX_NONCE_CHARS):
            raise PresentationRequestError(tr("The request's state value is not usable."))
        return cls(verifier, DcqlQuery.from_json(values.get("dcql_query")), nonce, str(mode),
                   response_uri, state, metadata, signed)


def _decoded(parameters: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters of a link are strings; JSON-valued ones are decoded (a signed request
    object carries them as JSON already)."""
    values = dict(parameters)
    for name in _JSON_PARAMETERS:
        if isinstance(values.get(name), str):
            try:
                values[name] = json.loads(values[name])
            except ValueError:
                raise PresentationRequestError(
                    tr("The request's {name} is not readable JSON.", name=name)) from None
    return values


def _refuse_unsupported(values: Mapping[str, Any]) -> None:
    for name in _UNSUPPORTED:
        if name in values:
            raise PresentationRequestError(
                tr("The verifier's request uses {name}, which Kredo does not support; "
                   "nothing was sent.", name=name),
            )
    if "dcql_query" not in values:
        raise PresentationRequestError(tr("The verifier's request does not say what it asks "
                                          "for (no DCQL query)."))


def _nonce(value: Any) -> str:
    if (not isinstance(value, str) or not value.strip() or len(value) > MAX_NONCE_CHARS
            or any(ord(c) < 0x20 for c in value)):
        raise PresentationRequestError(
            tr("The verifier's request has no usable nonce, so an answer could be replayed; "
               "Kredo refuses it."))
    return value


def _response_uri(value: Any, verifier: VerifierIdentity) -> str:
    if not isinstance(value, str) or not value or len(value) > net.MAX_URL_CHARS:
        raise PresentationRequestError(tr("The verifier's request does not say where to send "
                                          "the answer."))
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    secure = parts.scheme == "https" or (
        parts.scheme == "http" and host in _LOOPBACK and net.loopback_http_allowed())
    if not secure or not host:
        raise PresentationRequestError(
            tr("The verifier wants the answer sent to an address that is not secure (https); "
               "Kredo refuses it."), details=value[:200])
    if verifier.prefix == REDIRECT_URI and value != verifier.name:
        raise PresentationRequestError(
            tr("The answer would go to another address than the one the verifier names "
               "itself by; Kredo refuses it."), details=f"{host}")
    if verifier.prefix == X509_SAN_DNS and host != verifier.name.lower():
        raise PresentationRequestError(
            tr("The answer would go to {host}, not to {name} whose certificate signed the "
               "request; Kredo refuses it.", host=host[:100], name=verifier.name[:100]))
    return value


def _metadata(value: Any, *, encrypted: bool) -> VerifierMetadata:
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise PresentationRequestError(tr("The verifier's metadata is not a JSON object."))
    name = value.get("client_name")
    jwks = value.get("jwks", {})
    keys = jwks.get("keys", []) if isinstance(jwks, Mapping) else None
    methods = value.get("encrypted_response_enc_values_supported", ["A128GCM"])
    formats = value.get("vp_formats_supported", {})
    if (not isinstance(keys, list) or not all(isinstance(k, Mapping) for k in keys)
            or not isinstance(methods, list) or not all(isinstance(m, str) for m in methods)
            or not isinstance(formats, Mapping)):
        raise PresentationRequestError(tr("The verifier's metadata is not well formed."))
    if encrypted and not keys:
        raise PresentationRequestError(
            tr("The verifier wants an encrypted answer but gives no key to encrypt it to."))
    return VerifierMetadata(
        name=name[:MAX_NAME_CHARS] if isinstance(name, str) and name.strip() else None,
        jwks=tuple(keys), encryption_methods=tuple(methods), formats=dict(formats),
    )
