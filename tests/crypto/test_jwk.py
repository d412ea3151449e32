"""JWK loading, export and thumbprints, against RFC examples and freshly generated keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.crypto.jwk import (
    b64url_decode,
    b64url_encode,
    jwk_from_private_key,
    jwk_from_public_key,
    jwk_thumbprint,
    private_key_from_jwk,
    public_key_from_jwk,
)
from wallet.errors import MalformedCredential

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "crypto" / "jose"
RFC = json.loads((ASSETS / "rfc-jose-examples.json").read_text(encoding="utf-8"))


def _fresh_keys() -> list[Any]:
    return [
        ed25519.Ed25519PrivateKey.generate(),
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP384R1()),
        ec.generate_private_key(ec.SECP521R1()),
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
    ]


@pytest.mark.parametrize("key", _fresh_keys(), ids=["Ed25519", "P-256", "P-384", "P-521", "RSA"])
def test_public_and_private_jwks_round_trip(key: Any) -> None:
    # GIVEN a fresh key of every accepted type
    # WHEN it is exported to a JWK and read back
    public = public_key_from_jwk(jwk_from_public_key(key.public_key()))
    private = private_key_from_jwk(jwk_from_private_key(key))
    # THEN the same key comes back
    assert public == key.public_key()
    assert private.public_key() == key.public_key()


def test_rfc8037_ed25519_key_and_thumbprint() -> None:
    jwk = RFC["rfc8037_a_ed25519"]["jwk"]
    private = private_key_from_jwk(jwk)
    assert isinstance(private, ed25519.Ed25519PrivateKey)
    assert jwk_from_public_key(private.public_key())["x"] == jwk["x"]
    assert jwk_thumbprint(jwk) == RFC["rfc8037_a_ed25519"]["thumbprint"]


def test_rfc7638_thumbprint_ignores_optional_members() -> None:
    jwk = RFC["rfc7638_3_1_rsa"]["jwk"]
    assert "kid" in jwk and "alg" in jwk
    assert jwk_thumbprint(jwk) == RFC["rfc7638_3_1_rsa"]["thumbprint"]


def test_ec_point_not_on_curve_is_refused() -> None:
    # GIVEN the RFC 7515 P-256 key with y moved off the curve by one
    jwk = dict(RFC["rfc7515_a3_es256"]["jwk"])
    y = int.from_bytes(b64url_decode(jwk["y"]), "big") + 1
    jwk["y"] = b64url_encode(y.to_bytes(32, "big"))
    # WHEN / THEN it is not a key
    with pytest.raises(MalformedCredential, match="not a point on its curve"):
        public_key_from_jwk(jwk)


def test_short_rsa_key_is_refused() -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    numbers = weak.public_key().public_numbers()
    jwk = {
        "kty": "RSA",
        "n": b64url_encode(numbers.n.to_bytes(128, "big")),
        "e": b64url_encode(numbers.e.to_bytes(3, "big")),
    }
    with pytest.raises(MalformedCredential, match="too short"):
        public_key_from_jwk(jwk)


@pytest.mark.parametrize(
    ("jwk", "sentence"),
    [
        ({"kty": "oct", "k": "c2VjcmV0"}, "type Kredo does not accept"),
        ({"kty": "OKP", "crv": "X25519", "x": "AAAA"}, "OKP curve"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}, "not 32 bytes"),
        ({"kty": "EC", "crv": "secp224k1", "x": "AA", "y": "AA"}, "elliptic curve"),
        ({"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA"}, "wrong length"),
        ({"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA"}, "wrong length"),
        ({"kty": "OKP", "crv": "Ed25519"}, "lacks"),
        (
            {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR="},
            "base64url",
        ),
        ("not a mapping", "not a JSON Web Key"),
    ],
)
def test_broken_jwks_raise_a_sentence(jwk: Any, sentence: str) -> None:
    with pytest.raises(MalformedCredential, match=sentence) as caught:
        public_key_from_jwk(jwk)
    assert caught.value.message.endswith(".")


def test_base64url_is_strict() -> None:
    assert b64url_decode("AQAB") == b"\x01\x00\x01"
    for bad in ("AQAB=", "AQ+B", "A", "AQ B", "AR"):  # "AR": non-zero spare bits
        with pytest.raises(MalformedCredential):
            b64url_decode(bad)


def test_private_jwk_that_does_not_match_its_public_part_is_refused() -> None:
    jwk = dict(RFC["rfc8037_a_ed25519"]["jwk"])
    jwk["d"] = jwk_from_private_key(ed25519.Ed25519PrivateKey.generate())["d"]
    with pytest.raises(MalformedCredential, match="does not match"):
        private_key_from_jwk(jwk)
