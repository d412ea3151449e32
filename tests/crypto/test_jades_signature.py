"""JWS signature algorithms of a seal: each accepts only its own key type, curve and encoding."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from wallet.crypto.jades_signature import verify_jws_signature

MESSAGE = b"eyJhbGciOiJFUzI1NiJ9.{\r\n}"
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jws_ecdsa(key: ec.EllipticCurvePrivateKey, digest: hashes.HashAlgorithm) -> bytes:
    """RFC 7518 §3.4: fixed-length r || s, as JWS carries it (not DER)."""
    r, s = decode_dss_signature(key.sign(MESSAGE, ec.ECDSA(digest)))
    size = (key.curve.key_size + 7) // 8
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


@pytest.mark.parametrize(
    ("alg", "curve", "digest"),
    [
        ("ES256", ec.SECP256R1(), hashes.SHA256()),
        ("ES384", ec.SECP384R1(), hashes.SHA384()),
        ("ES512", ec.SECP521R1(), hashes.SHA512()),
    ],
)
def test_ecdsa_signatures_in_jws_form_verify(
    alg: str, curve: ec.EllipticCurve, digest: hashes.HashAlgorithm
) -> None:
    key = ec.generate_private_key(curve)
    signature = _jws_ecdsa(key, digest)

    assert verify_jws_signature(alg, key.public_key(), MESSAGE, signature)
    assert not verify_jws_signature(alg, key.public_key(), MESSAGE + b" ", signature)
    # DER-encoded ECDSA (what cryptography produces) is not a JWS signature.
    assert not verify_jws_signature(
        alg, key.public_key(), MESSAGE, key.sign(MESSAGE, ec.ECDSA(digest))
    )


def test_es256_refuses_a_key_on_another_curve() -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    signature = _jws_ecdsa(key, hashes.SHA256())

    assert not verify_jws_signature("ES256", key.public_key(), MESSAGE, signature)


@pytest.mark.parametrize("bits", ["256", "384", "512"])
def test_rsa_pkcs1_and_pss_verify_and_are_not_interchangeable(bits: str) -> None:
    digest = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}[bits]
    pkcs1 = RSA_KEY.sign(MESSAGE, padding.PKCS1v15(), digest)
    pss = RSA_KEY.sign(MESSAGE, padding.PSS(padding.MGF1(digest), digest.digest_size), digest)
    public = RSA_KEY.public_key()

    assert verify_jws_signature(f"RS{bits}", public, MESSAGE, pkcs1)
    assert verify_jws_signature(f"PS{bits}", public, MESSAGE, pss)
    assert not verify_jws_signature(f"PS{bits}", public, MESSAGE, pkcs1)
    assert not verify_jws_signature(f"RS{bits}", public, MESSAGE, pss)


@pytest.mark.parametrize("alg", ["none", "HS256", "EdDSA", "RS1", "ES999", ""])
def test_other_algorithm_names_never_verify(alg: str) -> None:
    signature = RSA_KEY.sign(MESSAGE, padding.PKCS1v15(), hashes.SHA256())

    assert not verify_jws_signature(alg, RSA_KEY.public_key(), MESSAGE, signature)


def test_an_rsa_algorithm_with_an_ec_key_does_not_verify() -> None:
    key = ec.generate_private_key(ec.SECP256R1())

    assert not verify_jws_signature(
        "RS256", key.public_key(), MESSAGE, _jws_ecdsa(key, hashes.SHA256())
    )
