"""The zlib streams (RFC 1950: header, deflate, Adler-32) that QR payloads carry.

Inflating is capped (:func:`wallet.inflate.inflate`): a few kilobytes of QR text could
otherwise expand to gigabytes (a decompression bomb). The cap is the project's inflation cap,
``MAX_INFLATED_BYTES``.
"""

from __future__ import annotations

import zlib

from wallet.errors import MalformedCredential, QrPayloadTooLarge
from wallet.inflate import InflateFailure
from wallet.inflate import inflate as inflate_stream
from wallet.limits import MAX_INFLATED_BYTES
from wallet.translation import tr

COMPRESSION_LEVEL = 9


def compress(data: bytes) -> bytes:
    return zlib.compress(data, COMPRESSION_LEVEL)


def looks_like_zlib(data: bytes) -> bool:
    """RFC 1950 §2.2: deflate, window ≤ 32 KiB, header a multiple of 31, no preset dictionary."""
    if len(data) < 2:
        return False
    cmf, flg = data[0], data[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf * 256 + flg) % 31 == 0 and not flg & 0x20


def inflate(data: bytes, *, cap: int = MAX_INFLATED_BYTES) -> bytes:
    """The bytes of one complete zlib stream, refusing more than ``cap`` of output."""
    result = inflate_stream(data, limit=cap)
    if result.failure is InflateFailure.DAMAGED:
        raise MalformedCredential(tr("The QR code's compressed data is damaged."))
    if result.failure is InflateFailure.TOO_LARGE:
        raise QrPayloadTooLarge(tr(
            "The QR code's data would inflate to more than {limit} MiB, the most Kredo accepts; "
            "it was refused.",
            limit=cap // (1024 * 1024),
        ))
    if result.failure is InflateFailure.TRUNCATED:
        raise MalformedCredential(tr("The QR code's compressed data is incomplete."))
    if result.unused:
        raise MalformedCredential(
            tr("The QR code's compressed data has extra bytes after its end.")
        )
    return result.data
