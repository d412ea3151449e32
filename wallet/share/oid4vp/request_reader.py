"""From the text of a verifier's link to a checked :class:`PresentationRequest`.

1. Read the link (:mod:`wallet.share.oid4vp.links`).
2. By reference: fetch the request object from ``request_uri`` through :mod:`wallet.net`
   (https, one deadline, at most :data:`REQUEST_MAX_BYTES`); with ``request_uri_method=post``
   send the wallet's metadata and a fresh ``wallet_nonce`` (§5.10) that the object must repeat.
3. A request object (RFC 9101): typed ``oauth-authz-req+jwt``, signed as the verifier's client
   identifier prefix demands (:mod:`wallet.share.oid4vp.verifier_identity`), naming the same client,
   not expired. Only its own claims count; the link's other parameters are ignored.
4. No request object: the link's parameters, allowed only for ``redirect_uri`` verifiers.
5. The parameters checked into a :class:`PresentationRequest`.

Nothing is sent to the verifier here except, for ``post``, what the wallet supports.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from cryptography import x509

from wallet import net
from wallet.crypto.jws_compact import CompactJws
from wallet.did.did_web import resolve_did_web
from wallet.errors import NetworkTimeout, PresentationRequestError, WalletError
from wallet.issuance.issuer_http import NetworkPolicy, host_of
from wallet.json_input import load_json_object
from wallet.share.oid4vp.links import RequestLink, parse_request_link
from wallet.share.oid4vp.request import PresentationRequest
from wallet.share.oid4vp.verifier_identity import (
    ACCEPTED_PREFIXES,
    DidDocumentSource,
    VerifierIdentity,
    signed_identity,
    split_client_id,
    unsigned_identity,
)
from wallet.share.oid4vp.wallet_metadata import wallet_metadata
from wallet.translation import tr, tr_n

REQUEST_MAX_BYTES = 256 * 1024
REQUEST_OBJECT_TYPE = "oauth-authz-req+jwt"
REQUEST_OBJECT_MEDIA_TYPE = "application/oauth-authz-req+jwt"


@dataclass(frozen=True)
class ReadingContext:
    """What reading a request may use: the learner's network permission (for the request
    itself), whether a verifier's did:web may be looked up online too, the certificate
    authorities whose verifiers count as confirmed, and the time (tests fix it)."""

    policy: NetworkPolicy
    anchors: Sequence[x509.Certificate] = field(default=(), repr=False)
    now: datetime | None = None
    did_web_online: bool = False


def read_request(text: str, context: ReadingContext) -> PresentationRequest:
    """The checked request behind a verifier's link; raises a :class:`WalletError` with one
    sentence (``PresentationRequestError``, ``NetworkError``) for anything Kredo refuses."""
    link = parse_request_link(text)
    client_id = link.client_id or ""
    split_client_id(client_id)  # a verifier Kredo cannot check is refused before any fetch
    if link.request_uri is not None:
        token, wallet_nonce = _fetch_request_object(link, context.policy)
        return _from_request_object(token, client_id, context, wallet_nonce=wallet_nonce)
    if link.request is not None:
        return _from_request_object(link.request, client_id, context, wallet_nonce=None)
    return PresentationRequest.from_parameters(
        link.parameters, unsigned_identity(client_id), signed=False)


def _fetch_request_object(link: RequestLink, policy: NetworkPolicy) -> tuple[str, str | None]:
    uri = link.request_uri or ""
    try:
        if link.request_uri_method == "post":
            nonce = secrets.token_urlsafe(24)
            form = {"wallet_metadata": json.dumps(wallet_metadata(), separators=(",", ":")),
                    "wallet_nonce": nonce}
            fetched = net.post(
                uri, allowed=policy.allowed, body=urlencode(form).encode("ascii"),
                content_type="application/x-www-form-urlencoded",
                max_bytes=REQUEST_MAX_BYTES, timeout=policy.timeout,
                accept=REQUEST_OBJECT_MEDIA_TYPE)
            return _token_text(fetched.body, uri), nonce
        fetched = net.fetch(uri, allowed=policy.allowed, max_bytes=REQUEST_MAX_BYTES,
                            timeout=policy.timeout, accept=REQUEST_OBJECT_MEDIA_TYPE)
    except NetworkTimeout as exc:
        raise NetworkTimeout(_verifier_timeout(host_of(uri), policy.timeout),
                             details=exc.details) from None
    return _token_text(fetched.body, uri), None


def _token_text(body: bytes, uri: str) -> str:
    try:
        text = body.decode("ascii").strip()
    except UnicodeDecodeError:
        text = ""
    if text.count(".") != 2:
        raise PresentationRequestError(
            tr("The verifier's server {host} did not answer with a request Kredo can read.",
               host=host_of(uri)),
            details="not a compact JWS" if text.count(".") != 4 else "encrypted request",
        )
    return text


def _from_request_object(
    token: str, client_id: str, context: ReadingContext, *, wallet_nonce: str | None
) -> PresentationRequest:
    try:
        jws = CompactJws.from_text(token, what=tr("The verifier's request"))
        claims = load_json_object(jws.payload, what=tr("The verifier's request"))
    except WalletError as exc:
        raise PresentationRequestError(exc.message, details=exc.details) from None
    if jws.header.get("typ") != REQUEST_OBJECT_TYPE:
        raise PresentationRequestError(
            tr("The verifier's request is not marked as a request object; Kredo refuses it."),
            details=f"typ {str(jws.header.get('typ'))[:40]!r}")
    if claims.get("client_id") != client_id:
        raise PresentationRequestError(
            tr("The request names another verifier than the link it came with; Kredo "
               "refuses it."), details="client_id mismatch")
    _check_expiry(claims)
    if wallet_nonce is not None and claims.get("wallet_nonce") != wallet_nonce:
        raise PresentationRequestError(
            tr("The verifier's request does not answer Kredo's fresh nonce, so it may be an "
               "old one replayed; Kredo refuses it."), details="wallet_nonce")
    identity = _identity(jws, client_id, context)
    return PresentationRequest.from_parameters(claims, identity, signed=jws.alg != "none")


def _identity(jws: CompactJws, client_id: str, context: ReadingContext) -> VerifierIdentity:
    if jws.alg == "none":
        if jws.signature:
            raise PresentationRequestError(tr("The verifier's request is not well formed."))
        return unsigned_identity(client_id)
    policy = context.policy

    def did_document(did: str) -> dict[str, Any]:
        return resolve_did_web(did, allowed=policy.allowed, timeout=policy.timeout)

    online = policy.allowed and context.did_web_online
    source: DidDocumentSource | None = did_document if online else None
    return signed_identity(client_id, jws, anchors=context.anchors, did_documents=source,
                           now=context.now)


def _check_expiry(claims: dict[str, Any]) -> None:
    expires = claims.get("exp")
    if expires is None:
        return
    if not isinstance(expires, int | float) or isinstance(expires, bool):
        raise PresentationRequestError(tr("The verifier's request has an unreadable expiry."))
    if expires < time.time():
        raise PresentationRequestError(tr("The verifier's request has expired; ask the "
                                          "verifier for a new one."))


def _verifier_timeout(host: str, timeout: float) -> str:
    count = int(timeout) if float(timeout).is_integer() else 2
    return tr_n("The verifier's server {host} did not answer within {seconds} second.",
                "The verifier's server {host} did not answer within {seconds} seconds.",
                count, host=host, seconds=f"{timeout:g}")


__all__ = ["ACCEPTED_PREFIXES", "ReadingContext", "read_request"]
