"""Reading a JAdES seal: the signed strings stay exactly as received; broken input is one error."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from wallet.crypto.jades_parse import JadesSeal
from wallet.errors import InputTooLarge, MalformedCredential

EDC = Path(__file__).resolve().parent.parent / "assets" / "vectors" / "edc"
SEALED = (
    "Sample-MC-Annex1-signed.jsonld",
    "Sample-CertOfPart-signed.jsonld",
    "jades-baseline-lta-minimal-vp.json",
)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _rsa_valid(seal: JadesSeal, signing_input: bytes) -> bool:
    cert = x509.load_der_x509_certificate(base64.b64decode(seal.protected["x5c"][0]))
    try:
        cert.public_key().verify(seal.signature, signing_input, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr,call-arg,arg-type]
    except Exception:
        return False
    return True


@pytest.mark.parametrize("name", SEALED)
def test_each_sample_reads_into_its_parts(name: str) -> None:
    seal = JadesSeal.from_bytes((EDC / name).read_bytes())

    assert seal.protected["b64"] is False
    assert seal.protected["crit"] == ["b64", "sigT", "adoTst"]
    # FACTS: etsiU holds sigTst, xVals, rVals, arcTst in this order.
    assert seal.etsi_u_names == ("sigTst", "xVals", "rVals", "arcTst")
    assert seal.signing_input.startswith(seal.protected_b64.encode() + b".{")


def test_signing_input_is_the_utf8_of_the_unescaped_payload_string() -> None:
    # GIVEN the minimal seal, whose payload string is written with JSON escapes \r\n in the file
    raw = (EDC / "jades-baseline-lta-minimal-vp.json").read_bytes()
    assert b'{\\r\\n \\"@context\\"' in raw
    seal = JadesSeal.from_bytes(raw)
    # THEN the bytes we sign-check hold real CR LF, and the signature verifies over them ...
    assert b"{\r\n" in seal.payload
    assert _rsa_valid(seal, seal.signing_input)
    # ... while the escaped text as it stands in the file does not verify: "bytes as received"
    # means the decoded JSON string, not the raw characters between the quotes.
    start = raw.index(b'"payload":"') + len(b'"payload":"')
    escaped = raw[start : raw.index(b'","signatures"')]
    assert not _rsa_valid(seal, seal.protected_b64.encode() + b"." + escaped)


def test_flattened_serialization_reads_like_the_general_one() -> None:
    general = json.loads((EDC / "Sample-CertOfPart-signed.jsonld").read_bytes())
    flattened = {"payload": general["payload"], **general["signatures"][0]}

    seal = JadesSeal.from_bytes(json.dumps(flattened).encode())

    assert seal == JadesSeal.from_bytes((EDC / "Sample-CertOfPart-signed.jsonld").read_bytes())
    assert _rsa_valid(seal, seal.signing_input)


def test_archive_timestamp_input_follows_ts_119_182_order() -> None:
    seal = JadesSeal.from_bytes((EDC / "Sample-MC-Annex1-signed.jsonld").read_bytes())

    expected = b".".join(
        [
            seal.payload,
            seal.protected_b64.encode(),
            seal.signature_b64.encode(),
            "".join(seal.etsi_u_b64[:3]).encode(),
        ]
    )

    assert seal.archive_timestamp_input() == expected


def _document(**changes: object) -> bytes:
    doc = json.loads((EDC / "jades-baseline-lta-minimal-vp.json").read_bytes())
    entry = doc["signatures"][0]
    for key, value in changes.items():
        if key == "payload":
            doc["payload"] = value
        elif key == "signatures":
            doc["signatures"] = value
        elif value is None:
            entry.pop(key)
        else:
            entry[key] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"not json at all", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"payload": "x"}', "not a JAdES seal"),
        (_document(signatures=[]), "non-empty list"),
        (_document(payload=None), "no payload"),
        (_document(protected="not*base64url"), "protected header is not valid base64url"),
        (_document(protected=_b64url(b"[1]")), "not a JSON object"),
        (
            _document(protected=_b64url(b'{"alg":"RS256","alg":"none"}')),
            "repeats the parameter 'alg'",
        ),
        (_document(signature=None), "lacks its protected header or its signature"),
        (_document(header={"etsiU": ["%%%"]}), "not valid base64url"),
        (_document(header={"etsiU": [_b64url(b'{"a":1,"b":2}')]}), "more than one value"),
        (_document(header={"etsiU": "sigTst"}), "not a list"),
    ],
)
def test_broken_input_raises_one_malformed_error_with_a_sentence(raw: bytes, fragment: str) -> None:
    with pytest.raises(MalformedCredential) as caught:
        JadesSeal.from_bytes(raw)

    assert fragment in caught.value.message
    assert caught.value.message.endswith(".")


def test_two_seals_in_one_file_are_refused() -> None:
    doc = json.loads((EDC / "jades-baseline-lta-minimal-vp.json").read_bytes())
    raw = _document(signatures=[doc["signatures"][0], doc["signatures"][0]])

    with pytest.raises(MalformedCredential, match="more than one seal"):
        JadesSeal.from_bytes(raw)


def test_input_over_the_size_cap_is_refused_before_parsing() -> None:
    with pytest.raises(InputTooLarge):
        JadesSeal.from_bytes(b"{" + b" " * (17 * 1024 * 1024) + b"}")
