"""Broken, hostile or unsupported VP1- input gets a typed error with a sentence; documents
that cannot be compressed are refused by name, never written half-right."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
from pathlib import Path
from typing import Any

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.errors import (
    FormatError,
    InputTooLarge,
    MalformedCredential,
    NotACredential,
    QrPayloadTooLarge,
    SharingError,
)
from wallet.qr.base45 import b45decode
from wallet.qr.vpqr import can_encode, decode_cborld, decode_vpqr, encode_vpqr
from wallet.qr.vpqr.active_context import ActiveContext, ContextLoader
from wallet.qr.vpqr.envelope import MAX_CBORLD_BYTES
from wallet.qr.vpqr.qr_text import MAX_VPQR_TEXT_CHARS

ASSETS = Path(__file__).resolve().parents[1] / "assets"
OB3_VECTOR = ASSETS / "vectors" / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
OB3 = json.loads(OB3_VECTOR.read_text(encoding="utf-8"))
VC1 = "https://www.w3.org/2018/credentials/v1"
VC1_NUMBER = 17  # registry number of the VC 1.1 context


def _text(cborld: bytes) -> str:
    return "VP1-B" + base64.b32encode(cborld).decode().rstrip("=")


def _legacy(payload: Any, **options: Any) -> bytes:
    return b"\xd9\x05\x01" + cbor2.dumps(payload, **options)


def _vc1_term(term: str) -> int:
    # Term numbers as a reader derives them for a VerifiableCredential under VC 1.1 alone.
    loader = ContextLoader()
    ActiveContext(loader).with_embedded(VC1).with_type_scopes(["VerifiableCredential"])
    number = loader.id_for_term(term)
    assert number is not None
    return number


def _vc1_credential(**entries: Any) -> dict[Any, Any]:
    """A compressed VC 1.1 credential map with the given (term name or number) entries."""
    payload: dict[Any, Any] = {0: VC1_NUMBER, _vc1_term("type"): _vc1_term("VerifiableCredential")}
    for term, value in entries.items():
        payload[_vc1_term(term) if term in _KNOWN else term] = value
    return payload


_KNOWN = {"id", "type", "issuanceDate", "issuer"}


# --- the text around the CBOR-LD --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "does not start with 'VP1-'"),
        ("VP2-BAAAA", "does not start with 'VP1-'"),
        ("https://example.org/VP1-B", "does not start with 'VP1-'"),
        ("VP1-ZABC", "encoding Kredo does not read"),
        ("VP1-Bmfrgg", "base32 text is damaged"),
        ("VP1-BA", "base32 text is damaged"),
        ("VP1-B3ECQ1", "base32 text is damaged"),
        ("VP1-Rab", "Base45"),
        ("VP1-B", "damaged or not CBOR-LD"),
        (_text(b"hello, world"), "damaged or not CBOR-LD"),
    ],
)
def test_text_that_is_not_a_vp1_code(text: str, fragment: str) -> None:
    with pytest.raises(FormatError) as raised:
        decode_vpqr(text)
    assert fragment in raised.value.message


def test_line_breaks_around_the_text_are_ignored_but_spaces_are_not() -> None:
    text = encode_vpqr(OB3)
    assert decode_vpqr(f"  {text}\r\n") == OB3
    with pytest.raises(FormatError):
        decode_vpqr(text + " ")


def test_overlong_text_is_refused_before_decoding() -> None:
    with pytest.raises(InputTooLarge):
        decode_vpqr("VP1-B" + "A" * MAX_VPQR_TEXT_CHARS)


def test_overlong_cborld_is_refused() -> None:
    with pytest.raises(InputTooLarge):
        decode_cborld(_legacy({0: VC1_NUMBER}) + b"\x00" * MAX_CBORLD_BYTES)


# --- the envelope ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cborld", "error", "fragment"),
    [
        (b"\xd9\x12\x34\xa0", MalformedCredential, "not a CBOR-LD tag"),
        (b"\xa1\x00\x11", MalformedCredential, "does not start with a CBOR-LD tag"),
        (b"\xd9\xcb\x1d\xa0", MalformedCredential, "two-element array"),
        (b"\xd9\xcb\x1d\x82\x18", MalformedCredential, "truncated"),
        (b"\xd9\xcb\x1d\x82\x18\x64\xa0", NotACredential, "registry"),
        (b"\xd9\x06\x64\xa0", NotACredential, "registry"),
        (b"\xd9\x06\x90\x82\x41\x01\xa0", NotACredential, "registry"),
        (_legacy({0: VC1_NUMBER})[:-1], MalformedCredential, "invalid or truncated"),
        (_legacy({0: VC1_NUMBER}) + b"\x00", MalformedCredential, "bytes after"),
        (_legacy([{0: VC1_NUMBER}]), MalformedCredential, "not a single CBOR-LD document"),
    ],
)
def test_broken_envelopes(cborld: bytes, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as raised:
        decode_cborld(cborld)
    assert isinstance(raised.value, FormatError)
    assert fragment in raised.value.message


def test_legacy_range_tag_for_registry_entry_one_is_read() -> None:
    # GIVEN the CBOR-LD 1.0 code of @digitalbazaar/vpqr, rewrapped in the equivalent 0x0601 tag
    text = (ASSETS / "vpqr" / "ob3-1edtech.db-vpqr-6.0.0-cborld10-R.txt").read_text()
    cborld = b45decode(text[len("VP1-R") :])
    assert cborld[:5] == b"\xd9\xcb\x1d\x82\x01"
    # THEN both read the same
    assert decode_cborld(b"\xd9\x06\x01" + cborld[5:]) == OB3


def test_uncompressed_forms_are_read_as_plain_json() -> None:
    document = {"@context": VC1, "type": "VerifiableCredential"}
    assert decode_cborld(b"\xd9\x05\x00" + cbor2.dumps(document)) == document
    assert decode_cborld(b"\xd9\xcb\x1d\x82\x00" + cbor2.dumps(document)) == document
    with pytest.raises(MalformedCredential):
        decode_cborld(b"\xd9\x05\x00" + cbor2.dumps({"a": b"bytes"}))
    with pytest.raises(MalformedCredential):
        decode_cborld(b"\xd9\x05\x00" + cbor2.dumps({1: "number key"}))


# --- the compressed payload ------------------------------------------------------------


def test_payload_errors_name_the_problem() -> None:
    type_term = _vc1_term("type")
    id_term = _vc1_term("id")
    cases: list[tuple[Any, str]] = [
        ({0: 99}, "context number 99"),
        ({0: VC1_NUMBER, 1: [VC1_NUMBER]}, "both a single and a plural @context"),
        ({1: VC1_NUMBER}, "plural @context is not a list"),
        ({0: 2.5}, "not a context"),
        ({0: VC1_NUMBER, 9998: "x"}, "term number 9998"),
        ({0: VC1_NUMBER, type_term + 1: "VerifiableCredential"}, "does not hold a list"),
        ({0: VC1_NUMBER, type_term: 9000}, "term number 9000"),
        ({0: VC1_NUMBER, id_term: [3, b"\x01\x02"]}, "urn:uuid:"),
        ({0: VC1_NUMBER, id_term: [77, "x"]}, "unknown scheme number 77"),
        ({0: VC1_NUMBER, id_term: [2, 5]}, "https://"),
        ({0: VC1_NUMBER, id_term: 2.5}, "neither text nor a compressed URL"),
        (_vc1_credential(issuanceDate=2**40), "outside the years 1 to 9999"),
        (_vc1_credential(issuanceDate=[0, 2**62]), "outside the years"),
        (_vc1_credential(issuanceDate=b"raw"), "raw bytes"),
        (_vc1_credential(name=b"\x63"), "table number 99"),
        (_vc1_credential(name=b"\x00\x01\x02"), "odd width"),
        (_vc1_credential(name=cbor2.CBORTag(1, 0)), "datetime"),
        (_vc1_credential(name=cbor2.CBORTag(4242, 0)), "CBORTag"),
    ]
    for payload, fragment in cases:
        with pytest.raises(MalformedCredential) as raised:
            decode_cborld(_legacy(payload))
        assert fragment in raised.value.message, (payload, raised.value.message)


def test_a_well_formed_payload_of_the_same_shape_reads() -> None:
    # The cases above differ from this one only in the broken entry.
    decoded = decode_cborld(_legacy(_vc1_credential(issuanceDate=1_700_000_000, name="x")))
    assert decoded == {
        "@context": VC1,
        "type": "VerifiableCredential",
        "issuanceDate": "2023-11-14T22:13:20Z",
        "name": "x",
    }


def test_duplicate_terms_are_refused() -> None:
    issuer = _vc1_term("issuer")
    with pytest.raises(MalformedCredential, match="twice"):
        decode_cborld(_legacy(_vc1_credential(issuer="a") | {issuer + 1: ["b"]}))
    with pytest.raises(MalformedCredential, match="twice"):
        decode_cborld(_legacy(_vc1_credential(issuer="a") | {"issuer": "b"}))


def test_context_kredo_does_not_have_is_named() -> None:
    url = "https://example.org/contexts/secret-v1.jsonld"
    with pytest.raises(FormatError) as raised:
        decode_cborld(_legacy({0: url}))
    assert url in raised.value.message
    assert "offline" in raised.value.message


def test_shared_reference_bomb_is_refused() -> None:
    # GIVEN a payload where one list is referenced twice (CBOR tags 28/29): nested 40 deep
    # this would stand for 2**40 values
    shared: Any = ["x"]
    for _ in range(40):
        shared = [shared, shared]
    payload = cbor2.dumps({0: VC1_NUMBER, 100: shared}, value_sharing=True)
    assert len(payload) < 1000
    # THEN the reader refuses it instead of walking it
    with pytest.raises(MalformedCredential, match="shared references"):
        decode_cborld(b"\xd9\x05\x01" + payload)


def test_deep_nesting_is_refused() -> None:
    payload = b"\x81" * 5000 + b"\x01"
    with pytest.raises(MalformedCredential):
        decode_cborld(b"\xd9\x05\x01\xa1\x18\x64" + payload)


def test_expansion_bomb_is_refused() -> None:
    # GIVEN an inline context with a 4,000-character term, used as the key of 2,000 tiny maps:
    # 20 KB of CBOR-LD standing for 8 MB of JSON
    long_term = "t" * 4000
    context = {long_term: "https://example.org/t"}
    maps = [{100: 1} for _ in range(2000)]
    payload = {0: context, 101: maps}
    cborld = _legacy(payload)
    assert len(cborld) < 30_000
    # THEN the reader stops at its cap with a clear error
    with pytest.raises(InputTooLarge, match="MiB"):
        decode_cborld(cborld)


def test_too_many_values_are_refused() -> None:
    # GIVEN 30,000 nulls: 30 KB, within the byte cap, but far more values than any credential
    cborld = _legacy({0: VC1_NUMBER, 101: [None] * 30_000})
    assert len(cborld) < MAX_CBORLD_BYTES
    with pytest.raises(InputTooLarge, match="values"):
        decode_cborld(cborld)


# --- documents that cannot go into a VP1- code -------------------------------------------


def _ob3_with(**changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(OB3)
    document.update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "error", "fragment"),
    [
        (_ob3_with(favouriteColour="blue"), SharingError, "'favouriteColour'"),
        (
            _ob3_with(**{"@context": [*OB3["@context"], "https://example.org/my-context"]}),
            SharingError,
            "https://example.org/my-context",
        ),
        (
            _ob3_with(**{"@context": [*OB3["@context"], {"name": "https://example.org/name"}]}),
            SharingError,
            "protected term 'name'",
        ),
        (_ob3_with(name=[["nested"]]), SharingError, "list inside a list"),
        (
            _ob3_with(name={"@value": "Týmová práce", "@language": "cs"}),
            SharingError,
            "'@language'",
        ),
        (_ob3_with(id=5), SharingError, "must hold text"),
        (_ob3_with(validFrom=1262304000), SharingError, "must hold text"),
        (_ob3_with(type=["VerifiableCredential", {"@id": "x"}]), SharingError, "must hold text"),
        (_ob3_with(name=2**70), SharingError, "too large"),
        (_ob3_with(name={1, 2}), FormatError, "not JSON"),
        (_ob3_with(**{"@context": None}), SharingError, "not a context"),
        (_ob3_with(description="x" * 5000), QrPayloadTooLarge, "more than one QR code holds"),
        (_ob3_with(description="x" * 200_000), QrPayloadTooLarge, "characters of JSON"),
        ({**OB3, 7: "seven"}, FormatError, "property name that is not text"),
    ],
)
def test_documents_that_cannot_be_encoded(
    document: dict[str, Any], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error) as raised:
        encode_vpqr(document)
    assert fragment in str(raised.value)
    assert can_encode(document) is False


def test_only_json_objects_can_be_encoded() -> None:
    with pytest.raises(FormatError):
        encode_vpqr([OB3])  # type: ignore[arg-type]
    assert can_encode("VP1-B") is False  # type: ignore[arg-type]
    assert can_encode(OB3) is True


# --- fuzzing: damage anywhere gives a document or a FormatError, nothing else -----------

_REFERENCE = (ASSETS / "vpqr" / "vp-ob3-vc1.dcc-vpqr-2.2.1.txt").read_text(encoding="ascii")
_REFERENCE_CBORLD = base64.b32decode(_REFERENCE[5:] + "=" * (-(len(_REFERENCE) - 5) % 8))


@settings(max_examples=300, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(_REFERENCE_CBORLD) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=4,
    ),
    cut=st.integers(3, len(_REFERENCE_CBORLD)),
)
def test_damaged_codes_decode_or_fail_cleanly(edits: list[tuple[int, int]], cut: int) -> None:
    damaged = bytearray(_REFERENCE_CBORLD)
    for position, value in edits:
        damaged[position] = value
    for candidate in (bytes(damaged), bytes(damaged[:cut])):
        try:
            document = decode_cborld(candidate)
        except FormatError as exc:
            assert exc.message.endswith(".")
        else:
            assert isinstance(document, dict)
            json.dumps(document)  # always plain JSON


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_payloads_after_each_tag_fail_cleanly(payload: bytes) -> None:
    for tag in (b"\xd9\x05\x01", b"\xd9\x05\x00", b"\xd9\xcb\x1d\x82\x01", b"\xd9\x06\x01"):
        with contextlib.suppress(FormatError):
            json.dumps(decode_cborld(tag + payload))
