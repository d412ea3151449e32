"""Kredo's compact single-code form: ``KR1:`` + Base45(zlib(original bytes)).

The original credential or presentation bytes travel unchanged (sealed EDCs and JWTs sign
their exact bytes), compressed with zlib (RFC 1950, level 9) and written in Base45
(RFC 9285), whose 45 characters are exactly the QR alphanumeric set, so the code uses
alphanumeric mode. Documented in ``docs/qr-format.md``.
"""

from __future__ import annotations

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import MAX_INPUT_BYTES
from wallet.qr.base45 import b45decode, b45encode
from wallet.qr.zlib_stream import compress, inflate
from wallet.translation import tr

PREFIX = "KR1:"


def encode_compact(data: bytes) -> str:
    return PREFIX + b45encode(compress(data))


def compressed_size(text: str) -> int:
    """Bytes of the zlib stream inside a compact text (for capacity reports)."""
    body = len(text) - len(PREFIX)
    return body // 3 * 2 + (1 if body % 3 else 0)


def decode_compact(text: str) -> bytes:
    """The original bytes of a ``KR1:`` text; a damaged text or a bomb raises ``FormatError``
    or ``QrPayloadTooLarge`` with one sentence."""
    if not text.startswith(PREFIX):
        raise MalformedCredential(
            tr("This is not a Kredo QR code (it does not start with KR1:).")
        )
    body = text[len(PREFIX) :]
    if len(body) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr("The QR text is longer than Kredo reads (16 MiB)."))
    if not body:
        raise MalformedCredential(tr("The Kredo QR code is empty."))
    return inflate(b45decode(body))
