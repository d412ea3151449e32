"""VC-JWT (1.1 ``vc`` claim, 2.0 ``vc+jwt``) and the compact JWS structure, signed for real."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from wallet.base64url import b64url_decode
from wallet.crypto.jws_compact import CompactJws
from wallet.errors import MalformedCredential, NotACredential, WalletError
from wallet.formats import vc_jwt
from wallet.model import CredentialFormat


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_jwt(header: dict[str, Any], payload: dict[str, Any], key: Any) -> str:
    """A real JWS: ES256 (raw r||s) for a P-256 key, EdDSA for an Ed25519 key."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    if isinstance(key, ed25519.Ed25519PrivateKey):
        signature = key.sign(signing_input.encode())
    else:
        r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return f"{signing_input}.{_b64(signature)}"


VC11_CLAIMS: dict[str, Any] = {
    "iss": "did:example:university",
    "sub": "did:example:learner",
    "nbf": 1_700_000_000,
    "exp": 1_900_000_000,
    "jti": "urn:uuid:9a1f0d3e-6d8b-4f0e-9d55-1c2d3e4f5a6b",
    "vc": {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential", "UniversityDegreeCredential"],
        "name": "Bachelor of Science",
        "credentialSubject": {"degree": {"type": "BachelorDegree"}},
    },
}


def test_vc11_jwt_maps_registered_claims_into_the_credential() -> None:
    # GIVEN a VC 1.1 JWT signed with ES256 whose issuer, dates and ids are JWT claims
    key = ec.generate_private_key(ec.SECP256R1())
    token = sign_jwt({"alg": "ES256", "typ": "JWT"}, VC11_CLAIMS, key)
    raw = token.encode() + b"\n"
    # WHEN it is parsed
    assert vc_jwt.detect(raw)
    credential = vc_jwt.parse(raw)
    # THEN raw is kept byte for byte (newline included) and the claims fill the view
    assert credential.raw == raw
    assert credential.format is CredentialFormat.VC_JWT
    assert credential.document == VC11_CLAIMS
    view = credential.view
    assert view.title is not None and view.title.pick("en") == "Bachelor of Science"
    assert view.issuer is not None and view.issuer.identifier == "did:example:university"
    assert view.learner_identifier == "did:example:learner"
    assert view.issued == datetime.fromtimestamp(1_700_000_000, tz=UTC)
    assert view.valid_until == datetime.fromtimestamp(1_900_000_000, tz=UTC)
    assert view.credential_id == VC11_CLAIMS["jti"]
    # AND the signed bytes the parser exposes verify with the issuer's key
    jws = CompactJws.from_text(raw)
    der = encode_dss_signature(int.from_bytes(jws.signature[:32], "big"),
                               int.from_bytes(jws.signature[32:], "big"))
    key.public_key().verify(der, jws.signing_input, ec.ECDSA(hashes.SHA256()))


def test_ob3_vc_jwt_v2_payload_is_the_credential() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    credential_json = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:badges.example", "type": ["Profile"], "name": "Badges Inc"},
        "validFrom": "2024-03-01T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"],
                              "achievement": {"type": ["Achievement"], "name": "Rust 101",
                                              "criteria": {"narrative": "Pass the quiz."}}},
        "iss": "did:web:badges.example", "nbf": 1_709_251_200,
    }
    token = sign_jwt({"alg": "EdDSA", "typ": "vc+jwt"}, credential_json, key)
    credential = vc_jwt.parse(token.encode())
    assert credential.media_type == "application/vc+jwt"
    assert credential.title == "Rust 101"
    assert credential.view.issuer is not None
    assert credential.view.issuer.name is not None
    assert credential.view.issuer.name.pick("en") == "Badges Inc"
    assert credential.view.issued == datetime(2024, 3, 1, tzinfo=UTC)
    assert credential.extras["jws_header"] == {"alg": "EdDSA", "typ": "vc+jwt"}
    jws = CompactJws.from_text(token)
    key.public_key().verify(jws.signature, jws.signing_input)


def test_presentations_and_ob2_tokens_are_not_vc_jwts() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    vp = sign_jwt({"alg": "EdDSA"}, {"vp": {"type": ["VerifiablePresentation"]}}, key)
    ob2 = sign_jwt({"alg": "EdDSA"}, {"type": "Assertion", "badge": "https://b"}, key)
    assert not vc_jwt.detect(vp.encode())
    assert not vc_jwt.detect(ob2.encode())
    with pytest.raises(NotACredential):
        vc_jwt.parse(ob2.encode())


def _valid_token() -> str:
    return sign_jwt({"alg": "EdDSA"}, VC11_CLAIMS, ed25519.Ed25519PrivateKey.generate())


@pytest.mark.parametrize("mutate", [
    lambda t: t.replace(".", ".!", 1),  # a byte outside base64url in the payload
    lambda t: t.split(".")[0] + "=." + ".".join(t.split(".")[1:]),  # padding
    lambda t: t + ".extra",  # four parts
    lambda t: ".".join(t.split(".")[:2]),  # two parts
    lambda t: t.split(".")[0] + "." + t.split(".")[1][:-3] + "." + t.split(".")[2],  # cut
    lambda t: t.split(".")[0] + "..sig",  # empty payload
    lambda t: _b64(b'{"typ":"JWT"}') + "." + t.split(".", 1)[1],  # header without alg
])
def test_broken_tokens_raise_typed_errors(mutate: Any) -> None:
    broken = mutate(_valid_token()).encode()
    assert not vc_jwt.detect(broken)
    with pytest.raises(WalletError):
        vc_jwt.parse(broken)


def test_strict_base64url_rejects_non_canonical_and_impossible_lengths() -> None:
    assert b64url_decode("AQ") == b"\x01"
    with pytest.raises(MalformedCredential):
        b64url_decode("AR")  # stray low bits: another spelling of b"\x01"
    with pytest.raises(MalformedCredential):
        b64url_decode("A")
    with pytest.raises(MalformedCredential):
        b64url_decode("AQ==")
    with pytest.raises(MalformedCredential):
        b64url_decode("A+/Q")
