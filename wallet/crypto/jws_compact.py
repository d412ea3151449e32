"""The structure of a compact JWS (RFC 7515 §7.1): the one reader every token goes through.

Credentials (VC-JWT, SD-JWT VC, signed Open Badges), presentations, key-binding tokens and
status list tokens are all read here, so detection, parsing and signature checking agree on
exactly which bytes were signed (``signing_input``). The rules:

1. text: a ``str``, or UTF-8 bytes (a BOM is dropped), at most ``MAX_INPUT_BYTES``;
   surrounding whitespace is tolerated, nothing else;
2. exactly three parts separated by dots, the header and the payload not empty (the
   signature may be: an unsigned ``alg: none`` token still reads, and is then refused by
   :func:`wallet.crypto.jws.verify_compact_jws`);
3. every part strict base64url (:mod:`wallet.base64url`);
4. the header a JSON object naming its algorithm (``alg``, RFC 7515 §4.1.1).

Signature checking lives in :mod:`wallet.crypto.jws`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.base64url import b64url_decode
from wallet.errors import MalformedCredential, WalletError
from wallet.json_input import decode_text, load_json, load_json_object
from wallet.limits import MAX_INPUT_BYTES
from wallet.translation import tr

# RFC 7515 base64url without padding; a padding '=' or any other byte is an error.
_B64URL_BYTES = re.compile(rb"[A-Za-z0-9_-]+")
# A JWT header starts with '{"' → base64url "eyJ" (or "ey" + whitespace variants, rare).
_JWS_PREFIX = b"ey"


@dataclass(frozen=True)
class CompactJws:
    """A parsed compact JWS. ``signing_input`` is ``header_b64 + "." + payload_b64`` (ASCII)."""

    header: dict[str, Any]
    payload: bytes
    signature: bytes
    header_b64: str
    payload_b64: str
    signature_b64: str

    @classmethod
    def from_text(cls, token: str | bytes, *, what: str | None = None) -> CompactJws:
        """Split and decode a compact JWS; raises :class:`MalformedCredential` for anything else.

        ``what`` names the token in sentences (a ``tr()`` sentence); the default is "The token".
        """
        what = what or tr("The token")
        text = _text(token, what).strip()
        parts = text.split(".")
        if len(parts) != 3:
            raise MalformedCredential(
                tr("{what} is not a compact JWS (expected three parts separated by dots).",
                   what=what),
                details=f"found {len(parts)} parts",
            )
        header_b64, payload_b64, signature_b64 = parts
        if not header_b64 or not payload_b64:
            raise MalformedCredential(tr("{what} has an empty header or payload.", what=what))
        header_what = tr("{what} header", what=what)
        header_bytes = b64url_decode(header_b64, what=header_what)
        payload = b64url_decode(payload_b64, what=tr("{what} payload", what=what))
        signature = b64url_decode(signature_b64, what=tr("{what} signature", what=what))
        header = load_json_object(header_bytes, what=header_what)
        alg = header.get("alg")
        if not isinstance(alg, str) or not alg:
            raise MalformedCredential(
                tr("{what} names no signature algorithm.", what=header_what)
            )
        return cls(header, payload, signature, header_b64, payload_b64, signature_b64)

    @property
    def alg(self) -> str:
        """The signature algorithm; reading the token made sure the header names one."""
        return str(self.header["alg"])

    @property
    def signing_input(self) -> bytes:
        return f"{self.header_b64}.{self.payload_b64}".encode("ascii")

    @property
    def compact(self) -> str:
        return f"{self.header_b64}.{self.payload_b64}.{self.signature_b64}"

    def payload_json(self, *, what: str | None = None) -> Any:
        """The payload parsed as JSON (bounded like every other JSON input)."""
        return load_json(self.payload, what=what or tr("The token payload"))

    def payload_object(self, *, what: str | None = None) -> dict[str, Any]:
        return load_json_object(self.payload, what=what or tr("The token payload"))


def _text(token: object, what: str) -> str:
    if isinstance(token, bytes):
        return decode_text(token, what=what)
    if not isinstance(token, str):
        raise MalformedCredential(tr("The signed token is not text."))
    if len(token) > MAX_INPUT_BYTES:
        raise MalformedCredential(tr("The signed token is too large to be a credential."))
    return token


def looks_like_compact_jws(raw: bytes) -> bool:
    """Cheap check for ``detect``: ``ey…`` followed by exactly three base64url segments."""
    text = raw.strip()
    if not text.startswith(_JWS_PREFIX):
        return False
    parts = text.split(b".")
    return (
        len(parts) == 3
        and all(_B64URL_BYTES.fullmatch(p) for p in parts[:2])
        and (not parts[2] or _B64URL_BYTES.fullmatch(parts[2]) is not None)
    )


def peek_payload_object(raw: bytes) -> dict[str, Any] | None:
    """For ``detect``: the payload object of a compact JWS, or ``None``; never raises."""
    if not looks_like_compact_jws(raw):
        return None
    try:
        return CompactJws.from_text(raw).payload_object()
    except WalletError:
        return None
