"""Open Badges 2.0 signed assertions (RS256 compact JWS) with a supplied issuer key."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from wallet.crypto.jwk import b64url_encode
from wallet.crypto.jws import JwsFailure, sign_compact_jws
from wallet.crypto.ob2_jws import load_issuer_public_key_pem, verify_ob2_signed_assertion
from wallet.errors import MalformedCredential

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
ISSUER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PEM = ISSUER_KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)
KEY_URL = "https://badges.example.cz/keys/1"


def assertion(**overrides: Any) -> dict[str, Any]:
    """Shaped after the OB 2.0 specification's signed assertion example."""
    data: dict[str, Any] = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:a953ab0e-2f69-4bb0-bd8f-30f1f5a6b0c2",
        "recipient": {"type": "email", "hashed": False, "identity": "jana@example.cz"},
        "badge": "https://badges.example.cz/badges/python-basics",
        "issuedOn": "2026-06-01T10:00:00Z",
        "verification": {"type": "SignedBadge", "creator": KEY_URL},
    }
    data.update(overrides)
    return data


def sign(data: dict[str, Any], *, alg: str = "RS256", key: Any = ISSUER_KEY) -> str:
    return sign_compact_jws({"alg": alg}, json.dumps(data).encode(), key)


def test_signed_assertion_verifies() -> None:
    result = verify_ob2_signed_assertion(sign(assertion()), PEM, now=NOW)
    assert result.valid, (result.signature, result.claims, result.time)
    assert result.creator == KEY_URL
    assert result.assertion["badge"].endswith("python-basics")


def test_edited_recipient_fails_the_signature() -> None:
    token = sign(assertion())
    header, _, signature = token.split(".")
    edited = assertion(
        recipient={"type": "email", "hashed": False, "identity": "mallory@example.cz"}
    )
    forged = f"{header}.{b64url_encode(json.dumps(edited).encode())}.{signature}"
    result = verify_ob2_signed_assertion(forged, PEM, now=NOW)
    assert result.signature_failure is JwsFailure.BAD_SIGNATURE and not result.valid


def test_another_issuer_key_fails() -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    result = verify_ob2_signed_assertion(sign(assertion(), key=other), PEM, now=NOW)
    assert result.signature.messages == (JwsFailure.BAD_SIGNATURE.message,)


@pytest.mark.parametrize(
    ("alg", "failure"),
    [("PS256", JwsFailure.ALGORITHM_NOT_ALLOWED), ("HS256", JwsFailure.ALGORITHM_REFUSED)],
)
def test_only_rs256_is_accepted(alg: str, failure: JwsFailure) -> None:
    token = sign(assertion(), alg="PS256")
    if alg == "HS256":
        _, payload, signature = token.split(".")
        hs256_header = b64url_encode(b'{"alg":"HS256"}')
        token = f"{hs256_header}.{payload}.{signature}"
    assert verify_ob2_signed_assertion(token, PEM, now=NOW).signature_failure is failure


def test_hosted_or_non_assertion_payload_fails_the_claims_check() -> None:
    hosted = assertion(verification={"type": "HostedBadge"})
    result = verify_ob2_signed_assertion(sign(hosted), PEM, now=NOW)
    assert result.signature.passed
    assert result.claims.messages == ("The assertion does not say it is verified by signature.",)
    not_assertion = verify_ob2_signed_assertion(sign(assertion(type="BadgeClass")), PEM, now=NOW)
    assert "The signed data is not an Open Badges assertion." in not_assertion.claims.messages


def test_expired_badge_fails_the_time_check() -> None:
    expired = assertion(expires=(NOW - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    result = verify_ob2_signed_assertion(sign(expired), PEM, now=NOW)
    assert result.signature.passed and not result.time.passed
    assert result.time.messages[0].startswith("The badge expired on ")


def test_unusable_issuer_keys_raise() -> None:
    with pytest.raises(MalformedCredential, match="not a readable PEM"):
        load_issuer_public_key_pem(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    ec_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(MalformedCredential, match="not an RSA key"):
        load_issuer_public_key_pem(ec_pem)
    assert load_issuer_public_key_pem(PEM.decode()) == ISSUER_KEY.public_key()


def test_text_that_is_not_a_jws_raises() -> None:
    with pytest.raises(MalformedCredential):
        verify_ob2_signed_assertion(json.dumps(assertion()), PEM, now=NOW)
