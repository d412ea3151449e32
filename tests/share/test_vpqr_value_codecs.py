"""Value codecs: what is compressed, what stays text, and that every value comes back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.qr.vpqr import decode_cborld, encode_cborld
from wallet.qr.vpqr.value_codecs import (
    compress_date,
    compress_datetime,
    compress_multibase,
    compress_url,
    expand_date,
    expand_datetime,
    expand_multibase,
    expand_url,
)

DID_KEY = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
UPPER_UUID = "2F5C0E0E-6A4B-4F0B-9A57-3C3B7F6C1A01"
V7_UUID = "01890a5d-ac96-774b-bcce-b302099a8057"


@pytest.mark.parametrize(
    ("url", "compressed"),
    [
        ("https://example.org/a?b#c", [2, "example.org/a?b#c"]),
        ("http://example.org", [1, "example.org"]),
        ("https://user@example.org/x", [2, "user@example.org/x"]),
        (
            "urn:uuid:2f5c0e0e-6a4b-4f0b-9a57-3c3b7f6c1a01",
            [3, bytes.fromhex("2f5c0e0e6a4b4f0b9a573c3b7f6c1a01")],
        ),
        # upper case, and a v7 UUID the DCC reader's uuid library rejects: kept as text
        (f"urn:uuid:{UPPER_UUID}", [3, UPPER_UUID]),
        (f"urn:uuid:{V7_UUID}", [3, V7_UUID]),
        ("urn:uuid:not-a-uuid", [3, "not-a-uuid"]),
        (DID_KEY, [1025, None]),
        (DID_KEY + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", [1025, None, None]),
        ("did:key:notbase58", [1025, "notbase58"]),
        ("did:key:z0OIl", [1025, "z0OIl"]),  # 0, O, I, l are not base58
        ("did:v1:nym:z6Mkabc", [1024, None]),
    ],
)
def test_urls_the_reference_compresses(url: str, compressed: list[Any]) -> None:
    result = compress_url(url)
    assert result is not None
    assert len(result) == len(compressed)
    for got, expected in zip(result, compressed, strict=True):
        if expected is None:
            assert isinstance(got, bytes)
        else:
            assert got == expected
    assert expand_url(result) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org:8443/x",  # the reference picks the codec by the last colon
        "https://example.org/a:b",
        "https://",
        "https://exa mple.org/",
        "ftp://example.org/",
        "did:web:example.org",
        "did:key:z6Mk#a#b",  # the reference would drop '#b'
        "data:text/plain;base64,SGk=",  # only the newer reader expands data: URLs
        "mailto:someone@example.org",
        "Achievement",
        "",
    ],
)
def test_urls_that_stay_text(url: str) -> None:
    assert compress_url(url) is None


def test_data_urls_written_by_the_newer_library_are_read() -> None:
    assert expand_url([4, "text/plain", b"Hi"]) == "data:text/plain;base64,SGk="
    assert expand_url([4, "text/plain,Hi"]) == "data:text/plain,Hi"


@pytest.mark.parametrize(
    ("value", "compressed"),
    [
        ("zQmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", b"z"),
        ("MAQID", b"M\x01\x02\x03"),
        ("M", b"M"),
    ],
)
def test_multibase_values(value: str, compressed: bytes) -> None:
    result = compress_multibase(value)
    assert result is not None and result.startswith(compressed)
    assert expand_multibase(result) == value


@pytest.mark.parametrize("value", ["uAQID", "MAQI", "M AQID", "MAQID=", "z0OIl", "x123", ""])
def test_multibase_values_that_stay_text(value: str) -> None:
    assert compress_multibase(value) is None


def test_base64url_multibase_written_by_the_newer_library_is_read() -> None:
    assert expand_multibase(b"u\x01\x02\x03") == "uAQID"


@pytest.mark.parametrize(
    ("value", "compressed"),
    [
        ("2010-01-01T19:23:24Z", 1262373804),
        ("1970-01-01T00:00:00Z", 0),
        ("2031-01-15T10:00:00.250Z", [1926237600, 250]),
        ("2031-01-15T10:00:00.000Z", [1926237600, 0]),
        ("9999-12-31T23:59:59Z", 253402300799),
    ],
)
def test_datetimes(value: str, compressed: int | list[int]) -> None:
    assert compress_datetime(value) == compressed
    assert expand_datetime(compressed) == value


@pytest.mark.parametrize(
    "value",
    [
        "1969-12-31T23:59:59Z",  # negative numbers: the DCC reader cannot write them
        "2024-01-01T00:00:00+01:00",
        "2024-01-01T00:00:00.5Z",
        "2024-01-01T00:00:00.123456Z",
        "2024-02-30T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01 00:00:00Z",
        "2024-01-01",
    ],
)
def test_datetimes_that_stay_text(value: str) -> None:
    assert compress_datetime(value) is None


def test_dates() -> None:
    assert compress_date("2024-02-29") == 1709164800
    assert expand_date(1709164800) == "2024-02-29"
    assert expand_date(-86400 * 365 * 1500) == "0470-12-30"  # as JavaScript prints it
    for text in ("2024-02-30", "2024-2-29", "1969-12-31", "2024-02-29T00:00:00Z"):
        assert compress_date(text) is None


# --- whole documents -------------------------------------------------------------------

VC1_DI = ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"]


def _credential(
    *, identifier: str, issuer: str, issued: str, proof_value: str, created: str
) -> dict[str, Any]:
    return {
        "@context": VC1_DI,
        "id": identifier,
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "issuanceDate": issued,
        "credentialSubject": {"id": DID_KEY},
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": created,
            "proofPurpose": "assertionMethod",
            "verificationMethod": DID_KEY + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
            "proofValue": proof_value,
        },
    }


def test_a_credential_is_stored_with_compact_values() -> None:
    document = _credential(
        identifier="urn:uuid:2f5c0e0e-6a4b-4f0b-9a57-3c3b7f6c1a01",
        issuer=DID_KEY,
        issued="2026-01-15T10:00:00Z",
        proof_value="z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgX",
        created="2026-01-15T10:00:00Z",
    )
    cborld = encode_cborld(document)
    payload = cbor2.loads(cborld[3:])
    # the two contexts are registry numbers (VC 1.1 = 17, Data Integrity v2 is not in the DCC
    # reader's table, so it stays text); values are numbers, bytes and short arrays
    assert payload[1] == [17, "https://w3id.org/security/data-integrity/v2"]
    flat = repr(payload)
    assert "2026-01-15" not in flat and "urn:uuid" not in flat and "did:key" not in flat
    assert "eddsa-rdfc-2022" in flat  # the DCC reader has no cryptosuite table
    assert decode_cborld(cborld) == document


_values = st.text(max_size=40)
_datetimes = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)
    ).map(lambda moment: moment.isoformat().replace("+00:00", "Z")),
    st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%S") + "Z"
    ),
    _values,
)
_identifiers = st.one_of(
    _values,
    _values.map(lambda rest: "https://" + rest),
    _values.map(lambda rest: "urn:uuid:" + rest),
    _values.map(lambda rest: "did:key:" + rest),
    st.uuids().map(lambda uuid: f"urn:uuid:{uuid}"),
)


@settings(max_examples=150, deadline=None)
@given(
    identifier=_identifiers,
    issuer=_identifiers,
    issued=_datetimes,
    proof_value=st.one_of(_values, _values.map(lambda rest: "z" + rest)),
    created=_datetimes,
)
def test_any_values_come_back_unchanged(
    identifier: str, issuer: str, issued: str, proof_value: str, created: str
) -> None:
    document = _credential(
        identifier=identifier,
        issuer=issuer,
        issued=issued,
        proof_value=proof_value,
        created=created,
    )
    assert decode_cborld(encode_cborld(document)) == document
