"""BC-UR building blocks reproduce the reference implementations' published values bit for
bit (tests/assets/qr/README.md names the sources): other UR readers read our frames."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import cbor2
import pytest

from wallet.errors import FormatError
from wallet.qr.bytewords import decode_minimal, encode_minimal
from wallet.qr.fountain import (
    FountainEncoder,
    FountainPart,
    alias_tables,
    choose_degree,
    choose_fragments,
    nominal_fragment_length,
    partition,
    sample,
)
from wallet.qr.ur import multi_part_ur, parse_ur, single_part_ur
from wallet.qr.xoshiro import Xoshiro256

VECTORS: dict[str, Any] = json.loads(
    (
        Path(__file__).resolve().parents[1] / "assets" / "qr" / "bc-ur-reference-vectors.json"
    ).read_text(encoding="utf-8")
)


def make_message(length: int, seed: bytes = b"Wolf") -> bytes:
    """The reference tests' message: ``length`` bytes from Xoshiro256** seeded with ``seed``."""
    return Xoshiro256(seed).next_data(length)


def test_crc32_is_the_one_the_spec_names() -> None:
    for text, expected in VECTORS["crc32"].items():
        assert zlib.crc32(text.encode()).to_bytes(4, "big").hex() == expected


def test_xoshiro_seeded_from_a_string() -> None:
    rng = Xoshiro256(b"Wolf")
    assert [rng.next() % 100 for _ in range(100)] == VECTORS["rng_wolf_mod_100"]


def test_xoshiro_seeded_from_a_checksum() -> None:
    rng = Xoshiro256(zlib.crc32(b"Wolf").to_bytes(4, "big"))
    assert [rng.next() % 100 for _ in range(100)] == VECTORS["rng_crc32_wolf_mod_100"]


def test_xoshiro_integers_in_a_range() -> None:
    rng = Xoshiro256(b"Wolf")
    assert [rng.next_int(1, 10) for _ in range(100)] == VECTORS["rng_wolf_next_int_1_10"]


def test_xoshiro_shuffle_as_the_reference_shuffles() -> None:
    rng = Xoshiro256(b"Wolf")
    results = []
    for _ in range(10):
        remaining, shuffled = list(range(1, 11)), []
        while remaining:
            shuffled.append(remaining.pop(rng.next_int(0, len(remaining) - 1)))
        results.append(shuffled)
    assert results == VECTORS["shuffle_wolf_1_to_10"]


def test_xoshiro_data_and_xor() -> None:
    rng = Xoshiro256(b"Wolf")
    data1, data2 = rng.next_data(10), rng.next_data(10)
    expected = VECTORS["xor_wolf"]
    assert (data1.hex(), data2.hex()) == (expected["data1"], expected["data2"])
    assert bytes(a ^ b for a, b in zip(data1, data2, strict=True)).hex() == expected["xor"]


@pytest.mark.parametrize(("length", "low", "high", "expected"), VECTORS["find_fragment_length"])
def test_nominal_fragment_length(length: int, low: int, high: int, expected: int) -> None:
    assert nominal_fragment_length(length, low, high) == expected


def test_degrees_follow_the_reference_sampler() -> None:
    fragments = partition(make_message(1024), nominal_fragment_length(1024, 10, 100))
    degrees = [
        choose_degree(len(fragments), Xoshiro256(f"Wolf-{nonce}".encode()))
        for nonce in range(1, 201)
    ]
    assert degrees == VECTORS["choose_degree_message_1024_max_100_seed_wolf_dash_nonce"]


def test_fragments_mixed_into_each_part() -> None:
    message = make_message(1024)
    count = len(partition(message, nominal_fragment_length(1024, 10, 100)))
    chosen = [sorted(choose_fragments(n, count, zlib.crc32(message))) for n in range(1, 31)]
    assert chosen == VECTORS["choose_fragments_message_1024_max_100"]


def test_fountain_parts_as_cbor() -> None:
    encoder = FountainEncoder(make_message(256), 30)
    parts = [encoder.part(n).to_cbor().hex() for n in range(1, 21)]
    assert parts == VECTORS["fountain_encoder_cbor_message_256_max_30"]


def test_bytewords_minimal() -> None:
    for name in ("bytewords_1", "bytewords_2"):
        case = VECTORS[name]
        assert encode_minimal(bytes(case["input"])) == case["minimal"]
        assert decode_minimal(case["minimal"]) == bytes(case["input"])
        assert decode_minimal(case["minimal"].upper()) == bytes(case["input"])
    with pytest.raises(FormatError, match="checksum"):
        decode_minimal(VECTORS["bytewords_1"]["bad_checksum"])


@pytest.mark.parametrize(
    ("text", "reason"),
    [("aea", "odd"), ("aeadaolazmjendeoxx", "not a byteword"), ("aeadao", "too short")],
)
def test_bytewords_refuse_damage(text: str, reason: str) -> None:
    with pytest.raises(FormatError, match=reason):
        decode_minimal(text)


def test_single_part_ur() -> None:
    message = cbor2.dumps(make_message(50))
    assert single_part_ur("bytes", message) == VECTORS["single_part_ur_message_50"]
    parsed = parse_ur(VECTORS["single_part_ur_message_50"].upper())
    assert (parsed.type, parsed.message) == ("bytes", message)


def test_multi_part_ur_strings() -> None:
    encoder = FountainEncoder(cbor2.dumps(make_message(256)), 30)
    parts = [multi_part_ur("bytes", encoder.part(n)) for n in range(1, 21)]
    assert parts == VECTORS["ur_encoder_message_256_max_30"]
    parsed = parse_ur(parts[12])
    assert parsed.part == encoder.part(13)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("uhr:bytes/aeadaolazmjendeoti", "does not start with ur:"),
        ("ur:by tes/aeadaolazmjendeoti", "type"),
        ("ur:bytes/1-9/toomuch/aeadaolazmjendeoti", "neither one nor two"),
        ("ur:bytes/1-x/aeadaolazmjendeoti", "sequence"),
        ("ur:bytes/0-9/aeadaolazmjendeoti", "sequence"),
    ],
)
def test_malformed_ur_texts(text: str, reason: str) -> None:
    with pytest.raises(FormatError, match=reason):
        parse_ur(text)


def test_sequence_in_the_path_must_match_the_frame() -> None:
    encoder = FountainEncoder(cbor2.dumps(make_message(256)), 30)
    genuine = multi_part_ur("bytes", encoder.part(3))
    relabelled = genuine.replace("/3-9/", "/4-9/")
    with pytest.raises(FormatError, match="does not match"):
        parse_ur(relabelled)


def test_part_cbor_must_be_minimal_and_complete() -> None:
    part = FountainEncoder(make_message(256), 30).part(1)
    with pytest.raises(FormatError, match="minimal form or has extra bytes"):
        FountainPart.from_cbor(part.to_cbor() + b"\0")
    with pytest.raises(FormatError, match="seqNum, seqLen"):
        FountainPart.from_cbor(cbor2.dumps([1, 9, 256, 0]))
    with pytest.raises(FormatError, match="fragment count"):
        FountainPart.from_cbor(cbor2.dumps([1, 3, 256, 0, b"x" * 29]))


def test_random_sampler_with_the_reference_weights() -> None:
    tables = alias_tables([1.0, 2.0, 4.0, 8.0])
    rng = Xoshiro256(b"Wolf")
    samples = [sample(tables, rng) for _ in range(100)]
    assert samples == VECTORS["random_sampler_1_2_4_8_wolf"]
