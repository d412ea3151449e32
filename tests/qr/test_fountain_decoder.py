"""The fountain decoder finishes from any order and from frames with gaps, and refuses frames
of another message."""

from __future__ import annotations

import random

import pytest

from wallet.errors import FormatError, SharingError
from wallet.qr.fountain import FountainDecoder, FountainEncoder, FountainPart
from wallet.qr.xoshiro import Xoshiro256


def message(length: int, seed: bytes = b"Kredo") -> bytes:
    return Xoshiro256(seed).next_data(length)


def test_pure_parts_in_reverse_order() -> None:
    data = message(1000)
    encoder = FountainEncoder(data, 100)
    decoder = FountainDecoder()
    for n in range(encoder.seq_len, 0, -1):
        decoder.receive(encoder.part(n))
    assert decoder.complete
    assert decoder.message() == data


def test_reference_stream_decodes_a_32_kib_message() -> None:
    # The reference implementations' own multi-part test: 32,767 bytes, fragments ≤ 1,000,
    # read from part 100 on (no pure part at all).
    data = Xoshiro256(b"Wolf").next_data(32767)
    encoder = FountainEncoder(data, 1000)
    decoder = FountainDecoder()
    n = 100
    while not decoder.complete:
        decoder.receive(encoder.part(n))
        n += 1
    assert decoder.message() == data
    assert n - 100 < 2 * encoder.seq_len


@pytest.mark.parametrize("seed", range(5))
def test_a_fifth_of_the_frames_lost_and_the_rest_shuffled(seed: int) -> None:
    data = message(5000, seed=b"seed-%d" % seed)
    encoder = FountainEncoder(data, 250)
    frames = [encoder.part(n) for n in range(1, 2 * encoder.seq_len + 5)]
    rng = random.Random(seed)
    kept = rng.sample(frames, len(frames) - len(frames) // 5)
    decoder = FountainDecoder()
    for part in kept:
        decoder.receive(part)
    assert decoder.complete
    assert decoder.message() == data


def test_a_missing_pure_fragment_is_recovered_from_a_mixed_part() -> None:
    data = message(400)
    encoder = FountainEncoder(data, 100)
    decoder = FountainDecoder()
    for n in (1, 2, 4):  # fragment 3 never arrives on its own
        decoder.receive(encoder.part(n))
    assert decoder.fragments_known == 3 and not decoder.complete
    n = encoder.seq_len + 1
    while not decoder.complete:
        decoder.receive(encoder.part(n))
        n += 1
    assert decoder.message() == data


def test_duplicates_teach_nothing() -> None:
    encoder = FountainEncoder(message(400), 100)
    decoder = FountainDecoder()
    assert decoder.receive(encoder.part(1)) is True
    assert decoder.receive(encoder.part(1)) is False
    assert decoder.parts_received == 2
    assert decoder.fragments_known == 1


def test_a_frame_of_another_message_is_refused() -> None:
    first = FountainEncoder(message(400, b"one"), 100)
    second = FountainEncoder(message(400, b"two"), 100)
    decoder = FountainDecoder()
    decoder.receive(first.part(1))
    with pytest.raises(SharingError, match="different multi-part code"):
        decoder.receive(second.part(2))
    assert decoder.fragments_known == 1


def test_a_forged_fragment_fails_the_message_checksum() -> None:
    data = message(400)
    encoder = FountainEncoder(data, 100)
    decoder = FountainDecoder()
    for n in range(1, encoder.seq_len + 1):
        part = encoder.part(n)
        if n == 2:
            part = FountainPart(
                part.seq_num, part.seq_len, part.message_len, part.checksum, b"\1" * 100
            )
        decoder.receive(part)
    with pytest.raises(FormatError, match="checksum does not match"):
        decoder.message()


def test_a_message_above_the_input_cap_is_refused_before_anything_is_kept() -> None:
    huge = FountainPart(1, 2, 17 * 1024 * 1024, 0, b"x" * (9 * 1024 * 1024))
    with pytest.raises(FormatError, match="larger than Kredo reads"):
        FountainDecoder().receive(huge)


def test_incomplete_message_is_not_handed_out() -> None:
    decoder = FountainDecoder()
    decoder.receive(FountainEncoder(message(400), 100).part(1))
    with pytest.raises(SharingError, match="not complete"):
        decoder.message()


def test_a_frame_announcing_millions_of_parts_is_refused_before_any_table_is_built() -> None:
    # One-byte fragments of a 16 MiB message: 16 million parts, a mixing table as large.
    frame = FountainPart(16_777_300, 16_777_216, 16_777_216, 0, b"\0")
    with pytest.raises(FormatError, match="announces 16,777,216 parts"):
        FountainDecoder().receive(frame)
