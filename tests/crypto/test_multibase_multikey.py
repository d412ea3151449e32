"""Multibase and Multikey codecs against the published W3C key pairs, and round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from hypothesis import given
from hypothesis import strategies as st

from wallet.crypto.multibase import (
    base58btc_decode,
    base58btc_encode,
    multibase_decode,
    multibase_encode,
)
from wallet.crypto.multikey import (
    multikey_from_private_key,
    multikey_from_public_key,
    private_key_from_multikey,
    public_key_from_multikey,
    varint_decode,
    varint_encode,
)
from wallet.errors import MalformedCredential

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"


@pytest.mark.parametrize(
    ("file", "prefix", "public_type"),
    [
        ("eddsa-keyPair.json", "z6Mk", ed25519.Ed25519PublicKey),
        ("p256KeyPair.json", "zDna", ec.EllipticCurvePublicKey),
        ("p384KeyPair.json", "z82L", ec.EllipticCurvePublicKey),
    ],
)
def test_published_key_pairs_read_and_write_back_identically(
    file: str, prefix: str, public_type: type
) -> None:
    pair = json.loads((W3C / file).read_text(encoding="utf-8"))
    secret_text = pair.get("secretKeyMultibase") or pair["privateKeyMultibase"]
    # WHEN both halves are read
    public = public_key_from_multikey(pair["publicKeyMultibase"])
    secret = private_key_from_multikey(secret_text)
    # THEN the secret key derives the published public key, and both encode back unchanged
    assert isinstance(public, public_type)
    assert pair["publicKeyMultibase"].startswith(prefix)
    assert multikey_from_public_key(secret.public_key()) == pair["publicKeyMultibase"]
    assert multikey_from_public_key(public) == pair["publicKeyMultibase"]
    assert multikey_from_private_key(secret) == secret_text


@pytest.mark.parametrize(
    "make_key",
    [
        ed25519.Ed25519PrivateKey.generate,
        lambda: ec.generate_private_key(ec.SECP256R1()),
        lambda: ec.generate_private_key(ec.SECP384R1()),
    ],
)
def test_fresh_keys_round_trip(make_key: object) -> None:
    key = make_key()  # type: ignore[operator]
    again = private_key_from_multikey(multikey_from_private_key(key))
    public_text = multikey_from_public_key(key.public_key())
    assert multikey_from_public_key(again.public_key()) == public_text
    assert multikey_from_public_key(public_key_from_multikey(public_text)) == public_text


def test_multicodec_prefixes_are_the_registered_varints() -> None:
    assert varint_encode(0xED) == b"\xed\x01"
    assert varint_encode(0x1200) == b"\x80\x24"
    assert varint_encode(0x1307) == b"\x87\x26"
    assert varint_decode(b"\x81\x24rest") == (0x1201, b"rest")


@given(st.binary(max_size=200))
def test_base58btc_round_trip(data: bytes) -> None:
    assert base58btc_decode(base58btc_encode(data)) == data


@given(st.binary(max_size=200), st.sampled_from(["z", "u"]))
def test_multibase_round_trip(data: bytes, base: str) -> None:
    encoded = multibase_encode(data, base)
    assert encoded[0] == base
    assert multibase_decode(encoded) == data


def test_known_base58_value() -> None:
    # The Bitcoin base58 alphabet: leading zero bytes become "1".
    assert base58btc_encode(b"\0\0hello world") == "11StV1DL6CwTryKyV"


@pytest.mark.parametrize(
    "bad",
    ["", "z0OIl", "mAAAA", "u***", "z" + "2" * 9000],
)
def test_bad_multibase_is_malformed(bad: str) -> None:
    with pytest.raises(MalformedCredential):
        multibase_decode(bad)


def test_unsupported_or_broken_keys_are_malformed() -> None:
    with pytest.raises(MalformedCredential):  # secp256k1-pub 0xe7: not supported
        public_key_from_multikey(multibase_encode(varint_encode(0xE7) + b"\2" * 33))
    with pytest.raises(MalformedCredential):  # Ed25519 key one byte short
        public_key_from_multikey(multibase_encode(varint_encode(0xED) + b"\1" * 31))
    with pytest.raises(MalformedCredential):  # not a compressed P-256 point encoding
        public_key_from_multikey(multibase_encode(varint_encode(0x1200) + b"\5" + b"\1" * 32))
    with pytest.raises(MalformedCredential):
        private_key_from_multikey(multibase_encode(varint_encode(0x1306) + b"\1" * 31))
