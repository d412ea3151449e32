"""One inflate for status lists, QR payloads and baked badges, bounded by what comes out:
a bomb is refused at the cap however small its input, in every caller."""

from __future__ import annotations

import gzip
import zlib

import pytest

from wallet.errors import MalformedCredential, QrPayloadTooLarge
from wallet.inflate import GZIP, ZLIB, InflateFailure, inflate
from wallet.limits import MAX_INFLATED_BYTES
from wallet.qr.zlib_stream import inflate as inflate_qr_payload
from wallet.status.bitstring import inflate_status_list
from wallet.status.outcome import StatusListError

# ~17 KB that inflate to one byte past the project's cap
BOMB = b"\x00" * (MAX_INFLATED_BYTES + 1)
ZLIB_BOMB = zlib.compress(BOMB, 9)
GZIP_BOMB = gzip.compress(BOMB, 9)


@pytest.mark.parametrize(("stream", "wbits"), [(ZLIB_BOMB, ZLIB), (GZIP_BOMB, GZIP)])
def test_a_bomb_is_refused_by_the_size_of_its_output(stream: bytes, wbits: int) -> None:
    # GIVEN a few kilobytes that inflate past the cap WHEN inflated THEN refused as too large
    assert len(stream) < 64 * 1024
    assert inflate(stream, wbits=wbits).failure is InflateFailure.TOO_LARGE


def test_output_exactly_at_the_limit_is_accepted_and_one_byte_more_is_not() -> None:
    data = bytes(range(256)) * 4
    assert inflate(zlib.compress(data), limit=len(data)).data == data
    assert inflate(zlib.compress(data), limit=len(data) - 1).failure is InflateFailure.TOO_LARGE


def test_damaged_cut_short_and_trailing_streams_say_which() -> None:
    stream = zlib.compress(b"status list bits" * 100)
    assert inflate(b"not zlib at all").failure is InflateFailure.DAMAGED
    assert inflate(stream[: len(stream) // 2]).failure is InflateFailure.TRUNCATED
    assert inflate(gzip.compress(b"x"), wbits=ZLIB).failure is InflateFailure.DAMAGED
    trailing = inflate(stream + b"more")
    assert trailing.failure is None and trailing.unused == b"more"


def test_each_caller_refuses_a_bomb_in_its_own_words() -> None:
    # GIVEN the same bomb WHEN a status list and a QR payload carry it (a baked badge:
    # tests/formats/test_baked.py) THEN each refuses it with its own typed error
    with pytest.raises(StatusListError) as status:
        inflate_status_list(GZIP_BOMB, wbits=GZIP)
    assert status.value.message == (
        "The issuer's status list expands beyond 16 MB, more than Kredo accepts."
    )
    with pytest.raises(QrPayloadTooLarge):
        inflate_qr_payload(ZLIB_BOMB)
    # AND a status list may end in bytes after its stream; a QR payload may not
    stream = zlib.compress(b"bits")
    assert inflate_status_list(stream + b"!", wbits=ZLIB) == b"bits"
    with pytest.raises(MalformedCredential):
        inflate_qr_payload(stream + b"!")
