"""Multikey values (multicodec prefix + key bytes, multibase encoded) ↔ ``cryptography`` keys.

Public keys: Ed25519 (``ed25519-pub`` 0xed), P-256 (``p256-pub`` 0x1200) and P-384
(``p384-pub`` 0x1201) as compressed points — the forms did:key, Multikey and
Ed25519VerificationKey2020 use. Secret keys (``ed25519-priv`` 0x1300, ``p256-priv`` 0x1306,
``p384-priv`` 0x1307) are read so the published W3C test key pairs can be used, and written
so the holder's own keys can be stored in the same form.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.multibase import BASE58BTC, multibase_decode, multibase_encode
from wallet.errors import MalformedCredential
from wallet.translation import tr

MultikeyPublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey
MultikeyPrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey

ED25519_PUB = 0xED
P256_PUB = 0x1200
P384_PUB = 0x1201
ED25519_PRIV = 0x1300
P256_PRIV = 0x1306
P384_PRIV = 0x1307

_EC_PUBLIC: dict[int, ec.EllipticCurve] = {P256_PUB: ec.SECP256R1(), P384_PUB: ec.SECP384R1()}
_EC_PRIVATE: dict[int, ec.EllipticCurve] = {P256_PRIV: ec.SECP256R1(), P384_PRIV: ec.SECP384R1()}
_PUBLIC_CODE_FOR_CURVE = {"secp256r1": P256_PUB, "secp384r1": P384_PUB}
_PRIVATE_CODE_FOR_CURVE = {"secp256r1": P256_PRIV, "secp384r1": P384_PRIV}
_SECRET_LENGTH = {ED25519_PRIV: 32, P256_PRIV: 32, P384_PRIV: 48}


def varint_encode(value: int) -> bytes:
    """Unsigned LEB128, as multicodec prefixes are written."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def varint_decode(data: bytes, *, what: str | None = None) -> tuple[int, bytes]:
    """(value, rest); multicodec codes fit in three bytes, longer prefixes are malformed.

    ``what`` names the value as the subject of a sentence (a ``tr()`` noun phrase).
    """
    value = 0
    for position, byte in enumerate(data[:3]):
        value |= (byte & 0x7F) << (7 * position)
        if not byte & 0x80:
            return value, data[position + 1 :]
    raise MalformedCredential(tr("{what} does not start with a valid multicodec prefix.",
                                 what=what or tr("A key")))


def public_key_from_multikey(value: str) -> MultikeyPublicKey:
    """The public key in a ``publicKeyMultibase`` / did:key value."""
    code, key_bytes = varint_decode(
        multibase_decode(value, what=tr("A public key")), what=tr("A public key")
    )
    try:
        if code == ED25519_PUB:
            if len(key_bytes) != 32:
                raise ValueError("Ed25519 public keys are 32 bytes")
            return ed25519.Ed25519PublicKey.from_public_bytes(key_bytes)
        curve = _EC_PUBLIC.get(code)
        if curve is not None:
            return ec.EllipticCurvePublicKey.from_encoded_point(curve, key_bytes)
    except ValueError as exc:
        raise MalformedCredential(
            tr("A public key in the credential is not a valid key."), details=str(exc)
        ) from None
    raise MalformedCredential(
        tr("A public key in the credential is of a type Kredo does not support."),
        details=f"multicodec 0x{code:x}",
    )


def multikey_from_public_key(key: MultikeyPublicKey) -> str:
    """``z``-multibase Multikey: Ed25519 raw bytes or a compressed P-256/P-384 point."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return multibase_encode(varint_encode(ED25519_PUB) + raw, BASE58BTC)
    code = _PUBLIC_CODE_FOR_CURVE.get(key.curve.name)
    if code is None:
        raise ValueError(f"no Multikey form for curve {key.curve.name}")
    point = key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
    return multibase_encode(varint_encode(code) + point, BASE58BTC)


def private_key_from_multikey(value: str) -> MultikeyPrivateKey:
    """The private key in a ``secretKeyMultibase`` (or ``privateKeyMultibase``) value."""
    code, secret = varint_decode(
        multibase_decode(value, what=tr("A secret key")), what=tr("A secret key")
    )
    expected = _SECRET_LENGTH.get(code)
    if expected is None:
        raise MalformedCredential(
            tr("The secret key is of a type Kredo does not support."),
            details=f"multicodec 0x{code:x}",
        )
    if len(secret) != expected:
        raise MalformedCredential(tr("The secret key has the wrong length for its type."))
    if code == ED25519_PRIV:
        return ed25519.Ed25519PrivateKey.from_private_bytes(secret)
    try:
        return ec.derive_private_key(int.from_bytes(secret, "big"), _EC_PRIVATE[code])
    except ValueError as exc:
        raise MalformedCredential(
            tr("The secret key is not a valid key."), details=str(exc)
        ) from None


def multikey_from_private_key(key: MultikeyPrivateKey) -> str:
    """``z``-multibase secret key (multicodec ``*-priv`` + the raw scalar/seed)."""
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return multibase_encode(varint_encode(ED25519_PRIV) + raw, BASE58BTC)
    code = _PRIVATE_CODE_FOR_CURVE.get(key.curve.name)
    if code is None:
        raise ValueError(f"no Multikey form for curve {key.curve.name}")
    size = _SECRET_LENGTH[code]
    scalar = key.private_numbers().private_value.to_bytes(size, "big")
    return multibase_encode(varint_encode(code) + scalar, BASE58BTC)
