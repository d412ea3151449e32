"""Base45 (RFC 9285): the RFC's own examples, and strict refusal of everything else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet.errors import FormatError
from wallet.qr.base45 import ALPHABET, b45decode, b45encode

# RFC 9285 §4.3 and §4.4.
RFC_EXAMPLES = [
    (b"AB", "BB8"),
    (b"Hello!!", "%69 VD92EX0"),
    (b"base-45", "UJCLQE7W581"),
    (b"ietf!", "QED8WEX0"),
]


@pytest.mark.parametrize(("raw", "text"), RFC_EXAMPLES)
def test_rfc_9285_examples(raw: bytes, text: str) -> None:
    assert b45encode(raw) == text
    assert b45decode(text) == raw


def test_alphabet_is_the_qr_alphanumeric_set() -> None:
    # ISO/IEC 18004 alphanumeric mode: digits, upper-case letters, space and $%*+-./:
    assert sorted(ALPHABET) == sorted("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@given(st.binary(max_size=300))
def test_any_bytes_round_trip(raw: bytes) -> None:
    assert b45decode(b45encode(raw)) == raw


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("GGW", "larger than two bytes"),  # RFC 9285 §6: 65536 does not fit two bytes
        ("ZZZ", "larger than two bytes"),
        ("QED8WEX0AB", "one character over"),
        ("bb8", "not in the Base45 alphabet"),  # lower case is not Base45
        ("BB8#", "not in the Base45 alphabet"),
        ("BB8:Z", "larger than one byte"),  # ":Z" = 44 + 35 * 45 > 255
    ],
)
def test_invalid_text_is_a_format_error_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(FormatError, match=reason) as caught:
        b45decode(text)
    assert caught.value.message.startswith("The QR code's Base45 text is invalid")
