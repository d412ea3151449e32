"""One base64url codec: strict for everything signed, tolerant only where a caller asks."""

from __future__ import annotations

import pytest

from wallet.base64url import b64url_decode, b64url_encode
from wallet.crypto.multibase import multibase_decode
from wallet.errors import MalformedCredential
from wallet.formats.vc_view_values import decode_data_url
from wallet.status.bitstring import decode_encoded_list
from wallet.status.outcome import StatusListError

DATA = bytes(range(250, 256)) + b"Kredo?>"  # bytes whose encodings differ in both alphabets
URL_SAFE = b64url_encode(DATA)
STANDARD = URL_SAFE.replace("-", "+").replace("_", "/")


def test_the_encoding_is_unpadded_url_safe_and_reads_back() -> None:
    assert "=" not in URL_SAFE and "+" not in URL_SAFE and "/" not in URL_SAFE
    assert STANDARD != URL_SAFE
    assert b64url_decode(URL_SAFE) == DATA


@pytest.mark.parametrize(
    "spelling",
    [f"{URL_SAFE}=", STANDARD, "YR", f"{URL_SAFE[:4]} {URL_SAFE[4:]}", "abcde", "a!b", ""],
)
def test_strict_reads_one_spelling_only(spelling: str) -> None:
    # GIVEN padding, the standard alphabet, spare bits set ("YR" for "YQ"), white space,
    # an impossible length or another character WHEN read strictly THEN each is refused
    if spelling == "":
        assert b64url_decode(spelling) == b""
        return
    with pytest.raises(MalformedCredential):
        b64url_decode(spelling, what="The token header")


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [(f"{URL_SAFE}=", DATA), (STANDARD, DATA), (STANDARD + "=", DATA), ("YR", b"a"),
     ("YQ==", b"a")],
)
def test_tolerant_reads_the_other_spellings_of_the_same_bytes(
    spelling: str, expected: bytes
) -> None:
    assert b64url_decode(spelling, tolerant=True) == expected


@pytest.mark.parametrize("spelling", [f"{URL_SAFE[:4]} {URL_SAFE[4:]}", "abcde", "a!b", "Y=Q", 7])
def test_tolerant_still_refuses_what_is_no_spelling_at_all(spelling: object) -> None:
    with pytest.raises(MalformedCredential):
        b64url_decode(spelling, tolerant=True)


def test_callers_that_asked_for_tolerance_read_both_alphabets() -> None:
    # GIVEN the same bytes in both alphabets, padded
    # WHEN a status list's encodedList and a data: URL carry them
    # THEN both read the bytes, in either spelling
    for spelling in (URL_SAFE, STANDARD + "="):
        assert decode_encoded_list(spelling, multibase=False) == DATA
        assert decode_data_url(f"data:image/png;base64,{spelling}") == ("image/png", DATA)
    # AND a status list that is not base64 at all is a failed list, with its own sentence
    with pytest.raises(StatusListError) as raised:
        decode_encoded_list("not base64!", multibase=False)
    assert raised.value.message == "The issuer's status list is not valid base64url."


def test_a_multibase_key_is_read_strictly() -> None:
    # GIVEN a multibase base64url value, and the same with padding WHEN each is read
    # THEN only the canonical one decodes (keys and proof values are signed material)
    assert multibase_decode(f"u{URL_SAFE}") == DATA
    with pytest.raises(MalformedCredential) as raised:
        multibase_decode(f"u{STANDARD}")
    assert raised.value.message == "A multibase value is not valid base64url."
