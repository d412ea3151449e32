"""The structure of a compact JWS (RFC 7515 §7.1): three strict base64url segments.

Only structure lives here: splitting, strict base64url, header and payload JSON. Signature
checking belongs to ``wallet.crypto``, which imports :func:`parse_compact_jws` so that both
sides agree on exactly which bytes were signed (``signing_input``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.base64url import b64url_decode
from wallet.errors import MalformedCredential, WalletError
from wallet.json_input import decode_text, load_json, load_json_object
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


def parse_compact_jws(token: str | bytes, *, what: str | None = None) -> CompactJws:
    """Split and decode a compact JWS; surrounding whitespace is tolerated, nothing else.

    ``what`` names the token in sentences (a ``tr()`` sentence); the default is "The token".
    """
    what = what or tr("The token")
    text = decode_text(token, what=what) if isinstance(token, bytes) else token
    text = text.strip()
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
    return CompactJws(header, payload, signature, header_b64, payload_b64, signature_b64)


def peek_payload_object(raw: bytes) -> dict[str, Any] | None:
    """For ``detect``: the payload object of a compact JWS, or ``None``; never raises."""
    if not looks_like_compact_jws(raw):
        return None
    try:
        return parse_compact_jws(raw).payload_object()
    except WalletError:
        return None
