"""The hash data every RDFC cryptosuite signs (vc-di-eddsa / vc-di-ecdsa §3.2.4–3.2.6).

hashData = H(canonical proof configuration) || H(canonical unsecured document), where the
proof configuration is the proof without ``proofValue`` carrying the document's
``@context``. H is SHA-256, or SHA-384 for ecdsa-rdfc-2019 with P-384; RDFC-1.0 labels blank
nodes with the same H (vc-di-ecdsa, "Algorithms": "For P-384 keys, SHA-2 with 384-bits of
output MUST be used"), so a P-384 proof over a document with two or more blank nodes signs
another canonical form than a P-256 proof would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes

from wallet.errors import MalformedCredential
from wallet.json_values import as_list
from wallet.jsonld import RdfcHash, canonicalize_checked
from wallet.translation import tr


@dataclass(frozen=True)
class HashData:
    data: bytes
    # Properties no context defines: not in the canonical form, so not protected.
    dropped_terms: tuple[str, ...]


def unsecured_document(secured: Mapping[str, Any], proof: Mapping[str, Any]) -> dict[str, Any]:
    """The document without ``proof``, under the context the proof was made with.

    vc-di-eddsa §3.2.2 step 4 (ecdsa the same): when the proof carries its own ``@context``,
    the document's context must start with it, and the proof's context is the one signed.
    """
    document = {key: value for key, value in secured.items() if key != "proof"}
    proof_context = proof.get("@context")
    if proof_context is not None:
        expected = as_list(proof_context)
        if as_list(secured.get("@context"))[: len(expected)] != expected:
            raise MalformedCredential(
                tr("The proof was made under a different JSON-LD context than the document uses.")
            )
        document["@context"] = proof_context
    return document


def proof_configuration(proof: Mapping[str, Any], context: Any) -> dict[str, Any]:
    """The proof options without ``proofValue``, with the document's ``@context`` (§3.2.5)."""
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    config["@context"] = context
    return config


def hash_data(
    document: Mapping[str, Any],
    proof_config: Mapping[str, Any],
    algorithm: hashes.HashAlgorithm,
) -> HashData:
    """§3.2.6: hash the canonical proof configuration, then the canonical document, both
    canonicalized with ``algorithm`` as RDFC-1.0's hash."""
    rdfc_hash = _rdfc_hash(algorithm)
    canonical_config = canonicalize_checked(dict(proof_config), hash_name=rdfc_hash)
    canonical_document = canonicalize_checked(dict(document), hash_name=rdfc_hash)
    data = _digest(canonical_config.nquads, algorithm) + _digest(
        canonical_document.nquads, algorithm
    )
    dropped = tuple(sorted({*canonical_config.dropped_terms, *canonical_document.dropped_terms}))
    return HashData(data=data, dropped_terms=dropped)


def _rdfc_hash(algorithm: hashes.HashAlgorithm) -> RdfcHash:
    if isinstance(algorithm, hashes.SHA384):
        return "sha384"
    if isinstance(algorithm, hashes.SHA256):
        return "sha256"
    raise TypeError(f"RDFC-1.0 hashes with SHA-256 or SHA-384, not {algorithm.name}")


def _digest(text: str, algorithm: hashes.HashAlgorithm) -> bytes:
    digest = hashes.Hash(algorithm)
    digest.update(text.encode("utf-8"))
    return digest.finalize()
