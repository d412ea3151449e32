"""JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037) to and from `cryptography` key objects.

Only the key types a credential can be signed with are accepted: Ed25519 (OKP), EC P-256,
P-384, P-521 and secp256k1 (RFC 8812, used by older EBSI issuers), and RSA of at least 2,048
bits. Every public key is validated when it is
built (EC points must lie on their curve), so a key object in hand is always usable.

The strict base64url codec lives here because every JOSE structure starts with a key or
needs one, and :mod:`wallet.crypto.jws` builds on this module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet.base64url import b64url_decode, b64url_encode
from wallet.errors import MalformedCredential
from wallet.translation import tr

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey
PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

MIN_RSA_BITS = 2048

# JWK curve name → (curve class, coordinate length in bytes).
_EC_CURVES: dict[str, tuple[type[ec.EllipticCurve], int]] = {
    "P-256": (ec.SECP256R1, 32),
    "P-384": (ec.SECP384R1, 48),
    "P-521": (ec.SECP521R1, 66),
    "secp256k1": (ec.SECP256K1, 32),
}
_CURVE_NAMES = {curve().name: name for name, (curve, _) in _EC_CURVES.items()}

# RFC 7638 §3.2: the required members of each key type, which alone enter the thumbprint.
_THUMBPRINT_MEMBERS = {
    "OKP": ("crv", "kty", "x"),
    "EC": ("crv", "kty", "x", "y"),
    "RSA": ("e", "kty", "n"),
}


# --- base64url ------------------------------------------------------------------------


# --- public keys ----------------------------------------------------------------------


def public_key_from_jwk(jwk: Mapping[str, Any]) -> PublicKey:
    """Build a validated public key from a JWK; a broken or unsupported JWK is a clear error.

    Private members (``d`` ...) are ignored: only the public part is used.
    """
    if not isinstance(jwk, Mapping):
        raise MalformedCredential(tr("The key is not a JSON Web Key (expected a JSON object)."))
    kty = jwk.get("kty")
    if kty == "OKP":
        return _okp_public_key(jwk)
    if kty == "EC":
        return _ec_public_numbers(jwk).public_key()
    if kty == "RSA":
        return _rsa_public_numbers(jwk).public_key()
    raise MalformedCredential(
        tr("The key is of a type Kredo does not accept (expected Ed25519, EC or RSA)."),
        details=f"kty={kty!r}"[:80],
    )


def jwk_from_public_key(key: PublicKey) -> dict[str, str]:
    """The public JWK of a key (only the members RFC 7517/7518/8037 require)."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        raw = key.public_bytes_raw()
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)}
    if isinstance(key, ec.EllipticCurvePublicKey):
        name = _CURVE_NAMES.get(key.curve.name)
        if name is None:
            raise MalformedCredential(
                tr("The key uses an elliptic curve Kredo does not accept."),
                details=key.curve.name,
            )
        size = _EC_CURVES[name][1]
        numbers = key.public_numbers()
        return {
            "kty": "EC",
            "crv": name,
            "x": b64url_encode(numbers.x.to_bytes(size, "big")),
            "y": b64url_encode(numbers.y.to_bytes(size, "big")),
        }
    if isinstance(key, rsa.RSAPublicKey):
        rsa_numbers = key.public_numbers()
        return {
            "kty": "RSA",
            "n": b64url_encode(_uint_bytes(rsa_numbers.n)),
            "e": b64url_encode(_uint_bytes(rsa_numbers.e)),
        }
    raise MalformedCredential(tr("The key is of a type Kredo does not accept."))


def jwk_thumbprint(jwk: Mapping[str, Any], *, hash_name: str = "sha256") -> str:
    """RFC 7638 thumbprint (base64url of the hash of the canonical required members).

    The JWK is validated first, so a thumbprint is only ever computed for a usable key.
    """
    public_key_from_jwk(jwk)
    members = _THUMBPRINT_MEMBERS[str(jwk["kty"])]
    canonical = json.dumps(
        {name: jwk[name] for name in members}, separators=(",", ":"), ensure_ascii=False
    )
    digest = hashlib.new(hash_name, canonical.encode("utf-8")).digest()
    return b64url_encode(digest)


# --- private keys (tests, holder keys) ------------------------------------------------


def private_key_from_jwk(jwk: Mapping[str, Any]) -> PrivateKey:
    """Load a private JWK (test keys, holder keys kept in the vault)."""
    public_key = public_key_from_jwk(jwk)
    d = _b64_member(jwk, "d")
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        try:
            private = ed25519.Ed25519PrivateKey.from_private_bytes(d)
        except ValueError:
            raise MalformedCredential(tr("The private key is not a valid Ed25519 key.")) from None
        if private.public_key() != public_key:
            raise MalformedCredential(tr("The private key does not match its public part."))
        return private
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        try:
            return ec.EllipticCurvePrivateNumbers(
                int.from_bytes(d, "big"), _ec_public_numbers(jwk)
            ).private_key()
        except ValueError:
            raise MalformedCredential(tr("The private key is not a valid EC key.")) from None
    members = {name: int.from_bytes(_b64_member(jwk, name), "big") for name in _RSA_PRIVATE}
    try:
        return rsa.RSAPrivateNumbers(
            p=members["p"],
            q=members["q"],
            d=int.from_bytes(d, "big"),
            dmp1=members["dp"],
            dmq1=members["dq"],
            iqmp=members["qi"],
            public_numbers=_rsa_public_numbers(jwk),
        ).private_key()
    except ValueError:
        raise MalformedCredential(tr("The private key is not a valid RSA key.")) from None


def jwk_from_private_key(key: PrivateKey) -> dict[str, str]:
    """The private JWK of a key (holder keys, test fixtures)."""
    jwk = jwk_from_public_key(key.public_key())
    if isinstance(key, ed25519.Ed25519PrivateKey):
        jwk["d"] = b64url_encode(key.private_bytes_raw())
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        size = _EC_CURVES[jwk["crv"]][1]
        jwk["d"] = b64url_encode(key.private_numbers().private_value.to_bytes(size, "big"))
    else:
        numbers = key.private_numbers()
        for name, value in (
            ("d", numbers.d),
            ("p", numbers.p),
            ("q", numbers.q),
            ("dp", numbers.dmp1),
            ("dq", numbers.dmq1),
            ("qi", numbers.iqmp),
        ):
            jwk[name] = b64url_encode(_uint_bytes(value))
    return jwk


# --- internals ------------------------------------------------------------------------

_RSA_PRIVATE = ("p", "q", "dp", "dq", "qi")


def _b64_member(jwk: Mapping[str, Any], name: str) -> bytes:
    value = jwk.get(name)
    if not isinstance(value, str) or not value:
        raise MalformedCredential(tr("The key lacks its “{name}” member.", name=name))
    return b64url_decode(value, what=tr("The key's “{name}” member", name=name))


def _okp_public_key(jwk: Mapping[str, Any]) -> ed25519.Ed25519PublicKey:
    if jwk.get("crv") != "Ed25519":
        raise MalformedCredential(
            tr("The key uses an OKP curve Kredo does not accept (expected Ed25519)."),
            details=f"crv={jwk.get('crv')!r}"[:80],
        )
    x = _b64_member(jwk, "x")
    if len(x) != 32:
        raise MalformedCredential(tr("The Ed25519 key is not 32 bytes long."))
    return ed25519.Ed25519PublicKey.from_public_bytes(x)


def _ec_public_numbers(jwk: Mapping[str, Any]) -> ec.EllipticCurvePublicNumbers:
    crv = jwk.get("crv")
    if not isinstance(crv, str) or crv not in _EC_CURVES:
        raise MalformedCredential(
            tr("The key uses an elliptic curve Kredo does not accept (expected P-256, P-384, "
               "P-521, secp256k1)."),
            details=f"crv={crv!r}"[:80],
        )
    curve, size = _EC_CURVES[crv]
    x, y = _b64_member(jwk, "x"), _b64_member(jwk, "y")
    # RFC 7518 §6.2.1.2: coordinates are the full curve size, so a wrong length is a broken key.
    if len(x) != size or len(y) != size:
        raise MalformedCredential(
            tr("The {curve} key's coordinates have the wrong length.", curve=crv))
    numbers = ec.EllipticCurvePublicNumbers(
        int.from_bytes(x, "big"), int.from_bytes(y, "big"), curve()
    )
    try:
        numbers.public_key()  # validates that the point lies on the curve
    except ValueError:
        raise MalformedCredential(
            tr("The {curve} key is not a point on its curve.", curve=crv)) from None
    return numbers


def _rsa_public_numbers(jwk: Mapping[str, Any]) -> rsa.RSAPublicNumbers:
    n = int.from_bytes(_b64_member(jwk, "n"), "big")
    e = int.from_bytes(_b64_member(jwk, "e"), "big")
    if n.bit_length() < MIN_RSA_BITS:
        raise MalformedCredential(tr(
            "The RSA key is too short to be trusted ({bits} bits; at least {minimum} are "
            "required).", bits=n.bit_length(), minimum=MIN_RSA_BITS,
        ))
    numbers = rsa.RSAPublicNumbers(e, n)
    try:
        numbers.public_key()
    except ValueError:
        raise MalformedCredential(tr("The RSA key is not a valid public key.")) from None
    return numbers


def _uint_bytes(value: int) -> bytes:
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")
