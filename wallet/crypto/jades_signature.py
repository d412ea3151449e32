"""The JWS signature check of a seal: one algorithm name, one certificate key, exact bytes."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "256": hashes.SHA256,
    "384": hashes.SHA384,
    "512": hashes.SHA512,
}
# RFC 7518 §3.4: ES* signatures are r || s, each as long as the curve's order.
_EC_CURVES: dict[str, type[ec.EllipticCurve]] = {
    "ES256": ec.SECP256R1,
    "ES384": ec.SECP384R1,
    "ES512": ec.SECP521R1,
}


def verify_jws_signature(
    algorithm: str, public_key: object, signing_input: bytes, signature: bytes
) -> bool:
    """True only when ``signature`` is valid for ``algorithm`` and a key of the matching type."""
    if algorithm[:2] not in {"RS", "PS", "ES"} or algorithm[2:] not in _HASHES:
        return False
    digest = _HASHES[algorithm[2:]]()
    try:
        if algorithm.startswith("RS") and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, signing_input, padding.PKCS1v15(), digest)
            return True
        if algorithm.startswith("PS") and isinstance(public_key, rsa.RSAPublicKey):
            # RFC 7518 §3.5: salt length equals the hash length.
            pss = padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size)
            public_key.verify(signature, signing_input, pss, digest)
            return True
        if (
            algorithm.startswith("ES")
            and isinstance(public_key, ec.EllipticCurvePublicKey)
            and isinstance(public_key.curve, _EC_CURVES[algorithm])
        ):
            size = (public_key.curve.key_size + 7) // 8
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            public_key.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(digest))
            return True
    except InvalidSignature:
        return False
    return False
