"""IETF Token Status List (draft-ietf-oauth-status-list, used by SD-JWT VC): the token's
``status.status_list`` names ``idx`` and ``uri``; the URI answers a ``statuslist+jwt`` whose
``status_list`` holds ``bits`` per entry and ``lst``, a ZLIB-compressed, base64url byte
array packed from the least significant bit.

Keys: the list token must be signed by a did:key or did:jwk key (``kid`` or ``iss``); keys
published elsewhere (x5c chains, JWT issuer metadata) are not looked up yet and leave the
status unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from wallet.base64url import b64url_decode
from wallet.crypto.jws import verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.did import resolve_verification_method
from wallet.errors import WalletError
from wallet.inflate import ZLIB
from wallet.json_input import load_json_object
from wallet.status.bitstring import inflate_status_list, read_entry
from wallet.status.outcome import StatusListError, StatusState
from wallet.translation import tr

ACCEPT = "application/statuslist+jwt"
TOKEN_TYPES = frozenset({"statuslist+jwt", "application/statuslist+jwt"})
ALLOWED_BITS = frozenset({1, 2, 4, 8})
VALID, INVALID, SUSPENDED = 0x00, 0x01, 0x02
MAX_INDEX = 2**40


def token_status_reference(entry: Mapping[str, Any]) -> tuple[int, str]:
    """(idx, uri) of a ``status_list`` reference."""
    idx, uri = entry.get("idx"), entry.get("uri")
    if isinstance(idx, bool) or not isinstance(idx, int) or not 0 <= idx < MAX_INDEX:
        raise _failed(tr("The credential's status reference has no valid position."))
    if not isinstance(uri, str) or not uri:
        raise _failed(tr("The credential's status reference does not name a status list."))
    return idx, uri


def read_token_status(
    body: bytes, *, idx: int, uri: str, now: datetime, credential_issuer: str | None
) -> tuple[StatusState, str, tuple[str, ...]]:
    """Verify the status list token and read the value at ``idx`` (§8.3 of the draft)."""
    jws, payload = _status_list_token(body)
    # 1. The token must be a status list token about this very URI.
    if jws.header.get("typ") not in TOKEN_TYPES:
        raise _failed(tr("The issuer's status list is not a status list token."))
    if payload.get("sub") != uri:
        raise _failed(tr("The issuer's status list token is about another list."))
    # 2. Its signature, by a key Kredo can resolve offline.
    signer = _verified_signer(jws, payload)
    # 3. Time: exp in the past means the list no longer speaks for today.
    if _expired(payload.get("exp"), now):
        raise StatusListError(
            StatusState.UNKNOWN,
            tr("The issuer's status list has expired, so the current status is unknown."),
        )
    # 4. Decode and read the packed values, least significant bit first.
    values, bits = _packed_values(payload)
    state, message = _meaning(read_entry(values, idx, bits, msb_first=False))
    warnings: tuple[str, ...] = ()
    if credential_issuer and credential_issuer.startswith("did:") and signer != credential_issuer:
        warnings = (
            tr("The status list was signed by someone other than the credential's issuer."),
        )
    return state, message, warnings


def _status_list_token(body: bytes) -> tuple[CompactJws, dict[str, Any]]:
    try:
        jws = CompactJws.from_text(body.decode("ascii"))
        payload = load_json_object(jws.payload, what=tr("The issuer's status list"))
    except (UnicodeDecodeError, WalletError):
        raise _failed(
            tr("The issuer's status list is not a signed status list token.")
        ) from None
    return jws, payload


def _verified_signer(jws: CompactJws, payload: Mapping[str, Any]) -> str:
    """Who signed the list (the DID of its key), once the signature is verified."""
    iss = payload.get("iss")
    kid = jws.header.get("kid")
    key_id = kid if isinstance(kid, str) and kid.startswith("did:") else iss
    if not isinstance(key_id, str) or not key_id.startswith(("did:key:", "did:jwk:")):
        raise StatusListError(
            StatusState.UNKNOWN,
            tr("The issuer's status list is signed with a key Kredo cannot look up offline."),
        )
    try:
        key = resolve_verification_method(key_id).public_key
    except WalletError as exc:
        raise _failed(exc.message) from None
    verification = verify_compact_jws(jws, key)
    if not verification.valid:
        raise _failed(
            tr(
                "The issuer's status list failed its signature check. {reason}",
                reason=verification.message,
            )
        )
    return key_id.partition("#")[0]


def _packed_values(payload: Mapping[str, Any]) -> tuple[bytes, int]:
    """The inflated ``lst`` and the ``bits`` per entry of the token's ``status_list``."""
    status_list = payload.get("status_list")
    if not isinstance(status_list, Mapping):
        raise _failed(tr("The issuer's status list token holds no status list."))
    bits = status_list.get("bits")
    if bits not in ALLOWED_BITS or not isinstance(bits, int):
        raise _failed(
            tr("The issuer's status list uses an unsupported number of bits per entry.")
        )
    lst = status_list.get("lst")
    if not isinstance(lst, str):
        raise _failed(tr("The issuer's status list token holds no list."))
    try:
        compressed = b64url_decode(lst, what=tr("The issuer's status list"))
    except WalletError as exc:
        raise _failed(exc.message) from None
    return inflate_status_list(compressed, wbits=ZLIB), bits


def _meaning(value: int) -> tuple[StatusState, str]:
    """What a status value says (§7.1: valid, invalid, suspended; the rest is the issuer's)."""
    if value == VALID:
        return StatusState.OK, tr("The issuer has not revoked or suspended this credential.")
    if value == INVALID:
        return StatusState.REVOKED, tr("The issuer has revoked this credential.")
    if value == SUSPENDED:
        return StatusState.SUSPENDED, tr("The issuer has suspended this credential.")
    return StatusState.UNKNOWN, tr(
        "The issuer's status list gives the value {value}, whose meaning only the issuer "
        "knows.",
        value=f"{value:#x}",
    )


def _expired(exp: object, now: datetime) -> bool:
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return False
    try:
        return datetime.fromtimestamp(exp, UTC) < now
    except (OverflowError, OSError, ValueError):
        return False


def _failed(message: str) -> StatusListError:
    return StatusListError(StatusState.FAILED, message)
