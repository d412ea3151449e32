"""VC-JWT (VC 1.1 `vc` claim, VC 2.0 `vc+jwt`) and OB 3.0 JWT checks on freshly signed tokens."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.check_status import CheckStatus
from wallet.crypto.jwk import b64url_encode
from wallet.crypto.jws import JwsFailure, sign_compact_jws
from wallet.crypto.jwt_vc import verify_vc_jwt
from wallet.errors import MalformedCredential

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
ISSUED = NOW - timedelta(days=30)
EXPIRES = NOW + timedelta(days=365)
ISSUER = "did:example:university"
SUBJECT = "did:example:learner"
ID = "urn:uuid:5f7f7a9e-2c1b-4f4e-9a51-0c6d2b0f3a11"

ED_KEY = ed25519.Ed25519PrivateKey.generate()
P256_KEY = ec.generate_private_key(ec.SECP256R1())
P384_KEY = ec.generate_private_key(ec.SECP384R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def vc11_claims(**overrides: Any) -> dict[str, Any]:
    """A VC Data Model 1.1 JWT as §6.3.1 encodes it (claims duplicated in both places)."""
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": SUBJECT,
        "jti": ID,
        "nbf": int(ISSUED.timestamp()),
        "exp": int(EXPIRES.timestamp()),
        "vc": {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "id": ID,
            "type": ["VerifiableCredential", "MicroCredential"],
            "issuer": {"id": ISSUER, "name": "Masarykova univerzita"},
            "issuanceDate": _iso(ISSUED),
            "expirationDate": _iso(EXPIRES),
            "credentialSubject": {"id": SUBJECT, "ects": 4},
        },
    }
    claims.update(overrides)
    return claims


def vc20_claims(*, types: list[str] | None = None, **overrides: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": ID,
        "type": types or ["VerifiableCredential"],
        "issuer": ISSUER,
        "validFrom": _iso(ISSUED),
        "validUntil": _iso(EXPIRES),
        "credentialSubject": {"id": SUBJECT, "ects": 4},
        "iss": ISSUER,
        "jti": ID,
        "sub": SUBJECT,
    }
    claims.update(overrides)
    return claims


def sign(claims: dict[str, Any], key: Any, **header: Any) -> str:
    return sign_compact_jws(header, json.dumps(claims).encode(), key)


def test_vc11_jwt_verifies_with_all_three_checks() -> None:
    token = sign(vc11_claims(), ED_KEY, typ="JWT")
    result = verify_vc_jwt(token, ED_KEY.public_key(), now=NOW)
    assert result.version == "1.1"
    assert result.valid, (result.signature, result.claims, result.time)
    assert result.credential["credentialSubject"]["ects"] == 4
    assert not result.is_open_badge


@pytest.mark.parametrize(
    ("key", "alg"), [(P256_KEY, "ES256"), (P384_KEY, "ES384"), (RSA_KEY, "PS256")]
)
def test_vc20_jose_verifies(key: Any, alg: str) -> None:
    token = sign(vc20_claims(), key, alg=alg, typ="vc+jwt")
    result = verify_vc_jwt(token, key.public_key(), now=NOW)
    assert result.version == "2.0" and result.valid
    assert result.claims.messages == ("The token's claims agree with the credential it carries.",)


def test_open_badge_3_jwt_is_a_vc_jwt_with_ob3_types() -> None:
    claims = vc20_claims(types=["VerifiableCredential", "OpenBadgeCredential"])
    claims["@context"].append("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
    token = sign(claims, RSA_KEY, alg="RS256", typ="vc+jwt")
    result = verify_vc_jwt(token, RSA_KEY.public_key(), now=NOW)
    assert result.valid and result.is_open_badge


def test_changed_claim_fails_the_signature_only() -> None:
    # GIVEN a signed credential whose payload is then edited (more ECTS)
    token = sign(vc11_claims(), ED_KEY)
    header, _, signature = token.split(".")
    edited = vc11_claims()
    edited["vc"]["credentialSubject"]["ects"] = 40
    forged = f"{header}.{b64url_encode(json.dumps(edited).encode())}.{signature}"
    # WHEN it is verified
    result = verify_vc_jwt(forged, ED_KEY.public_key(), now=NOW)
    # THEN the signature check says so, and the other checks still report on their own
    assert not result.valid
    assert result.signature.status is CheckStatus.FAILED
    assert result.signature.messages == (JwsFailure.BAD_SIGNATURE.message,)
    assert result.claims.passed and result.time.passed


def test_swapped_key_and_alg_none_fail_at_the_signature() -> None:
    token = sign(vc20_claims(), P256_KEY, typ="vc+jwt")
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert verify_vc_jwt(token, other, now=NOW).signature_failure is JwsFailure.BAD_SIGNATURE
    _, payload, _ = token.split(".")
    unsigned = b64url_encode(b'{"alg":"none","typ":"vc+jwt"}') + f".{payload}."
    result = verify_vc_jwt(unsigned, P256_KEY.public_key(), now=NOW)
    assert result.signature_failure is JwsFailure.ALGORITHM_REFUSED and not result.valid


@pytest.mark.parametrize(
    ("overrides", "sentence"),
    [
        (
            {"iss": "did:example:someone-else"},
            "The token's “iss” differs from the credential's issuer.",
        ),
        ({"jti": "urn:uuid:other"}, "The token's “jti” differs from the credential's identifier."),
        (
            {"sub": "did:example:other-learner"},
            "The token's “sub” differs from the credential's subject.",
        ),
        (
            {"exp": int(EXPIRES.timestamp()) + 86400},
            "The token's “exp” differs from the credential's expirationDate.",
        ),
        (
            {"nbf": int(ISSUED.timestamp()) - 86400},
            "The token's “nbf” differs from the credential's issuanceDate.",
        ),
    ],
)
def test_jwt_claims_that_contradict_the_credential_fail(
    overrides: dict[str, Any], sentence: str
) -> None:
    token = sign(vc11_claims(**overrides), ED_KEY)
    result = verify_vc_jwt(token, ED_KEY.public_key(), now=NOW)
    assert result.signature.passed
    assert result.claims.status is CheckStatus.FAILED
    assert sentence in result.claims.messages


def test_vc20_validuntil_is_compared_with_exp() -> None:
    claims = vc20_claims(exp=int(EXPIRES.timestamp()) + 5)
    result = verify_vc_jwt(sign(claims, P256_KEY, typ="vc+jwt"), P256_KEY.public_key(), now=NOW)
    assert "The token's “exp” differs from the credential's validUntil." in result.claims.messages


@pytest.mark.parametrize("typ", ["kb+jwt", "dc+sd-jwt", "at+jwt"])
def test_token_of_another_kind_is_not_accepted_as_a_credential(typ: str) -> None:
    result = verify_vc_jwt(sign(vc20_claims(), P256_KEY, typ=typ), P256_KEY.public_key(), now=NOW)
    assert result.signature.passed and not result.claims.passed


def test_jwt_without_a_credential_fails_the_claims_check() -> None:
    token = sign({"iss": ISSUER, "sub": SUBJECT}, ED_KEY)
    result = verify_vc_jwt(token, ED_KEY.public_key(), now=NOW)
    assert result.version == "unknown"
    assert result.claims.messages == ("The token carries no verifiable credential.",)


def test_payload_that_is_not_json_raises() -> None:
    token = sign_compact_jws({}, b"not json", ED_KEY)
    with pytest.raises(MalformedCredential):
        verify_vc_jwt(token, ED_KEY.public_key(), now=NOW)


# --- time -------------------------------------------------------------------------------


def _expiring_at(when: datetime) -> str:
    claims = vc11_claims(exp=int(when.timestamp()))
    claims["vc"]["expirationDate"] = _iso(when)
    return sign(claims, ED_KEY)


def test_expired_credential_fails_the_time_check() -> None:
    token = _expiring_at(NOW - timedelta(days=2))
    result = verify_vc_jwt(token, ED_KEY.public_key(), now=NOW)
    assert result.signature.passed and result.claims.passed
    assert result.time.status is CheckStatus.FAILED
    expected = (
        f"The credential expired on {(NOW - timedelta(days=2)).strftime('%Y-%m-%d %H:%M')} UTC."
    )
    assert result.time.messages == (expected,)


def test_expiry_within_the_clock_skew_is_tolerated_only_with_skew() -> None:
    token = _expiring_at(NOW - timedelta(seconds=30))
    assert verify_vc_jwt(token, ED_KEY.public_key(), now=NOW).time.passed
    strict = verify_vc_jwt(token, ED_KEY.public_key(), now=NOW, clock_skew=timedelta(0))
    assert not strict.time.passed


def _starting_at(when: datetime) -> str:
    claims = vc20_claims(nbf=int(when.timestamp()), validFrom=_iso(when))
    return sign(claims, P256_KEY, typ="vc+jwt")


def test_not_yet_valid_credential_fails_and_skew_tolerates_small_drift() -> None:
    far = verify_vc_jwt(_starting_at(NOW + timedelta(minutes=5)), P256_KEY.public_key(), now=NOW)
    assert not far.time.passed
    assert far.time.messages[0].startswith("The credential is not valid before ")
    assert len(far.time.messages) == 1  # nbf and validFrom agree: one sentence
    near = _starting_at(NOW + timedelta(seconds=30))
    assert verify_vc_jwt(near, P256_KEY.public_key(), now=NOW).time.passed
    assert not verify_vc_jwt(
        near, P256_KEY.public_key(), now=NOW, clock_skew=timedelta(0)
    ).time.passed


def test_validuntil_alone_is_checked_when_the_jwt_has_no_exp() -> None:
    claims = vc20_claims(validUntil=_iso(NOW - timedelta(days=1)))
    result = verify_vc_jwt(sign(claims, P256_KEY, typ="vc+jwt"), P256_KEY.public_key(), now=NOW)
    assert not result.time.passed and result.claims.passed


def test_unreadable_date_fails_the_time_check() -> None:
    claims = vc20_claims(validUntil="next year")
    result = verify_vc_jwt(sign(claims, P256_KEY, typ="vc+jwt"), P256_KEY.public_key(), now=NOW)
    assert result.time.messages == ("The credential's date “validUntil” cannot be read.",)
