"""``ecdsa-rdfc-2019`` (W3C vc-di-ecdsa §3.2) and ``ecdsa-jcs-2019`` (§3.3), each with
P-256/SHA-256 and P-384/SHA-384.

The two differ only in the canonicalization (RDFC-1.0 or JCS). The curve picks the hash for
both the hash data and the ECDSA signature. Signatures are the raw ``r || s`` form (IEEE
P1363), not DER, and ECDSA signing is randomized, so re-signing never reproduces a published
proofValue.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from wallet.crypto.jwk import PrivateKey, PublicKey
from wallet.crypto.suites.protocol import Canonicalization

# curve name → (hash, byte length of r and of s)
_CURVES: dict[str, tuple[type[hashes.HashAlgorithm], int]] = {
    "secp256r1": (hashes.SHA256, 32),
    "secp384r1": (hashes.SHA384, 48),
}


@dataclass(frozen=True)
class EcdsaSuite:
    name: str
    cryptosuite: str | None
    canonicalization: Canonicalization
    proof_type: str = "DataIntegrityProof"

    def key_is_suitable(self, key: PublicKey) -> bool:
        return isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in _CURVES

    def hash_algorithm(self, key: PublicKey) -> hashes.HashAlgorithm:
        if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name not in _CURVES:
            raise TypeError(f"{self.name} needs a P-256 or P-384 key")
        return _CURVES[key.curve.name][0]()

    def verify_signature(self, key: PublicKey, signature: bytes, data: bytes) -> bool:
        if not self.key_is_suitable(key) or not isinstance(key, ec.EllipticCurvePublicKey):
            return False
        size = _CURVES[key.curve.name][1]
        if len(signature) != 2 * size:
            return False
        r = int.from_bytes(signature[:size], "big")
        s = int.from_bytes(signature[size:], "big")
        try:
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(self.hash_algorithm(key)))
        except InvalidSignature:
            return False
        return True

    def sign_data(self, key: PrivateKey, data: bytes) -> bytes:
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name not in _CURVES:
            raise TypeError(f"{self.name} signs with a P-256 or P-384 key")
        size = _CURVES[key.curve.name][1]
        der = key.sign(data, ec.ECDSA(self.hash_algorithm(key.public_key())))
        r, s = decode_dss_signature(der)
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")


ECDSA_RDFC_2019 = EcdsaSuite(
    name="ecdsa-rdfc-2019", cryptosuite="ecdsa-rdfc-2019", canonicalization="rdfc"
)
ECDSA_JCS_2019 = EcdsaSuite(
    name="ecdsa-jcs-2019", cryptosuite="ecdsa-jcs-2019", canonicalization="jcs"
)
