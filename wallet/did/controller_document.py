"""Find a verification method in a controller document the caller already has.

Kredo does not fetch DID documents or https key documents (that needs the network); a caller
that has one — bundled, cached, or fetched with the user's consent — passes it in.
Follows the W3C Controlled Identifiers model: methods live in ``verificationMethod`` or are
embedded in a relationship, relationships may reference them by (possibly relative) id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from wallet.crypto.jwk import PublicKey, public_key_from_jwk
from wallet.crypto.multikey import public_key_from_multikey
from wallet.crypto.verification_method import RELATIONSHIPS, ResolvedVerificationMethod
from wallet.errors import MalformedCredential
from wallet.translation import tr


def verification_method_from_document(
    document: Mapping[str, Any], vm_id: str
) -> ResolvedVerificationMethod:
    """The method ``vm_id`` of ``document`` with the relationships that authorise it."""
    base = vm_id.partition("#")[0]
    if document.get("id") != base:
        raise MalformedCredential(
            tr("The supplied controller document describes a different identifier than the key."),
            details=f"document id {str(document.get('id'))[:200]!r}, key {vm_id[:200]!r}",
        )
    found: Mapping[str, Any] | None = None
    relationships: set[str] = set()
    for relationship, entry in _entries(document):
        entry_id = _absolute(entry if isinstance(entry, str) else entry.get("id"), base)
        if entry_id != vm_id:
            continue
        if isinstance(entry, Mapping):
            found = entry
        if relationship is not None:
            relationships.add(relationship)
    if found is None:
        raise MalformedCredential(
            tr("The controller document does not contain the key the proof names."),
            details=f"key {vm_id[:200]!r}",
        )
    controller = found.get("controller")
    if not isinstance(controller, str):
        raise MalformedCredential(tr("The key in the controller document names no controller."))
    return ResolvedVerificationMethod(
        id=vm_id,
        controller=controller,
        type=str(found.get("type", "")),
        public_key=_public_key(found),
        relationships=frozenset(relationships),
    )


def _entries(document: Mapping[str, Any]) -> Iterator[tuple[str | None, Any]]:
    """(relationship or None for ``verificationMethod``, reference or embedded method)."""
    for name in (None, *RELATIONSHIPS):
        value = document.get(name or "verificationMethod", [])
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, str | Mapping):
                yield name, entry


def _absolute(entry_id: object, base: str) -> str | None:
    if not isinstance(entry_id, str):
        return None
    return base + entry_id if entry_id.startswith("#") else entry_id


# The 2019 secp256k1 key type (older EBSI and Ethereum-flavoured DIDs) may carry its SEC 1
# point in hex; no other type is read from hex.
SECP256K1_2019 = "EcdsaSecp256k1VerificationKey2019"


def _public_key(method: Mapping[str, Any]) -> PublicKey:
    multibase = method.get("publicKeyMultibase")
    jwk = method.get("publicKeyJwk")
    hex_point = method.get("publicKeyHex")
    if isinstance(multibase, str):
        return public_key_from_multikey(multibase)
    if isinstance(jwk, Mapping):
        return public_key_from_jwk(jwk)
    if isinstance(hex_point, str) and method.get("type") == SECP256K1_2019:
        return _secp256k1_from_hex(hex_point)
    raise MalformedCredential(
        tr("The key in the controller document has no public key Kredo can read."),
        details=f"type {str(method.get('type'))[:80]!r}",
    )


def _secp256k1_from_hex(hex_point: str) -> ec.EllipticCurvePublicKey:
    """A compressed or uncompressed SEC 1 point on secp256k1, validated."""
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256K1(), bytes.fromhex(hex_point))
    except ValueError:
        raise MalformedCredential(
            tr("The secp256k1 key in the controller document is not a point on its curve."),
            details=hex_point[:140],
        ) from None
