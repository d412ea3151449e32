"""Inflating zlib, gzip and raw deflate streams, bounded by the size of what comes out.

A few kilobytes of input can expand to gigabytes (a decompression bomb), so every
decompression of input Kredo did not make itself goes through :func:`inflate`, which stops
one byte past ``limit`` (by default the project's cap, ``MAX_INFLATED_BYTES``) whatever the
input's size. A stream that fails is a result, not an exception: each caller (a QR code, a
status list, a baked badge) says in its own words what was damaged.
"""

from __future__ import annotations

import enum
import zlib
from dataclasses import dataclass

from wallet.limits import MAX_INFLATED_BYTES

ZLIB = zlib.MAX_WBITS  # RFC 1950: header, deflate, Adler-32
GZIP = 16 + zlib.MAX_WBITS  # RFC 1952: one gzip member


class InflateFailure(enum.Enum):
    DAMAGED = "damaged"  # not a valid stream
    TOO_LARGE = "too large"  # would produce more than the limit
    TRUNCATED = "truncated"  # ends before the stream does


@dataclass(frozen=True)
class Inflated:
    """The bytes one stream inflated to, or why it did not; ``unused`` is any input left
    after the end of the stream (a caller that expects exactly one stream refuses it)."""

    data: bytes = b""
    failure: InflateFailure | None = None
    unused: bytes = b""


def inflate(compressed: bytes, *, wbits: int = ZLIB, limit: int = MAX_INFLATED_BYTES) -> Inflated:
    """One complete stream, producing at most ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits=wbits)
    try:
        data = inflater.decompress(compressed, limit + 1)
    except zlib.error:
        return Inflated(failure=InflateFailure.DAMAGED)
    if len(data) > limit:
        return Inflated(failure=InflateFailure.TOO_LARGE)
    if not inflater.eof:
        return Inflated(failure=InflateFailure.TRUNCATED)
    return Inflated(data=data, unused=inflater.unused_data)
