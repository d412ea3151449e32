"""Blockcerts Merkle proofs: what can be proven offline, and what only the blockchain proves.

A Blockcerts credential is one leaf of a Merkle tree whose root is written into a blockchain
transaction (the *anchor*). Verifying it has three steps (Blockcerts v2/v3 verification, as
``cert-verifier-js`` runs them: ``computeLocalHash``, ``ensureHashesEqual``,
``ensureValidReceipt``, then the anchor look-up):

1. the local hash: the document without its proof, with ``@vocab: http://fallback.org/``
   added to its context (so terms no context defines still count), canonicalized with
   URDNA2015 (RDFC-1.0) using the bundled contexts, SHA-256, in hex;
2. that hash equals the proof's ``targetHash``;
3. the Merkle path: from ``targetHash``, each step hashes ``left + hash`` or ``hash + right``
   (hex strings joined, then read as bytes), and must end at ``merkleRoot``;
4. the root must be the one in the anchoring transaction: that needs the blockchain, which
   Kredo does not consult.

A ``MerkleProof2019`` (v3) keeps the receipt in its ``proofValue``: multibase base58btc of a
CBOR array of ``[key, value]`` pairs (keys: 0 merkleRoot, 1 targetHash, 2 anchors, 3 path;
path steps ``[0 left | 1 right, CBOR text]``), after ``@blockcerts/lds-merkle-proof-2019``.
A ``MerkleProof2017`` (v2, an Open Badges 2.0 ``signature``) keeps it as plain JSON.

Steps 1–3 prove alteration when they fail; when they pass, nothing is proven about who
anchored the root, or when: the signature stays unchecked (indeterminate).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import cbor2

from wallet.crypto.multibase import base58btc_decode
from wallet.errors import MalformedCredential, WalletError
from wallet.jsonld import canonicalize
from wallet.translation import tr

FALLBACK_VOCAB = "http://fallback.org/"
_HEX_HASH = re.compile(r"[0-9a-f]{64}")
_ROOT_KEYS = {0: "merkleRoot", 1: "targetHash", 2: "anchors", 3: "path"}
_PATH_SIDES = {0: "left", 1: "right"}
_CHAINS = {0: "Bitcoin", 1: "Ethereum", 2: "Polygon", -1: "mocknet"}
_NETWORKS = {
    (0, 1): "mainnet", (0, 3): "testnet",
    (1, 1): "mainnet", (1, 3): "ropsten", (1, 4): "rinkeby", (1, 5): "goerli",
    (1, 11155111): "sepolia",
    (2, 137): "mainnet", (2, 80001): "mumbai",
}


@dataclass(frozen=True)
class MerkleReceipt:
    """What a Merkle proof claims: the leaf, the root, the path between, where it is anchored."""

    target_hash: str
    merkle_root: str
    path: tuple[tuple[str, str], ...]  # ("left" | "right", hex hash)
    anchors: tuple[str, ...]  # e.g. "Bitcoin testnet", for a person


@dataclass(frozen=True)
class MerkleProofFinding:
    """The offline steps' outcome: ``altered`` is proven; otherwise the anchor is unchecked."""

    receipt: MerkleReceipt
    local_hash: str
    hash_matches: bool
    path_leads_to_root: bool

    @property
    def altered(self) -> bool:
        return not (self.hash_matches and self.path_leads_to_root)


def check_merkle_proof(
    document: Mapping[str, Any], receipt: MerkleReceipt, *, proof_key: str = "proof",
    proof: Mapping[str, Any] | None = None,
) -> MerkleProofFinding:
    """Steps 1–3 for ``document`` (its proof under ``proof_key``). Raises ``WalletError`` only
    when the document cannot be canonicalized (a context not bundled, bad JSON-LD)."""
    local = local_hash(document, proof_key=proof_key, proof=proof)
    return MerkleProofFinding(
        receipt=receipt,
        local_hash=local,
        hash_matches=local == receipt.target_hash,
        path_leads_to_root=root_from_path(receipt.target_hash, receipt.path)
        == receipt.merkle_root,
    )


def local_hash(
    document: Mapping[str, Any], *, proof_key: str = "proof",
    proof: Mapping[str, Any] | None = None,
) -> str:
    """Step 1: SHA-256 (hex) of the canonical N-Quads of the document as it was issued.

    In a proof set only the proofs before ``proof`` were there when it was made.
    """
    unsigned = copy.deepcopy(dict(document))
    proofs = unsigned.get(proof_key)
    if isinstance(proofs, list) and proof is not None and proof in proofs:
        unsigned[proof_key] = proofs[: proofs.index(proof)]
        if not unsigned[proof_key]:
            del unsigned[proof_key]
    else:
        unsigned.pop(proof_key, None)
    context = unsigned.get("@context")
    contexts = list(context) if isinstance(context, list) else [context]
    if not any(isinstance(c, Mapping) and "@vocab" in c for c in contexts):
        contexts.append({"@vocab": FALLBACK_VOCAB})
    unsigned["@context"] = contexts
    return hashlib.sha256(canonicalize(unsigned).encode("utf-8")).hexdigest()


def root_from_path(target_hash: str, path: Sequence[tuple[str, str]]) -> str:
    """Step 3: the root the path leads to from ``target_hash``."""
    current = target_hash
    for side, sibling in path:
        joined = sibling + current if side == "left" else current + sibling
        current = hashlib.sha256(bytes.fromhex(joined)).hexdigest()
    return current


def decode_merkle_proof_2019(proof_value: str) -> MerkleReceipt:
    """The receipt in a ``MerkleProof2019`` ``proofValue``; raises ``MalformedCredential``."""
    if not proof_value.startswith("z"):
        raise _malformed()
    try:
        pairs = cbor2.loads(base58btc_decode(proof_value[1:]))
        fields = {_ROOT_KEYS.get(key, ""): value for key, value in pairs}
        path = tuple(
            (_PATH_SIDES[side], _hash(_cbor_text(value))) for side, value in fields.get("path", [])
        )
        anchors = tuple(_anchor_name(anchor) for anchor in fields.get("anchors", []))
        return MerkleReceipt(
            target_hash=_hash(fields["targetHash"]),
            merkle_root=_hash(fields["merkleRoot"]),
            path=path,
            anchors=anchors,
        )
    except (WalletError, ValueError, TypeError, KeyError, cbor2.CBORDecodeError):
        raise _malformed() from None


def merkle_proof_2017_receipt(signature: Mapping[str, Any]) -> MerkleReceipt:
    """The receipt of a Blockcerts 2.0 ``MerkleProof2017`` signature block."""
    try:
        path = []
        for step in signature.get("proof") or []:
            [(side, value)] = step.items()
            if side not in ("left", "right"):
                raise ValueError(side)
            path.append((str(side), _hash(value)))
        anchors = tuple(
            str(anchor.get("chain") or anchor.get("type") or "")[:60]
            for anchor in signature.get("anchors") or []
            if isinstance(anchor, Mapping)
        )
        return MerkleReceipt(
            target_hash=_hash(signature["targetHash"]),
            merkle_root=_hash(signature["merkleRoot"]),
            path=tuple(path),
            anchors=anchors,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        raise _malformed() from None


def _cbor_text(value: Any) -> Any:
    return cbor2.loads(value) if isinstance(value, bytes) else value


def _hash(value: Any) -> str:
    text = _cbor_text(value)
    if not isinstance(text, str) or not _HEX_HASH.fullmatch(text.lower()):
        raise ValueError("not a SHA-256 hash in hex")
    return text.lower()


def _anchor_name(anchor: Any) -> str:
    """``[[0, chain], [1, network], [2, transaction]]`` as "Bitcoin testnet"."""
    parts = {key: value for key, value in anchor}
    chain, network = parts.get(0), parts.get(1)
    if not isinstance(chain, int):
        return "?"
    known = _NETWORKS.get((chain, network), "") if isinstance(network, int) else ""
    return f"{_CHAINS.get(chain, '?')} {known}".strip()


def _malformed() -> MalformedCredential:
    return MalformedCredential(tr("The Blockcerts Merkle proof is damaged and cannot be read."))
