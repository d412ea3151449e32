"""Base64url (RFC 4648 §5), the one codec every JOSE, seal, key and status-list reader uses.

Strict by default, as RFC 7515 §2 writes it: only the URL-safe alphabet, no padding, no
white space, no non-zero spare bits. Strictness matters: lenient decoders accept several
spellings of the same bytes, which would let a tampered token or disclosure still decode to
the original.

``tolerant=True`` is for the few places where real issuers write other spellings of the same
bytes and nothing is signed over the text itself (status lists' ``encodedList``, ``data:``
URLs, a sealed credential's envelope): padding, the standard alphabet (``+``, ``/``) and
spare bits are then read too. Anything else (white space, other characters, a length no
encoding produces) is refused either way.
"""

from __future__ import annotations

import base64
import re

from wallet.errors import MalformedCredential
from wallet.translation import tr

_STRICT = re.compile(r"[A-Za-z0-9_-]*")
_TOLERANT = re.compile(r"[A-Za-z0-9_\-+/]*={0,2}")


def b64url_encode(data: bytes) -> str:
    """Unpadded base64url, the only spelling Kredo writes."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: object, *, what: str | None = None, tolerant: bool = False) -> bytes:
    """The bytes of ``text``; raises :class:`MalformedCredential` for anything else.

    ``what`` names the value as the subject of a sentence (a ``tr()`` sentence such as
    ``tr("The token's header")``, so it reads in the user's language too).
    """
    pattern = _TOLERANT if tolerant else _STRICT
    if not isinstance(text, str) or not pattern.fullmatch(text):
        raise MalformedCredential(_not_base64url(what))
    body = text.rstrip("=").replace("+", "-").replace("/", "_") if tolerant else text
    if len(body) % 4 == 1:
        raise MalformedCredential(_not_base64url(what), details="impossible length")
    data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    if not tolerant and b64url_encode(data) != text:
        raise MalformedCredential(_not_base64url(what), details="non-canonical trailing bits")
    return data


def _not_base64url(what: str | None) -> str:
    return tr("{what} is not valid base64url text.", what=what or tr("A value"))
