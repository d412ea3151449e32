"""Proof sets and proof chains (W3C VC Data Integrity 1.0 §2.1.1–2.1.2, §4.2 and §4.4).

In a proof set every proof signs the document alone. A proof in a chain names the proofs it
endorses in ``previousProof`` (one id, or a list), and signs the document *with those proofs*
as its ``proof``: "Add Proof Set/Chain" step 6 and "Verify Proof Sets and Chains" step 3.3
both set ``inputDocument.proof`` to the list of matching proofs. A reference to a proof the
document does not carry is an error (§4.4 step 3.2): the chain was cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wallet.errors import MalformedCredential
from wallet.translation import tr


def previous_proof_ids(proof: Mapping[str, Any]) -> tuple[str, ...]:
    """The ids ``previousProof`` names: none, one string, or a list of strings."""
    value = proof.get("previousProof")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise MalformedCredential(
            tr("The proof's previousProof is not an id or a list of ids."))
    return tuple(items)


def matching_proofs(
    proof: Mapping[str, Any], all_proofs: Sequence[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """§4.4 step 3.2: the proofs ``proof`` endorses, in the document's order.

    Raises :class:`MalformedCredential` when one of them is missing from ``all_proofs``.
    """
    wanted = previous_proof_ids(proof)
    if not wanted:
        return []
    carried = {p.get("id") for p in all_proofs if p is not proof}
    missing = [proof_id for proof_id in wanted if proof_id not in carried]
    if missing:
        raise MalformedCredential(
            tr("The proof builds on an earlier proof {id} that the document no longer "
               "carries.", id=repr(missing[0][:120])))
    return [p for p in all_proofs if p is not proof and p.get("id") in wanted]


def chain_input_document(
    document: Mapping[str, Any], previous: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The document as a chained proof signs it: without ``proof``, or with ``previous``."""
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    if previous:
        unsecured["proof"] = [dict(p) for p in previous]
    return unsecured
