"""Base45 (RFC 9285): bytes as text in the QR alphanumeric alphabet.

Two bytes become three characters, a last odd byte two. Decoding is strict: a character
outside the alphabet, a dangling single character, or a group whose value does not fit its
bytes (RFC 9285 §4.2: "ZZZ" would be 91124 > 65535) raises :class:`MalformedCredential`.
"""

from __future__ import annotations

from wallet.errors import MalformedCredential
from wallet.translation import tr

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {char: index for index, char in enumerate(ALPHABET)}


def b45encode(data: bytes) -> str:
    out: list[str] = []
    for start in range(0, len(data) - 1, 2):
        n = data[start] * 256 + data[start + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    try:
        values = [_VALUE[char] for char in text]
    except KeyError as exc:
        raise _invalid(tr("the character {char} is not in the Base45 alphabet",
                          char=repr(exc.args[0]))) from None
    if len(values) % 3 == 1:
        raise _invalid(tr("its length leaves one character over"))
    out = bytearray()
    for start in range(0, len(values), 3):
        group = values[start : start + 3]
        if len(group) == 3:
            n = group[0] + group[1] * 45 + group[2] * 45 * 45
            if n > 0xFFFF:
                raise _invalid(
                    tr("the group at position {position} is larger than two bytes",
                       position=start)
                )
            out += n.to_bytes(2, "big")
        else:
            n = group[0] + group[1] * 45
            if n > 0xFF:
                raise _invalid(
                    tr("the last group at position {position} is larger than one byte",
                       position=start)
                )
            out.append(n)
    return bytes(out)


def _invalid(reason: str) -> MalformedCredential:
    """``reason`` is a ``tr()`` clause that ends the sentence."""
    return MalformedCredential(
        tr("The QR code's Base45 text is invalid: {reason}.", reason=reason)
    )
