"""``ecdsa-sd-2023`` derived proofs (W3C vc-di-ecdsa §3.4): what a holder discloses, checked.

A derived proof's value is ``u`` + base64url of the header ``d9 5d 01`` and a CBOR array:
the issuer's base signature, the holder's ephemeral P-256 public key (Multikey bytes), one
signature per non-mandatory statement, the label map (canonical blank-node index → HMAC
label bytes) and the indexes of the mandatory statements (§3.5.8 parseDerivedProofValue).

createVerifyData (§3.5.9): canonicalize the disclosed document with RDFC-1.0, rename each
``_:c14nN`` to ``_:u<base64url(HMAC label)>`` with the label map, sort the statements again,
and split them into mandatory and non-mandatory by index. The issuer's key signed
SHA-256(canonical proof configuration) || ephemeral key || SHA-256(mandatory statements);
the ephemeral key signed each non-mandatory statement (§3.6.7 verify).

A *base* proof (header ``d9 5d 00``, §3.5.3 parseBaseProofValue) is what the issuer gives the
holder to derive from; the specification's verify algorithm takes only derived proofs, but a
holder importing one is owed a check (:mod:`wallet.crypto.suites.ecdsa_sd_base`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet.base64url import b64url_encode
from wallet.crypto.jwk import PublicKey
from wallet.crypto.multibase import BASE64URL, multibase_decode
from wallet.crypto.multikey import P256_PUB, varint_decode
from wallet.errors import MalformedCredential
from wallet.jsonld import canonicalize_checked
from wallet.translation import tr

BASE_PROOF_HEADER = b"\xd9\x5d\x00"
DERIVED_PROOF_HEADER = b"\xd9\x5d\x01"
_DERIVED_FIELDS = 5
_P256_SIGNATURE_BYTES = 64
_CBOR_UINT8_ARRAY = 64
_LABEL = re.compile(r"_:c14n(\d+)")


@dataclass(frozen=True)
class EcdsaSd2023:
    """The suite's identity for lookup; verification is :func:`derived_proof_holds`."""

    name: str = "ecdsa-sd-2023"
    proof_type: str = "DataIntegrityProof"
    cryptosuite: str | None = "ecdsa-sd-2023"
    canonicalization: str = "rdfc"

    def key_is_suitable(self, key: PublicKey) -> bool:
        return isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"


ECDSA_SD_2023 = EcdsaSd2023()


@dataclass(frozen=True)
class DerivedProofValue:
    base_signature: bytes
    ephemeral_key: bytes
    signatures: tuple[bytes, ...]
    label_map: dict[str, str]
    mandatory_indexes: tuple[int, ...]

    @classmethod
    def from_proof_value(cls, proof_value: Any) -> DerivedProofValue:
        """§3.5.8; raises :class:`MalformedCredential` for anything else, naming a base
        proof as such."""
        if not isinstance(proof_value, str) or not proof_value.startswith(BASE64URL):
            raise malformed_proof_value("the proofValue is not base64url multibase")
        raw = multibase_decode(proof_value, what=tr("The proof's signature value"))
        if raw.startswith(BASE_PROOF_HEADER):
            raise BaseProofNotForVerifiers
        if not raw.startswith(DERIVED_PROOF_HEADER):
            raise malformed_proof_value("the proofValue header is not that of a derived proof")
        try:
            fields = cbor2.loads(raw[len(DERIVED_PROOF_HEADER):])
        except Exception as exc:  # cbor2 raises several types for broken input
            raise malformed_proof_value(f"CBOR: {exc}") from None
        if not isinstance(fields, list) or len(fields) != _DERIVED_FIELDS:
            raise malformed_proof_value("the CBOR value is not an array of five")
        base_signature, ephemeral_key, signatures, labels, mandatory = fields
        if not (isinstance(base_signature, bytes) and isinstance(ephemeral_key, bytes)
                and isinstance(signatures, list) and isinstance(labels, dict)
                and isinstance(mandatory, list)
                and all(isinstance(s, bytes) for s in signatures)
                and all(isinstance(k, int) and isinstance(v, bytes) for k, v in labels.items())
                and all(isinstance(i, int) for i in mandatory)):
            raise malformed_proof_value("a field of the CBOR array has the wrong type")
        return cls(
            base_signature=base_signature,
            ephemeral_key=ephemeral_key,
            signatures=tuple(signatures),
            label_map={f"c14n{k}": "u" + b64url_encode(v) for k, v in labels.items()},
            mandatory_indexes=tuple(mandatory),
        )


class BaseProofNotForVerifiers(MalformedCredential):
    """The proof is an ecdsa-sd-2023 base proof: the holder derives from it; it is checked by
    :func:`wallet.crypto.suites.ecdsa_sd_base.base_proof_holds`, not as a derived proof."""

    def __init__(self) -> None:
        super().__init__(tr(
            "This is the issuer's base proof for selective disclosure, meant for the holder; "
            "a verifier checks the proof the holder derives from it."))


def derived_proof_holds(
    unsecured: Mapping[str, Any],
    proof_config: Mapping[str, Any],
    proof_value: DerivedProofValue,
    issuer_key: PublicKey,
) -> bool:
    """§3.6.7: the issuer's base signature and every disclosed statement's signature hold.

    ``unsecured`` is the disclosed document without ``proof``; ``proof_config`` the proof
    without ``proofValue`` under the document's ``@context``.
    """
    if not isinstance(issuer_key, ec.EllipticCurvePublicKey):
        return False
    ephemeral = ephemeral_key_from_multikey(proof_value.ephemeral_key)
    proof_hash = sha256(canonicalize_checked(dict(proof_config)).nquads.encode())
    statements = _relabelled(canonicalize_checked(dict(unsecured)).nquads, proof_value)
    mandatory_indexes = set(proof_value.mandatory_indexes)
    if any(not 0 <= i < len(statements) for i in mandatory_indexes):
        return False
    mandatory = [s for i, s in enumerate(statements) if i in mandatory_indexes]
    optional = [s for i, s in enumerate(statements) if i not in mandatory_indexes]
    if len(optional) != len(proof_value.signatures):
        return False
    signed = proof_hash + proof_value.ephemeral_key + sha256("".join(mandatory).encode())
    if not p256_verifies(issuer_key, proof_value.base_signature, signed):
        return False
    return all(p256_verifies(ephemeral, signature, statement.encode())
               for signature, statement in zip(proof_value.signatures, optional, strict=True))


def _relabelled(nquads: str, proof_value: DerivedProofValue) -> list[str]:
    """Canonical statements with the HMAC labels the issuer signed, sorted again."""
    def rename(match: re.Match[str]) -> str:
        label = proof_value.label_map.get(f"c14n{match.group(1)}")
        if label is None:
            raise malformed_proof_value("the label map does not name every blank node")
        return f"_:{label}"

    return sorted(_LABEL.sub(rename, line) + "\n" for line in nquads.splitlines())


def untagged_bytes(value: Any) -> Any:
    """Byte strings as they are, also where an encoder wrapped them in CBOR tag 64 (a typed
    array of uint8, RFC 8746), as early implementations and W3C vectors did; anything else
    unchanged (lists element by element)."""
    if isinstance(value, cbor2.CBORTag) and value.tag == _CBOR_UINT8_ARRAY:
        return value.value
    if isinstance(value, list):
        return [untagged_bytes(item) for item in value]
    return value


def ephemeral_key_from_multikey(multikey: bytes) -> ec.EllipticCurvePublicKey:
    code, point = varint_decode(multikey, what=tr("A public key"))
    if code != P256_PUB:
        raise malformed_proof_value("the holder's ephemeral key is not a P-256 Multikey")
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        raise malformed_proof_value(
            "the holder's ephemeral key is not a valid P-256 point") from None


def p256_verifies(key: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> bool:
    if key.curve.name != "secp256r1" or len(signature) != _P256_SIGNATURE_BYTES:
        return False
    r = int.from_bytes(signature[:32], "big")
    s = int.from_bytes(signature[32:], "big")
    try:
        key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def sha256(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def malformed_proof_value(details: str) -> MalformedCredential:
    return MalformedCredential(
        tr("The selective-disclosure proof value is not well formed."), details=details)
