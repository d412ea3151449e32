"""Strict unpadded base64url (RFC 7515 §2), the one codec every JOSE and seal reader uses.

Strictness matters: lenient decoders accept several spellings of the same bytes (padding,
stray low bits), which would let a tampered token or disclosure still decode to the original.
"""

from __future__ import annotations

import base64
import re

from wallet.errors import MalformedCredential
from wallet.translation import tr

_ALPHABET = re.compile(r"[A-Za-z0-9_-]*")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: object, *, what: str | None = None) -> bytes:
    """Only the URL-safe alphabet, no padding, no whitespace, no non-zero spare bits.

    ``what`` names the value as the subject of a sentence (a ``tr()`` sentence such as
    ``tr("The token's header")``, so it reads in the user's language too).
    """
    if not isinstance(text, str) or not _ALPHABET.fullmatch(text) or len(text) % 4 == 1:
        raise MalformedCredential(_not_base64url(what))
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64url_encode(data) != text:
        raise MalformedCredential(_not_base64url(what), details="non-canonical trailing bits")
    return data


def _not_base64url(what: str | None) -> str:
    return tr("{what} is not valid base64url text.", what=what or tr("A value"))
