"""Compact JWS (RFC 7515) verification and signing with the algorithms credentials use.

Accepted: EdDSA / Ed25519 (RFC 8037, RFC 9864), ES256, ES384, ES512 (raw ``r||s``
signatures, RFC 7518 §3.4), ES256K (secp256k1, RFC 8812), RS256 and PS256. ``none`` and
every HMAC algorithm are refused: a credential must be signed with a key whose public half
anyone can check. The algorithm must fit the key (an RSA key never verifies an ES256 token),
which closes the classic algorithm-confusion attacks.

A bad signature is a *result*, never an exception; only text that is not a compact JWS at
all raises :class:`MalformedCredential` (read by :class:`wallet.crypto.jws_compact.CompactJws`).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from wallet.base64url import b64url_encode
from wallet.crypto.jwk import MIN_RSA_BITS, PrivateKey, PublicKey, public_key_from_jwk
from wallet.crypto.jws_compact import CompactJws
from wallet.errors import MalformedCredential
from wallet.translation import tr

SUPPORTED_ALGS: frozenset[str] = frozenset(
    {"EdDSA", "Ed25519", "ES256", "ES384", "ES512", "ES256K", "RS256", "PS256"}
)

# alg → (hash, EC curve name or None). EdDSA needs no separate hash.
_EC_ALGS: dict[str, tuple[type[hashes.HashAlgorithm], str, int]] = {
    "ES256": (hashes.SHA256, "secp256r1", 32),
    "ES384": (hashes.SHA384, "secp384r1", 48),
    "ES512": (hashes.SHA512, "secp521r1", 66),
    # RFC 8812 §3.2: ECDSA over secp256k1 with SHA-256, r||s as for ES256.
    "ES256K": (hashes.SHA256, "secp256k1", 32),
}
_EDDSA_ALGS = frozenset({"EdDSA", "Ed25519"})
_RSA_ALGS = frozenset({"RS256", "PS256"})
# RFC 7518 §3.5: PS256 uses MGF1 with SHA-256 and a salt as long as the hash.
_PSS_SHA256 = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)


class JwsFailure(Enum):
    """Why a signature did not verify; :attr:`message` is the sentence a person reads."""

    ALGORITHM_REFUSED = "algorithm-refused"
    ALGORITHM_NOT_ALLOWED = "algorithm-not-allowed"
    KEY_MISMATCH = "key-mismatch"
    UNKNOWN_CRITICAL = "unknown-critical"
    BAD_SIGNATURE = "bad-signature"

    @property
    def message(self) -> str:
        # Made when asked, in the language active then (never at import).
        if self is JwsFailure.ALGORITHM_REFUSED:
            return tr("The signature uses an algorithm Kredo does not accept (such as none or "
                      "HMAC).")
        if self is JwsFailure.ALGORITHM_NOT_ALLOWED:
            return tr("The signature uses an algorithm that is not allowed here.")
        if self is JwsFailure.KEY_MISMATCH:
            return tr("The signature's algorithm does not fit the issuer's key.")
        if self is JwsFailure.UNKNOWN_CRITICAL:
            return tr("The signature requires an extension Kredo does not understand.")
        return tr("The signature does not match the signed data: it was altered or signed by "
                  "another key.")


@dataclass(frozen=True)
class JwsVerification:
    """Outcome of one signature check: ``valid`` with a sentence, and the decoded parts."""

    valid: bool
    message: str
    jws: CompactJws
    failure: JwsFailure | None = None

    @property
    def header(self) -> Mapping[str, Any]:
        return self.jws.header

    @property
    def payload(self) -> bytes:
        return self.jws.payload


def verify_compact_jws(
    token: str | CompactJws,
    key: PublicKey,
    *,
    allowed_algs: Collection[str] = SUPPORTED_ALGS,
    understood_crit: Collection[str] = (),
) -> JwsVerification:
    """Check a compact JWS against ``key``; raises only when ``token`` is not a JWS at all.

    Steps follow RFC 7515 §5.2: (1-4) split and decode, (5) header checks including
    ``crit``, (6-8) signature over the exact ``protected.payload`` ASCII bytes.
    """
    jws = token if isinstance(token, CompactJws) else CompactJws.from_text(token)

    def failed(reason: JwsFailure) -> JwsVerification:
        return JwsVerification(valid=False, message=reason.message, jws=jws, failure=reason)

    # 5. Header: the algorithm (named, as reading the token ensured) must be supported,
    #    allowed by the caller and fit the key.
    alg = jws.alg
    if alg not in SUPPORTED_ALGS:
        return failed(JwsFailure.ALGORITHM_REFUSED)
    if alg not in allowed_algs:
        return failed(JwsFailure.ALGORITHM_NOT_ALLOWED)
    if not algorithm_fits_key(alg, key):
        return failed(JwsFailure.KEY_MISMATCH)
    # RFC 7515 §4.1.11: a critical extension we do not implement means we must not accept.
    if "crit" in jws.header and not _crit_understood(jws.header, understood_crit):
        return failed(JwsFailure.UNKNOWN_CRITICAL)

    # 6-8. The signature over the exact ASCII of ``protected.payload``.
    if not _signature_matches(alg, key, jws.signature, jws.signing_input):
        return failed(JwsFailure.BAD_SIGNATURE)
    return JwsVerification(valid=True, message=tr("The signature is valid."), jws=jws)


def sign_compact_jws(header: Mapping[str, Any], payload: bytes, private_key: PrivateKey) -> str:
    """Sign ``payload`` (tests, presentations, OpenID4VCI proofs); ``alg`` defaults to the key's.

    A given ``alg`` must fit the key, so a caller cannot produce a token no verifier accepts.
    """
    protected_header = dict(header)
    alg = protected_header.setdefault("alg", default_algorithm(private_key.public_key()))
    if alg not in SUPPORTED_ALGS or not algorithm_fits_key(alg, private_key.public_key()):
        raise MalformedCredential(tr("The signing algorithm does not fit the signing key."))
    protected = b64url_encode(
        json.dumps(protected_header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    )
    signing_input = f"{protected}.{b64url_encode(payload)}"
    signature = _sign(alg, private_key, signing_input.encode("ascii"))
    return f"{signing_input}.{b64url_encode(signature)}"


def default_algorithm(key: PublicKey) -> str:
    """The algorithm Kredo signs with for a key type (RS256 for RSA, the widest supported)."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "EdDSA"
    if isinstance(key, ec.EllipticCurvePublicKey):
        for alg, (_, curve, _) in _EC_ALGS.items():
            if key.curve.name == curve:
                return alg
        raise MalformedCredential(tr("The key uses an elliptic curve Kredo does not accept."))
    return "RS256"


def algorithm_fits_key(alg: str, key: PublicKey) -> bool:
    if alg in _EDDSA_ALGS:
        return isinstance(key, ed25519.Ed25519PublicKey)
    if alg in _EC_ALGS:
        return isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == _EC_ALGS[alg][1]
    if alg in _RSA_ALGS:
        return isinstance(key, rsa.RSAPublicKey) and key.key_size >= MIN_RSA_BITS
    return False


# --- key discovery --------------------------------------------------------------------


@dataclass(frozen=True)
class DiscoveredKey:
    """A verification key named by a JWS header, and where it came from.

    ``source`` is ``"kid"``, ``"jwk"`` or ``"x5c"``. Finding a key says nothing about
    trusting it: an embedded ``jwk`` is self-asserted, and an ``x5c`` chain must be
    validated by the caller (``certificates`` holds it, leaf first).
    """

    key: PublicKey
    source: str
    kid: str | None = None
    certificates: tuple[x509.Certificate, ...] = field(default=())


KidResolver = Callable[[str], PublicKey]


def discover_verification_key(
    header: Mapping[str, Any], *, resolve_kid: KidResolver | None = None
) -> DiscoveredKey | None:
    """Find the key a header points to: ``kid`` (through the caller's resolver, e.g. a DID
    URL), then an embedded ``jwk``, then ``x5c``. ``None`` when the header names no key.
    """
    kid = header.get("kid")
    kid = kid if isinstance(kid, str) and kid else None
    if kid is not None and resolve_kid is not None:
        return DiscoveredKey(key=resolve_kid(kid), source="kid", kid=kid)
    if "jwk" in header:
        return DiscoveredKey(key=public_key_from_jwk(header["jwk"]), source="jwk", kid=kid)
    if "x5c" in header:
        certificates = _certificates_from_x5c(header["x5c"])
        leaf_key = certificates[0].public_key()
        if not isinstance(
            leaf_key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey
        ):
            raise MalformedCredential(
                tr("The signing certificate holds a key type Kredo does not accept.")
            )
        return DiscoveredKey(key=leaf_key, source="x5c", kid=kid, certificates=certificates)
    return None


def _certificates_from_x5c(value: Any) -> tuple[x509.Certificate, ...]:
    # RFC 7515 §4.1.6: standard base64 (not base64url) DER certificates, leaf first.
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise MalformedCredential(
            tr("The signature's certificate chain (x5c) is not a list of certificates.")
        )
    certificates = []
    for encoded in value:
        try:
            der = base64.b64decode(encoded, validate=True)
            certificates.append(x509.load_der_x509_certificate(der))
        except (binascii.Error, ValueError):
            raise MalformedCredential(
                tr("A certificate in the signature's chain (x5c) is unreadable.")
            ) from None
    return tuple(certificates)


# --- internals ------------------------------------------------------------------------


def _crit_understood(header: Mapping[str, Any], understood: Collection[str]) -> bool:
    crit = header["crit"]
    if not isinstance(crit, list) or not crit:
        return False
    return all(isinstance(name, str) and name in understood and name in header for name in crit)


def _signature_matches(alg: str, key: PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, data)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            hash_type, _, size = _EC_ALGS[alg]
            # JWS carries fixed-size r||s; anything else (DER included) is not a JWS signature.
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hash_type()))
        elif alg == "PS256":
            key.verify(signature, data, _PSS_SHA256, hashes.SHA256())
        else:
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


def _sign(alg: str, key: PrivateKey, data: bytes) -> bytes:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        hash_type, _, size = _EC_ALGS[alg]
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hash_type())))
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    if alg == "PS256":
        return key.sign(data, _PSS_SHA256, hashes.SHA256())
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
