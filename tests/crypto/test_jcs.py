"""RFC 8785 JSON Canonicalization, checked against the RFC author's test data and the RFC's
number table (``tests/assets/vectors/rfc8785``)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from wallet.crypto.data_integrity_jcs import canonical_json, ecmascript_number
from wallet.errors import MalformedCredential

RFC8785 = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "rfc8785"
NUMBERS = json.loads((RFC8785 / "numbers.json").read_text(encoding="utf-8"))
CASES = sorted(path.name for path in (RFC8785 / "input").glob("*.json"))


def _double(hex_bits: str) -> float:
    value: float = struct.unpack(">d", bytes.fromhex(hex_bits))[0]
    return value


def test_every_input_has_its_expected_output() -> None:
    assert sorted(path.name for path in (RFC8785 / "output").glob("*.json")) == CASES
    assert len(CASES) == 6


@pytest.mark.parametrize("name", CASES)
def test_canonical_form_matches_the_reference_byte_for_byte(name: str) -> None:
    # GIVEN a JSON text from the RFC author's test data, as a parser reads it
    value = json.loads((RFC8785 / "input" / name).read_text(encoding="utf-8"))
    # WHEN it is canonicalized
    canonical = canonical_json(value)
    # THEN the bytes are the reference output exactly
    assert canonical == (RFC8785 / "output" / name).read_bytes()


@pytest.mark.parametrize(("bits", "expected"), sorted(NUMBERS["ieee754_hex_to_jcs"].items()))
def test_numbers_are_written_as_ecmascript_writes_them(bits: str, expected: str) -> None:
    assert ecmascript_number(_double(bits)) == expected


@pytest.mark.parametrize("bits", NUMBERS["not_serializable"])
def test_nan_and_infinity_are_refused(bits: str) -> None:
    with pytest.raises(MalformedCredential):
        canonical_json({"n": _double(bits)})


def test_member_names_sort_by_utf16_code_units_not_code_points() -> None:
    # GIVEN a name outside the BMP (a surrogate pair, 0xD83D…) and one just below it
    value = {"\U0001f602": 1, "\ufb33": 2, "\u00e9": 3}
    # THEN the astral name sorts before U+FB33, as UTF-16 code units do (code points would not)
    assert canonical_json(value).decode() == '{"é":3,"\U0001f602":1,"\ufb33":2}'


def test_integers_are_doubles_as_in_ecmascript() -> None:
    # 2^53 + 1 has no double: ECMAScript (and so JCS) writes the nearest one
    assert canonical_json([9007199254740993, 10**21, -0.0, 1.0]) == b"[9007199254740992,1e+21,0,1]"


def test_unpaired_surrogate_is_refused() -> None:
    with pytest.raises(MalformedCredential):
        canonical_json(json.loads('{"a": "\\ud800"}'))
