"""Strict unpadded base64url (RFC 7515 §2), the one codec every JOSE and seal reader uses.

Strictness matters: lenient decoders accept several spellings of the same bytes (padding,
stray low bits), which would let a tampered token or disclosure still decode to the original.
"""

from __future__ import annotations

import base64
import re

from wallet.errors import MalformedCredential

_ALPHABET = re.compile(r"[A-Za-z0-9_-]*")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: object, *, what: str = "A value") -> bytes:
    """Only the URL-safe alphabet, no padding, no whitespace, no non-zero spare bits."""
    if not isinstance(text, str) or not _ALPHABET.fullmatch(text) or len(text) % 4 == 1:
        raise MalformedCredential(f"{what} is not valid base64url text.")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64url_encode(data) != text:
        raise MalformedCredential(
            f"{what} is not valid base64url text.", details="non-canonical trailing bits"
        )
    return data
