"""Multibase strings as Data Integrity uses them: base58btc (``z``) and base64url (``u``).

Only these two bases appear in the suites Kredo supports; anything else is refused rather
than guessed. Lengths are capped because base58 decoding is quadratic in the input length
and keys and proof values are short.
"""

from __future__ import annotations

from wallet.base64url import b64url_decode, b64url_encode
from wallet.errors import MalformedCredential
from wallet.translation import tr

BASE58BTC = "z"
BASE64URL = "u"

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: value for value, char in enumerate(_ALPHABET)}
# Far above any key or signature (a BBS proof is a few hundred bytes).
MAX_MULTIBASE_CHARS = 8192


def base58btc_encode(data: bytes) -> str:
    """Bitcoin base58 (no prefix); leading zero bytes become leading ``1``s."""
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    digits: list[str] = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_ALPHABET[remainder])
    return "1" * zeros + "".join(reversed(digits))


def base58btc_decode(text: str, *, what: str | None = None) -> bytes:
    """``what`` names the value as a sentence's subject (a ``tr()`` noun phrase)."""
    what = what or tr("A base58 value")
    if len(text) > MAX_MULTIBASE_CHARS:
        raise MalformedCredential(tr("{what} is too long.", what=what))
    number = 0
    for char in text:
        value = _INDEX.get(char)
        if value is None:
            raise MalformedCredential(
                tr("{what} contains a character that is not base58.", what=what))
        number = number * 58 + value
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_encode(data: bytes, base: str = BASE58BTC) -> str:
    """``z`` + base58btc, or ``u`` + unpadded base64url."""
    if base == BASE58BTC:
        return BASE58BTC + base58btc_encode(data)
    if base == BASE64URL:
        return BASE64URL + b64url_encode(data)
    raise ValueError(f"unsupported multibase prefix {base!r}")


def multibase_decode(text: str, *, what: str | None = None) -> bytes:
    """Decode a ``z`` or ``u`` multibase string; anything else is a malformed value.

    ``what`` names the value as the subject of a sentence (a ``tr()`` noun phrase).
    """
    what = what or tr("A multibase value")
    if not isinstance(text, str) or not text:
        raise MalformedCredential(tr("{what} is missing or not a string.", what=what))
    if len(text) > MAX_MULTIBASE_CHARS:
        raise MalformedCredential(tr("{what} is too long.", what=what))
    prefix, body = text[0], text[1:]
    if prefix == BASE58BTC:
        return base58btc_decode(body, what=what)
    if prefix == BASE64URL:
        try:
            return b64url_decode(body)
        except MalformedCredential:
            raise MalformedCredential(tr("{what} is not valid base64url.", what=what)) from None
    raise MalformedCredential(
        tr("{what} uses a multibase encoding Kredo does not read.", what=what),
        details=f"multibase prefix {prefix!r}",
    )
