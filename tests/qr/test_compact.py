"""The compact single-code form KR1: round trips, refuses damage, and refuses bombs."""

from __future__ import annotations

import zlib

import pytest

from wallet.errors import FormatError, QrPayloadTooLarge
from wallet.limits import MAX_INFLATED_BYTES
from wallet.qr.base45 import ALPHABET, b45decode, b45encode
from wallet.qr.compact import PREFIX, decode_compact, encode_compact

CREDENTIAL = (
    b'{"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "Datov\xc3\xa1 v\xc4\x9bda"}'
)


def test_round_trip_keeps_the_exact_bytes() -> None:
    text = encode_compact(CREDENTIAL)
    assert text.startswith("KR1:")
    assert set(text[len(PREFIX) :]) <= set(ALPHABET)  # QR alphanumeric mode
    assert decode_compact(text) == CREDENTIAL


def test_the_stream_is_zlib_with_its_header() -> None:
    stream = b45decode(encode_compact(CREDENTIAL)[len(PREFIX) :])
    assert stream[0] == 0x78  # RFC 1950 header: deflate, 32 KiB window
    assert zlib.decompress(stream) == CREDENTIAL


def test_a_bomb_inflating_past_the_cap_is_refused() -> None:
    # GIVEN 17 MiB of zeros, which deflate squeezes into ~17 KB of Base45
    bomb = PREFIX + b45encode(zlib.compress(b"\0" * (MAX_INFLATED_BYTES + 1024 * 1024), 9))
    assert len(bomb) < 30_000
    # WHEN it is decoded THEN it is refused, naming the cap
    with pytest.raises(QrPayloadTooLarge, match="more than 16 MiB"):
        decode_compact(bomb)


def test_exactly_the_cap_is_accepted() -> None:
    at_cap = PREFIX + b45encode(zlib.compress(b"\0" * MAX_INFLATED_BYTES, 9))
    assert len(decode_compact(at_cap)) == MAX_INFLATED_BYTES


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("KR1:", "empty"),
        ("KR2:" + encode_compact(CREDENTIAL)[4:], "does not start with KR1:"),
        ("KR1:" + b45encode(b"not zlib at all"), "damaged"),
        ("KR1:" + b45encode(zlib.compress(CREDENTIAL)[:-6]), "incomplete"),
        ("KR1:" + b45encode(zlib.compress(CREDENTIAL) + b"tail"), "extra bytes"),
        ("KR1:" + b45encode(zlib.compress(CREDENTIAL))[:-1], "Base45"),
        ("KR1:kr1lowercase", "Base45"),
    ],
)
def test_damaged_codes_get_a_sentence(text: str, sentence: str) -> None:
    with pytest.raises(FormatError, match=sentence):
        decode_compact(text)
