"""Verifiable Presentations: each credential inside comes out as the bytes its module reads."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.errors import InputTooLarge, MalformedCredential, NotACredential
from wallet.formats import parse_credentials, presentation, vc_jsonld
from wallet.model import CredentialFormat

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
OB3_RAW = (W3C / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
ALUMNI_RAW = (W3C / "eddsa-rdfc-2022-signedDataInt.json").read_bytes()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def eddsa_jwt(header: dict[str, object], payload: dict[str, object]) -> str:
    key = ed25519.Ed25519PrivateKey.generate()
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    return f"{signing_input}.{_b64(key.sign(signing_input.encode()))}"


VC_JWT = eddsa_jwt({"alg": "EdDSA", "typ": "vc+jwt"}, json.loads(ALUMNI_RAW))


def _vp(credentials: list[object]) -> bytes:
    return json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"],
                       "type": ["VerifiablePresentation"], "holder": "did:example:holder",
                       "verifiableCredential": credentials}).encode()


def test_vp_with_object_jwt_and_enveloped_credentials_splits_into_exact_bytes() -> None:
    # GIVEN a VP carrying an embedded object, a JWT string and an enveloped credential
    enveloped = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                 "type": "EnvelopedVerifiableCredential",
                 "id": "data:application/vc+jwt," + VC_JWT}
    ob3 = json.loads(OB3_RAW)
    raw = _vp([ob3, VC_JWT, enveloped])
    # WHEN it is split
    assert presentation.detect(raw)
    assert not vc_jsonld.detect(raw)
    parts = presentation.split(raw)
    # THEN objects are compact JSON, tokens their exact text
    assert parts == [json.dumps(ob3, ensure_ascii=False, separators=(",", ":")).encode(),
                     VC_JWT.encode(), VC_JWT.encode()]
    # AND the registry parses every part
    credentials = parse_credentials(raw)
    assert [c.format for c in credentials] == [CredentialFormat.VC_JSONLD,
                                               CredentialFormat.VC_JWT, CredentialFormat.VC_JWT]
    assert [c.title for c in credentials] == ["Teamwork Badge", "Alumni Credential",
                                              "Alumni Credential"]


def test_enveloped_base64_data_url_gives_the_decoded_bytes() -> None:
    enveloped = {"type": ["EnvelopedVerifiableCredential"],
                 "id": "data:application/vc+ld+json;base64," + base64.b64encode(OB3_RAW).decode()}
    assert presentation.split(_vp([enveloped])) == [OB3_RAW]


def test_vp_jwt_carries_credentials_in_the_vp_claim() -> None:
    token = eddsa_jwt({"alg": "EdDSA"}, {"iss": "did:example:holder", "vp": {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiablePresentation"], "verifiableCredential": [VC_JWT]}})
    assert presentation.detect(token.encode())
    assert presentation.split(token.encode()) == [VC_JWT.encode()]


def test_single_credentials_are_not_presentations() -> None:
    assert not presentation.detect(OB3_RAW)
    assert not presentation.detect(VC_JWT.encode())
    assert not presentation.detect(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(NotACredential):
        presentation.split(OB3_RAW)


def test_bad_entries_and_too_many_credentials_raise_typed_errors() -> None:
    with pytest.raises(MalformedCredential):
        presentation.split(_vp([42]))
    with pytest.raises(MalformedCredential, match="data: URL"):
        presentation.split(_vp([{"type": "EnvelopedVerifiableCredential", "id": "https://x"}]))
    with pytest.raises(InputTooLarge):
        presentation.split(_vp(["x"] * 1001))
    with pytest.raises(NotACredential, match="no credentials"):
        parse_credentials(_vp([]))
