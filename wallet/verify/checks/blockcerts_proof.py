"""What a Blockcerts Merkle proof proves offline (:mod:`wallet.crypto.merkle_proof`).

The document's hash, its ``targetHash`` and the Merkle path to the root are checked here;
the root's anchor on a blockchain is not. So a Blockcerts credential is ``failed`` when the
document no longer hashes to its target or the path is broken (proven alteration), and
otherwise ``skipped`` with a sentence naming the unchecked anchor: never a pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wallet.crypto.merkle_proof import (
    MerkleReceipt,
    check_merkle_proof,
    decode_merkle_proof_2019,
    merkle_proof_2017_receipt,
)
from wallet.errors import WalletError
from wallet.translation import tr
from wallet.verify.report import CheckStatus

MERKLE_PROOF_2019 = frozenset({"MerkleProof2019", "merkle-proof-2019"})


@dataclass(frozen=True)
class BlockcertsJudgement:
    """``FAILED`` (altered) or ``SKIPPED`` (intact offline, anchor unchecked), with why."""

    status: CheckStatus
    message: str
    details: dict[str, Any]


def judge_merkle_proof_2019(
    document: Mapping[str, Any], proof: Mapping[str, Any], name: str
) -> BlockcertsJudgement:
    """A Blockcerts v3 ``MerkleProof2019`` (or Data Integrity ``merkle-proof-2019``) proof."""
    value = proof.get("proofValue")
    try:
        receipt = decode_merkle_proof_2019(value if isinstance(value, str) else "")
    except WalletError as exc:
        return BlockcertsJudgement(CheckStatus.FAILED, exc.message, {"proof_type": name})
    return _judge(document, receipt, name, proof_key="proof", proof=proof)


def judge_merkle_proof_2017(document: Mapping[str, Any]) -> BlockcertsJudgement:
    """A Blockcerts 2.0 badge: an Open Badges 2.0 assertion with a ``MerkleProof2017``."""
    name = "MerkleProof2017"
    signature = document.get("signature")
    try:
        receipt = merkle_proof_2017_receipt(signature if isinstance(signature, Mapping) else {})
    except WalletError as exc:
        return BlockcertsJudgement(CheckStatus.FAILED, exc.message, {"proof_type": name})
    return _judge(document, receipt, name, proof_key="signature", proof=None)


def _judge(
    document: Mapping[str, Any],
    receipt: MerkleReceipt,
    name: str,
    *,
    proof_key: str,
    proof: Mapping[str, Any] | None,
) -> BlockcertsJudgement:
    details: dict[str, Any] = {
        "proof_type": name,
        "target_hash": receipt.target_hash,
        "merkle_root": receipt.merkle_root,
        "anchors": list(receipt.anchors),
    }
    try:
        finding = check_merkle_proof(document, receipt, proof_key=proof_key, proof=proof)
    except WalletError as exc:
        # Not canonicalizable offline (a context Kredo does not have): not proven either way.
        return BlockcertsJudgement(CheckStatus.SKIPPED, tr(
            "The signature could not be checked: it is a Blockcerts Merkle proof ({name}), and "
            "the credential could not be hashed offline. {reason}",
            name=name, reason=exc.message,
        ), details)
    details["local_hash"] = finding.local_hash
    if not finding.hash_matches:
        return BlockcertsJudgement(CheckStatus.FAILED, tr(
            "The credential was changed after it was issued: it no longer hashes to the target "
            "hash of its Blockcerts Merkle proof ({name}).",
            name=name,
        ), details)
    if not finding.path_leads_to_root:
        return BlockcertsJudgement(CheckStatus.FAILED, tr(
            "The Blockcerts Merkle proof ({name}) is inconsistent: its path does not lead to "
            "its Merkle root.",
            name=name,
        ), details)
    anchors = ", ".join(a for a in receipt.anchors if a) or tr("an unnamed blockchain")
    return BlockcertsJudgement(CheckStatus.SKIPPED, tr(
        "The signature could not be checked: it is a Blockcerts Merkle proof anchored on a "
        "blockchain ({name}), which Kredo does not check; the root's transaction ({anchors}) "
        "is what proves who issued it and when. What could be checked offline holds: the "
        "credential hashes to the proof's target, and its Merkle path leads to the root.",
        name=name, anchors=anchors[:120],
    ), details)
