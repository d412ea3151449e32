"""Blockcerts Merkle proofs checked offline, on the publisher's own fixtures (real-world corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wallet.crypto.merkle_proof import (
    check_merkle_proof,
    decode_merkle_proof_2019,
    local_hash,
    merkle_proof_2017_receipt,
    root_from_path,
)
from wallet.errors import MalformedCredential

BLOCKCERTS = Path(__file__).resolve().parents[1] / "assets" / "realworld" / "blockcerts"


def _load(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((BLOCKCERTS / name).read_bytes())
    return document


@pytest.mark.parametrize(
    "name",
    [
        "v3-testnet-did-ion-merkleproof2019.json",
        "v3-mocknet-vc2-expired.json",
        "v3.1-merkle-proof-2019-data-integrity-mocknet.json",
    ],
)
def test_an_untouched_v3_credential_hashes_to_its_target_and_its_path_to_the_root(
    name: str,
) -> None:
    # GIVEN a Blockcerts v3 credential as its publisher ships it
    document = _load(name)
    proof = document["proof"]
    # WHEN its proofValue is decoded and the document hashed without its proof
    receipt = decode_merkle_proof_2019(proof["proofValue"])
    finding = check_merkle_proof(document, receipt, proof=proof)
    # THEN the hash is the proof's target, and the path leads to the root
    assert finding.local_hash == receipt.target_hash
    assert not finding.altered


def test_the_did_ion_receipt_decodes_to_its_root_path_and_anchor() -> None:
    # GIVEN the testnet credential, whose tree has two leaves
    receipt = decode_merkle_proof_2019(
        _load("v3-testnet-did-ion-merkleproof2019.json")["proof"]["proofValue"]
    )
    # THEN the receipt holds one left sibling, the root and the Bitcoin testnet anchor
    assert receipt.target_hash == (
        "eca54e560dd43cccd900fa4bb9221f144d4c451c24beeddfd82e31db842bced1"
    )
    assert receipt.merkle_root == (
        "68df661ae14f926878aabbe5ca33e46376e8bfb397c1364c2f1fa653ecd8b4b6"
    )
    assert receipt.path == (
        ("left", "78e670a04db3cf419fff5fb1b11a420a34e5eeae14cc68476dcb84883b5cdb64"),
    )
    assert receipt.anchors == ("Bitcoin testnet",)
    assert root_from_path(receipt.target_hash, receipt.path) == receipt.merkle_root


def test_the_publishers_tampered_credential_no_longer_hashes_to_its_target() -> None:
    # GIVEN cert-verifier-js's tampered v3 fixture
    document = _load("v3-testnet-tampered.json")
    receipt = decode_merkle_proof_2019(document["proof"]["proofValue"])
    # WHEN it is checked offline
    finding = check_merkle_proof(document, receipt)
    # THEN the alteration is proven
    assert finding.local_hash != receipt.target_hash
    assert finding.altered


def test_a_changed_sibling_breaks_the_path_to_the_root() -> None:
    # GIVEN the two-leaf receipt with its sibling hash changed by one digit
    receipt = decode_merkle_proof_2019(
        _load("v3-testnet-did-ion-merkleproof2019.json")["proof"]["proofValue"]
    )
    side, sibling = receipt.path[0]
    changed = ((side, ("0" if sibling[0] != "0" else "1") + sibling[1:]),)
    # THEN the path no longer leads to the root
    assert root_from_path(receipt.target_hash, changed) != receipt.merkle_root


def test_a_blockcerts_2_badge_hashes_to_its_merkle_proof_2017_target() -> None:
    # GIVEN the Blockcerts 2.0 mainnet badge (an Open Badges 2.0 assertion)
    document = _load("v2-mainnet-merkleproof2017.json")
    receipt = merkle_proof_2017_receipt(document["signature"])
    # WHEN it is hashed without its signature block
    finding = check_merkle_proof(document, receipt, proof_key="signature")
    # THEN it matches its target, and the three-step path leads to the root
    assert len(receipt.path) == 3
    assert not finding.altered
    # AND one changed word is proven
    document["badge"]["name"] = document["badge"]["name"] + "!"
    assert local_hash(document, proof_key="signature") != receipt.target_hash


@pytest.mark.parametrize("value", ["", "z", "zzzz", "u2V0BhVhA", "z1111111111"])
def test_a_damaged_proof_value_is_a_typed_error(value: str) -> None:
    # GIVEN proof values that are not a MerkleProof2019 receipt
    # THEN decoding raises one typed error, never a crash
    with pytest.raises(MalformedCredential):
        decode_merkle_proof_2019(value)
