"""The hash data every RDFC cryptosuite signs (vc-di-eddsa / vc-di-ecdsa §3.2.4–3.2.6).

hashData = H(canonical proof configuration) || H(canonical unsecured document), where the
proof configuration is the proof without ``proofValue`` carrying the document's
``@context``. H is SHA-256, or SHA-384 for ecdsa-rdfc-2019 with P-384.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes

from wallet.errors import MalformedCredential
from wallet.json_values import as_list
from wallet.jsonld import canonicalize_checked
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
    """§3.2.6: hash the canonical proof configuration, then the canonical document."""
    canonical_config = canonicalize_checked(dict(proof_config))
    canonical_document = canonicalize_checked(dict(document))
    data = _digest(canonical_config.nquads, algorithm) + _digest(
        canonical_document.nquads, algorithm
    )
    dropped = tuple(sorted({*canonical_config.dropped_terms, *canonical_document.dropped_terms}))
    return HashData(data=data, dropped_terms=dropped)


def _digest(text: str, algorithm: hashes.HashAlgorithm) -> bytes:
    digest = hashes.Hash(algorithm)
    digest.update(text.encode("utf-8"))
    return digest.finalize()
