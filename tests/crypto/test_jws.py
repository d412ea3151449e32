"""Compact JWS verification and signing: RFC examples, every algorithm, and tampering."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID

from wallet.crypto.jwk import (
    b64url_decode,
    b64url_encode,
    jwk_from_public_key,
    private_key_from_jwk,
    public_key_from_jwk,
)
from wallet.crypto.jws import (
    JwsFailure,
    discover_verification_key,
    sign_compact_jws,
    verify_compact_jws,
)
from wallet.crypto.jws_compact import CompactJws
from wallet.errors import MalformedCredential

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "crypto" / "jose"
RFC = json.loads((ASSETS / "rfc-jose-examples.json").read_text(encoding="utf-8"))
PAYLOAD = json.dumps({"iss": "did:example:issuer", "name": "Kredo test"}).encode()

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KEYS: dict[str, Any] = {
    "EdDSA": ed25519.Ed25519PrivateKey.generate(),
    "ES256": ec.generate_private_key(ec.SECP256R1()),
    "ES384": ec.generate_private_key(ec.SECP384R1()),
    "ES512": ec.generate_private_key(ec.SECP521R1()),
    "ES256K": ec.generate_private_key(ec.SECP256K1()),
    "RS256": RSA_KEY,
    "PS256": RSA_KEY,
}


def _with_parts(
    token: str,
    *,
    header: dict[str, Any] | None = None,
    payload: bytes | None = None,
    signature: bytes | None = None,
) -> str:
    h, p, s = token.split(".")
    if header is not None:
        h = b64url_encode(json.dumps(header).encode())
    if payload is not None:
        p = b64url_encode(payload)
    if signature is not None:
        s = b64url_encode(signature)
    return f"{h}.{p}.{s}"


# --- published examples -----------------------------------------------------------------


def test_rfc7515_es256_example_verifies_over_exact_bytes() -> None:
    vector = RFC["rfc7515_a3_es256"]
    result = verify_compact_jws(vector["token"], public_key_from_jwk(vector["jwk"]))
    assert result.valid, result.message
    assert b"\r\n" in result.payload  # the signed bytes are kept as they are


def test_rfc8037_ed25519_example_verifies_and_signing_reproduces_it() -> None:
    vector = RFC["rfc8037_a_ed25519"]
    key = private_key_from_jwk(vector["jwk"])
    assert verify_compact_jws(vector["token"], key.public_key()).valid
    # Ed25519 is deterministic: our signer must produce the RFC's exact token.
    assert sign_compact_jws({"alg": "EdDSA"}, b"Example of Ed25519 signing", key) == vector["token"]


# --- every algorithm --------------------------------------------------------------------


@pytest.mark.parametrize("alg", sorted(KEYS))
def test_fresh_signature_verifies_for_every_algorithm(alg: str) -> None:
    key = KEYS[alg]
    token = sign_compact_jws({"alg": alg, "typ": "JWT"}, PAYLOAD, key)
    result = verify_compact_jws(token, key.public_key())
    assert result.valid and result.failure is None
    assert result.message == "The signature is valid."
    assert result.header["alg"] == alg and result.payload == PAYLOAD


@pytest.mark.parametrize("alg", sorted(KEYS))
def test_changed_claim_fails_at_the_signature(alg: str) -> None:
    key = KEYS[alg]
    token = sign_compact_jws({"alg": alg}, PAYLOAD, key)
    forged = _with_parts(token, payload=PAYLOAD.replace(b"Kredo test", b"Kredo TEST"))
    result = verify_compact_jws(forged, key.public_key())
    assert not result.valid
    assert result.failure is JwsFailure.BAD_SIGNATURE
    assert result.message == JwsFailure.BAD_SIGNATURE.message


@pytest.mark.parametrize("alg", sorted(KEYS))
def test_flipped_or_truncated_signature_fails(alg: str) -> None:
    key = KEYS[alg]
    token = sign_compact_jws({"alg": alg}, PAYLOAD, key)
    signature = b64url_decode(token.split(".")[2])
    flipped = bytes([signature[0] ^ 0x01]) + signature[1:]
    for bad in (flipped, signature[:-1], signature[: len(signature) // 2]):
        result = verify_compact_jws(_with_parts(token, signature=bad), key.public_key())
        assert result.failure is JwsFailure.BAD_SIGNATURE


def test_another_key_of_the_same_type_fails() -> None:
    token = sign_compact_jws({}, PAYLOAD, KEYS["ES256"])
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert verify_compact_jws(token, other).failure is JwsFailure.BAD_SIGNATURE


@pytest.mark.parametrize(
    ("alg", "key_name"),
    [
        ("RS256", "ES256"),
        ("ES256", "EdDSA"),
        ("ES384", "ES256"),
        ("EdDSA", "RS256"),
        ("PS256", "ES512"),
    ],
)
def test_algorithm_that_does_not_fit_the_key_fails(alg: str, key_name: str) -> None:
    # GIVEN a token whose header claims an algorithm of another key family
    token = sign_compact_jws({}, PAYLOAD, KEYS[key_name])
    forged = _with_parts(token, header={"alg": alg})
    # THEN it fails before any signature maths
    result = verify_compact_jws(forged, KEYS[key_name].public_key())
    assert result.failure is JwsFailure.KEY_MISMATCH


@pytest.mark.parametrize("alg", ["none", "HS256", "HS512", "RS1", "ES256KX"])
def test_none_and_hmac_are_refused(alg: str) -> None:
    token = sign_compact_jws({}, PAYLOAD, KEYS["RS256"])
    stripped = _with_parts(token, header={"alg": alg}, signature=b"" if alg == "none" else None)
    result = verify_compact_jws(stripped, KEYS["RS256"].public_key())
    assert not result.valid
    assert result.failure is JwsFailure.ALGORITHM_REFUSED


ES256K_VECTOR = json.loads(
    (ASSETS / "es256k-lua-resty-jwt-verification.json").read_text(encoding="utf-8"))


def test_a_published_es256k_token_verifies_with_its_secp256k1_key() -> None:
    # GIVEN a compact JWS another library signed with ES256K (RFC 8812) and its public JWK
    key = public_key_from_jwk(ES256K_VECTOR["jwk"])
    # WHEN verified
    result = verify_compact_jws(ES256K_VECTOR["token"], key)
    # THEN it holds, and the payload is the one signed
    assert result.valid, result.failure
    assert json.loads(CompactJws.from_text(ES256K_VECTOR["token"]).payload)["foo"] == "bar"


def test_a_published_es256k_token_fails_under_another_secp256k1_key() -> None:
    # GIVEN the same token and the other secp256k1 key the vector's author checks against
    other = serialization.load_pem_public_key(ES256K_VECTOR["other_key_pem"].encode())
    assert isinstance(other, ec.EllipticCurvePublicKey)
    # WHEN verified, THEN the signature does not match (the algorithm fits the key)
    result = verify_compact_jws(ES256K_VECTOR["token"], other)
    assert not result.valid
    assert result.failure is JwsFailure.BAD_SIGNATURE


def test_es256_on_a_secp256k1_key_is_a_key_mismatch() -> None:
    # GIVEN the ES256K token relabelled ES256 (same curve size, other curve)
    forged = _with_parts(ES256K_VECTOR["token"], header={"alg": "ES256"})
    # THEN the algorithm does not fit the secp256k1 key: refused before any maths
    result = verify_compact_jws(forged, public_key_from_jwk(ES256K_VECTOR["jwk"]))
    assert result.failure is JwsFailure.KEY_MISMATCH


def test_caller_can_narrow_the_allowed_algorithms() -> None:
    token = sign_compact_jws({"alg": "PS256"}, PAYLOAD, RSA_KEY)
    result = verify_compact_jws(token, RSA_KEY.public_key(), allowed_algs={"RS256"})
    assert result.failure is JwsFailure.ALGORITHM_NOT_ALLOWED


def test_unknown_critical_extension_fails_but_an_understood_one_passes() -> None:
    token = sign_compact_jws({"crit": ["exp_ext"], "exp_ext": 1}, PAYLOAD, KEYS["EdDSA"])
    public = KEYS["EdDSA"].public_key()
    assert verify_compact_jws(token, public).failure is JwsFailure.UNKNOWN_CRITICAL
    assert verify_compact_jws(token, public, understood_crit={"exp_ext"}).valid
    listed_but_absent = sign_compact_jws({"crit": ["exp_ext"]}, PAYLOAD, KEYS["EdDSA"])
    assert not verify_compact_jws(listed_but_absent, public, understood_crit={"exp_ext"}).valid


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not a token",
        "a.b",
        "a.b.c.d",
        "e30.e30",
        "!!!.e30.AA",
        "bm90IGpzb24.e30.AA",
        "WzFd.e30.AA",
    ],
)
def test_text_that_is_not_a_jws_raises(text: str) -> None:
    with pytest.raises(MalformedCredential):
        CompactJws.from_text(text)


def test_signing_refuses_an_algorithm_that_does_not_fit_the_key() -> None:
    with pytest.raises(MalformedCredential):
        sign_compact_jws({"alg": "RS256"}, PAYLOAD, KEYS["ES256"])


# --- key discovery ----------------------------------------------------------------------


def test_key_from_embedded_jwk() -> None:
    public = KEYS["ES384"].public_key()
    found = discover_verification_key({"alg": "ES384", "jwk": jwk_from_public_key(public)})
    assert found is not None and found.source == "jwk" and found.key == public


def test_key_from_kid_uses_the_callers_resolver() -> None:
    public = KEYS["EdDSA"].public_key()
    asked: list[str] = []

    def resolve(kid: str) -> Any:
        asked.append(kid)
        return public

    kid = "did:key:z6MkExample#z6MkExample"
    found = discover_verification_key({"kid": kid, "jwk": {"kty": "bogus"}}, resolve_kid=resolve)
    assert found is not None and found.source == "kid" and found.key == public
    assert asked == [kid]


def test_key_from_x5c_returns_the_certificate() -> None:
    key = KEYS["ES256"]
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kredo test seal")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    der = certificate.public_bytes(serialization.Encoding.DER)
    header = {"alg": "ES256", "x5c": [base64.b64encode(der).decode()]}
    found = discover_verification_key(header)
    assert found is not None and found.source == "x5c"
    assert found.key == key.public_key() and found.certificates == (certificate,)
    token = sign_compact_jws(header, PAYLOAD, key)
    assert verify_compact_jws(token, found.key).valid
    with pytest.raises(MalformedCredential, match="x5c"):
        discover_verification_key({"x5c": ["not base64!"]})


def test_header_without_key_reference_finds_nothing() -> None:
    assert discover_verification_key({"alg": "ES256", "kid": "k1"}) is None
