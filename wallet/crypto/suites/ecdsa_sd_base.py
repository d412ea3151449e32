"""``ecdsa-sd-2023`` base proofs (W3C vc-di-ecdsa §3.5): what the issuer signed, checked for
the holder who keeps it.

A base proof's value is ``u`` + base64url of the header ``d9 5d 00`` and a CBOR array
(§3.5.2 serializeBaseProofValue): the issuer's base signature, the ephemeral P-256 public key
(Multikey bytes), the HMAC key, one signature per non-mandatory statement, and the mandatory
JSON pointers.

The issuer (§3.6.2–3.6.6) canonicalized the document with HMAC blank-node labels, split the
statements by the mandatory pointers, signed SHA-256(canonical proof configuration) ||
ephemeral key || SHA-256(mandatory statements) with its own key, and each non-mandatory
statement with the ephemeral key. Checking repeats that with the HMAC key the proof carries.
The specification defines no verifier for base proofs (a verifier takes derived ones); these
steps are those of proof creation, run backwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.hazmat.primitives.asymmetric import ec

from wallet.crypto.jwk import PublicKey
from wallet.crypto.multibase import BASE64URL, multibase_decode
from wallet.crypto.suites.ecdsa_sd import (
    BASE_PROOF_HEADER,
    ephemeral_key_from_multikey,
    malformed_proof_value,
    p256_verifies,
    sha256,
    untagged_bytes,
)
from wallet.crypto.suites.ecdsa_sd_groups import hmac_canonical_groups
from wallet.jsonld import canonicalize_checked
from wallet.translation import tr

_BASE_FIELDS = 5
_P256_SIGNATURE_BYTES = 64
_P256_MULTIKEY_BYTES = 35  # multicodec 0x1200 (two bytes) + compressed point
_HMAC_KEY_BYTES = 32


@dataclass(frozen=True)
class BaseProofValue:
    base_signature: bytes
    ephemeral_key: bytes
    hmac_key: bytes
    signatures: tuple[bytes, ...]
    mandatory_pointers: tuple[str, ...]

    @classmethod
    def from_proof_value(cls, proof_value: Any) -> BaseProofValue:
        """§3.5.3 parseBaseProofValue; raises :class:`MalformedCredential` otherwise."""
        if not isinstance(proof_value, str) or not proof_value.startswith(BASE64URL):
            raise malformed_proof_value("the proofValue is not base64url multibase")
        raw = multibase_decode(proof_value, what=tr("The proof's signature value"))
        if not raw.startswith(BASE_PROOF_HEADER):
            raise malformed_proof_value("the proofValue header is not that of a base proof")
        try:
            fields = cbor2.loads(raw[len(BASE_PROOF_HEADER):])
        except Exception as exc:  # cbor2 raises several types for broken input
            raise malformed_proof_value(f"CBOR: {exc}") from None
        if not isinstance(fields, list) or len(fields) != _BASE_FIELDS:
            raise malformed_proof_value("the CBOR value is not an array of five")
        base_signature, ephemeral_key, hmac_key, signatures, pointers = (
            untagged_bytes(field) for field in fields)
        if not (isinstance(base_signature, bytes)
                and len(base_signature) == _P256_SIGNATURE_BYTES
                and isinstance(ephemeral_key, bytes)
                and len(ephemeral_key) == _P256_MULTIKEY_BYTES
                and isinstance(hmac_key, bytes) and len(hmac_key) == _HMAC_KEY_BYTES
                and isinstance(signatures, list)
                and all(isinstance(s, bytes) and len(s) == _P256_SIGNATURE_BYTES
                        for s in signatures)
                and isinstance(pointers, list) and all(isinstance(p, str) for p in pointers)):
            raise malformed_proof_value("a field of the CBOR array has the wrong type or size")
        return cls(
            base_signature=base_signature,
            ephemeral_key=ephemeral_key,
            hmac_key=hmac_key,
            signatures=tuple(signatures),
            mandatory_pointers=tuple(pointers),
        )


def base_proof_holds(
    unsecured: Mapping[str, Any],
    proof_config: Mapping[str, Any],
    proof_value: BaseProofValue,
    issuer_key: PublicKey,
) -> bool:
    """The issuer's base signature and every statement's signature hold over ``unsecured``
    (the document without ``proof``); ``proof_config`` is the proof without ``proofValue``
    under the document's ``@context``.

    Raises :class:`MalformedCredential` when a mandatory pointer does not match the document
    (it was changed) and ``SelectionNotComparable`` when the mandatory statements cannot be
    told (then nothing is proven either way).
    """
    if not isinstance(issuer_key, ec.EllipticCurvePublicKey):
        return False
    ephemeral = ephemeral_key_from_multikey(proof_value.ephemeral_key)
    proof_hash = sha256(canonicalize_checked(dict(proof_config)).nquads.encode())
    statements = hmac_canonical_groups(
        unsecured, proof_value.hmac_key, proof_value.mandatory_pointers)
    if len(statements.non_mandatory) != len(proof_value.signatures):
        return False
    mandatory_hash = sha256("".join(statements.mandatory).encode())
    signed = proof_hash + proof_value.ephemeral_key + mandatory_hash
    if not p256_verifies(issuer_key, proof_value.base_signature, signed):
        return False
    return all(p256_verifies(ephemeral, signature, statement.encode())
               for signature, statement in zip(proof_value.signatures,
                                               statements.non_mandatory, strict=True))
