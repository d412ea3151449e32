"""Ed25519 suites: ``eddsa-rdfc-2022`` (W3C vc-di-eddsa §3.2), ``eddsa-jcs-2022`` (§3.3) and
``Ed25519Signature2020``.

All hash with SHA-256 and sign the 64-byte hash data with pure Ed25519; they differ in how the
proof names itself and in the canonicalization (RDFC-1.0, or JCS for eddsa-jcs-2022).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto.jwk import PrivateKey, PublicKey
from wallet.crypto.suites.protocol import Canonicalization


@dataclass(frozen=True)
class Ed25519Suite:
    name: str
    proof_type: str
    cryptosuite: str | None
    canonicalization: Canonicalization = "rdfc"

    def key_is_suitable(self, key: PublicKey) -> bool:
        return isinstance(key, ed25519.Ed25519PublicKey)

    def hash_algorithm(self, key: PublicKey) -> hashes.HashAlgorithm:
        return hashes.SHA256()

    def verify_signature(self, key: PublicKey, signature: bytes, data: bytes) -> bool:
        if not isinstance(key, ed25519.Ed25519PublicKey) or len(signature) != 64:
            return False
        try:
            key.verify(signature, data)
        except InvalidSignature:
            return False
        return True

    def sign_data(self, key: PrivateKey, data: bytes) -> bytes:
        if not isinstance(key, ed25519.Ed25519PrivateKey):
            raise TypeError("this suite signs with an Ed25519 key")
        return key.sign(data)


EDDSA_RDFC_2022 = Ed25519Suite(
    name="eddsa-rdfc-2022", proof_type="DataIntegrityProof", cryptosuite="eddsa-rdfc-2022"
)
EDDSA_JCS_2022 = Ed25519Suite(
    name="eddsa-jcs-2022",
    proof_type="DataIntegrityProof",
    cryptosuite="eddsa-jcs-2022",
    canonicalization="jcs",
)
ED25519_SIGNATURE_2020 = Ed25519Suite(
    name="Ed25519Signature2020", proof_type="Ed25519Signature2020", cryptosuite=None
)
