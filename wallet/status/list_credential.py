"""Fetch a status list credential and prove it is the issuer's, before any bit is read.

A status list is a credential of its own: an attacker who can change it can un-revoke a
credential, so its signature (Data Integrity, or VC-JWT with a did:key / did:jwk key), its
validity window and its type are checked first (Bitstring Status List v1.0 §3.2 step 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.crypto.data_integrity import verify_proof
from wallet.crypto.data_integrity_checks import parse_datetime
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.jwt_vc import verify_vc_jwt
from wallet.did import key_resolver, resolve_verification_method
from wallet.errors import InputTooLarge, NetworkError, NetworkNotAllowed, WalletError
from wallet.json_input import load_json_object
from wallet.json_values import id_of
from wallet.net import Fetcher
from wallet.status.outcome import StatusListError, StatusState
from wallet.translation import tr

# Real lists are a few KB (a gzipped 16 KB bitstring); this leaves room for large ones.
MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024
STATUS_LIST_ACCEPT = (
    "application/vc+ld+json, application/vc+jwt, application/ld+json, application/json;q=0.9, "
    "application/jwt;q=0.8"
)
JWT_MEDIA_TYPES = frozenset({"application/vc+jwt", "application/jwt", "application/vc+ld+jwt"})


@dataclass(frozen=True)
class VerifiedStatusList:
    """A status list credential whose signature held, and who signed it."""

    url: str
    credential: Mapping[str, Any]
    issuer: str | None


def fetch_document(
    url: str, *, fetch: Fetcher, online: bool, timeout: float, accept: str
) -> tuple[bytes, str | None]:
    """The body and media type at ``url``; network trouble means the status is unknown."""
    try:
        got = fetch(
            url, allowed=online, max_bytes=MAX_STATUS_LIST_BYTES, timeout=timeout, accept=accept
        )
    except NetworkNotAllowed as exc:
        raise StatusListError(StatusState.UNKNOWN, exc.message) from None
    except InputTooLarge as exc:
        raise StatusListError(StatusState.FAILED, exc.message) from None
    except NetworkError as exc:
        raise StatusListError(
            StatusState.UNKNOWN,
            tr(
                "The issuer's status list could not be fetched. {reason}",
                reason=exc.message,
            ),
            details=exc.details,
        ) from None
    return got.body, got.media_type


def fetch_status_list(
    url: str,
    *,
    fetch: Fetcher,
    online: bool,
    now: datetime,
    timeout: float,
    documents: Mapping[str, Mapping[str, Any]] | None = None,
) -> VerifiedStatusList:
    body, media_type = fetch_document(
        url, fetch=fetch, online=online, timeout=timeout, accept=STATUS_LIST_ACCEPT
    )
    text_start = body.lstrip()[:1]
    if media_type in JWT_MEDIA_TYPES or (text_start and text_start != b"{"):
        credential, issuer = _verified_jwt(body, now)
    else:
        credential, issuer = _verified_data_integrity(body, now, documents)
    _check_validity_window(credential, now)
    return VerifiedStatusList(url=url, credential=credential, issuer=issuer)


def issuer_id(credential: Mapping[str, Any]) -> str | None:
    """The issuer's identifier, whether written as a string or as an object with ``id``."""
    return id_of(credential.get("issuer"))


# --- signatures --------------------------------------------------------------------------


def _verified_data_integrity(
    body: bytes, now: datetime, documents: Mapping[str, Mapping[str, Any]] | None
) -> tuple[Mapping[str, Any], str | None]:
    credential = _json_object(body)
    if "proof" not in credential:
        raise _failed(tr("The issuer's status list is not signed, so it cannot be trusted."))
    try:
        result = verify_proof(credential, now=now, resolve=key_resolver(documents))
    except WalletError as exc:
        raise _failed(
            tr(
                "The issuer's status list carries no signature Kredo can check. {reason}",
                reason=exc.message,
            )
        ) from None
    if not result.signature_checked:
        raise StatusListError(
            StatusState.UNKNOWN,
            tr(
                "The signature on the issuer's status list could not be checked. {reason}",
                reason=result.problems[0],
            )
            if result.problems
            else tr("The signature on the issuer's status list could not be checked."),
        )
    if not result.ok:
        reason = result.problems[0] if result.problems else tr("The signature is not valid.")
        raise _failed(_signature_failed(reason))
    return credential, issuer_id(credential)


def _verified_jwt(body: bytes, now: datetime) -> tuple[Mapping[str, Any], str | None]:
    try:
        token = body.decode("ascii").strip()
        jws = CompactJws.from_text(token)
    except (UnicodeDecodeError, WalletError):
        raise _failed(
            tr("The issuer's status list is neither JSON nor a signed token.")
        ) from None
    payload = _json_object(jws.payload)
    kid = jws.header.get("kid")
    iss = payload.get("iss")
    key_id = kid if isinstance(kid, str) and kid.startswith("did:") else iss
    if not isinstance(key_id, str) or not key_id.startswith(("did:key:", "did:jwk:")):
        raise StatusListError(
            StatusState.UNKNOWN,
            tr("The issuer's status list is signed with a key Kredo cannot look up offline."),
        )
    if isinstance(iss, str) and key_id.partition("#")[0] != iss:
        raise _failed(
            tr("The issuer's status list is signed by a key its issuer does not control.")
        )
    try:
        key = resolve_verification_method(key_id).public_key
        verification = verify_vc_jwt(token, key, now=now)
    except WalletError as exc:
        raise _failed(
            tr(
                "The issuer's status list could not be verified. {reason}",
                reason=exc.message,
            )
        ) from None
    if not verification.signature.passed:
        raise _failed(_signature_failed(verification.signature.messages[0]))
    if not verification.claims.passed:
        raise _failed(
            tr(
                "The issuer's status list is inconsistent. {reason}",
                reason=verification.claims.messages[0],
            )
        )
    if not verification.time.passed:
        raise StatusListError(
            StatusState.UNKNOWN,
            tr(
                "The issuer's status list is outside its validity period. {reason}",
                reason=verification.time.messages[0],
            ),
        )
    credential = dict(verification.credential)
    issuer = issuer_id(credential) or (iss if isinstance(iss, str) else None)
    return credential, issuer


# --- time ----------------------------------------------------------------------------------


def _check_validity_window(credential: Mapping[str, Any], now: datetime) -> None:
    """An expired or not-yet-valid list says nothing about today: the status is unknown."""
    for name in ("validFrom", "issuanceDate"):
        start = parse_datetime(credential.get(name))
        if start is not None and start > now:
            raise StatusListError(
                StatusState.UNKNOWN,
                tr("The issuer's status list is not valid yet, so the current status is unknown."),
            )
    for name in ("validUntil", "expirationDate"):
        end = parse_datetime(credential.get(name))
        if end is not None and end < now:
            raise StatusListError(
                StatusState.UNKNOWN,
                tr(
                    "The issuer's status list expired on {date}, so the current status is unknown.",
                    date=end.date().isoformat(),
                ),
            )


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        return load_json_object(body, what=tr("The issuer's status list"))
    except WalletError as exc:
        raise _failed(exc.message) from None


def _signature_failed(reason: str) -> str:
    return tr("The issuer's status list failed its signature check. {reason}",
              reason=reason)


def _failed(message: str) -> StatusListError:
    return StatusListError(StatusState.FAILED, message)

