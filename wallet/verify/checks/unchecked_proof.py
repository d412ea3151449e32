"""What a proof Kredo could not check still proves, and what it leaves open.

ETSI EN 319 102-1 calls a signature that could not be validated INDETERMINATE, not FAILED: an
unsupported cryptosuite or proof type, or a key published only online, proves nothing wrong.
The ``signature`` check is then ``skipped`` with a sentence that names the reason, and the
verdict is ``indeterminate`` (ADR 0010).

One thing is proven even then: a ``did:key`` verification method is controlled by that very
DID, without resolving anything. When the document names another issuer (holder), the key is
not the issuer's, whatever the signature says: that is ``failed``, for any suite.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wallet.crypto.data_integrity_checks import expected_signer
from wallet.crypto.data_integrity_result import ProofVerification
from wallet.crypto.suites import DATA_INTEGRITY_PROOF_TYPES, implements_cryptosuite
from wallet.json_values import as_list
from wallet.translation import tr
from wallet.verify.checks.blockcerts_proof import MERKLE_PROOF_2019, judge_merkle_proof_2019
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.report import CheckStatus, IssuerInfo

# Blockcerts anchors its Merkle proofs on a blockchain: checking them needs a ledger look-up;
# the document's hash and the Merkle path are checked offline (blockcerts_proof).
_BLOCKCERTS_PROOFS = MERKLE_PROOF_2019
# Base64 (standard or URL-safe, padded or not), base58 and multibase share these characters.
_ENCODED = re.compile(r"[A-Za-z0-9+/_=-]+")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
_JWS_PARTS = 3
_SHORTEST_SIGNATURE = 32


def unsupported_proof(document: Mapping[str, Any], signer: IssuerInfo) -> SignerEvidence | None:
    """``skipped`` when the document's proofs are of no type Kredo implements (None: some are).

    Proofs of another kind than Data Integrity (a Blockcerts ``MerkleProof2019``, a JWS of
    2018) are not forgeries, only unchecked.
    """
    proofs = [p for p in as_list(document.get("proof")) if isinstance(p, Mapping)]
    if not proofs or any(p.get("type") in DATA_INTEGRITY_PROOF_TYPES for p in proofs):
        return None
    kinds = [str(p.get("type"))[:60] for p in proofs]
    if any(_malformed(p) for p in proofs):
        # No key makes a placeholder verify: malformed is proven whatever the proof type.
        return SignerEvidence(
            CheckStatus.FAILED,
            tr(
                "The proof's signature value is incomplete or not encoded as any signature "
                "is, so it cannot verify under any key."
            ),
            signer,
            details={"proof_types": kinds},
        )
    details: dict[str, Any] = {"proof_types": kinds}
    message = _unsupported_sentence(kinds[0], suite=False)
    if kinds[0] in _BLOCKCERTS_PROOFS:
        judged = judge_merkle_proof_2019(document, proofs[0], kinds[0])
        if judged.status is CheckStatus.FAILED:
            return SignerEvidence(
                CheckStatus.FAILED, judged.message, signer, details={**details, **judged.details}
            )
        message, details = judged.message, {**details, **judged.details}
    return _bound_or_skipped(
        document,
        signer,
        message,
        methods=[_method_of(p) for p in proofs],
        details=details,
    )


def unchecked_signature(
    result: ProofVerification,
    document: Mapping[str, Any],
    signer: IssuerInfo,
    details: dict[str, Any],
) -> SignerEvidence:
    """The evidence of a Data Integrity proof whose signature was not computed."""
    if result.cryptosuite in _BLOCKCERTS_PROOFS:
        proof = next(
            (p for p in as_list(document.get("proof"))
             if isinstance(p, Mapping) and p.get("cryptosuite") == result.cryptosuite),
            {},
        )
        judged = judge_merkle_proof_2019(document, proof, result.cryptosuite)
        details = {**details, **judged.details}
        if judged.status is CheckStatus.FAILED:
            return SignerEvidence(CheckStatus.FAILED, judged.message, signer, details=details)
        message = judged.message
    elif not implements_cryptosuite(result.cryptosuite):
        message = _unsupported_sentence(result.cryptosuite, suite=True)
    else:
        # A suite Kredo implements was stopped by something else: name that (a key online
        # only, a context not bundled), not the suite.
        message = (
            result.problems[0] if result.problems
            else tr("The signature could not be checked offline.")
        )
    return _bound_or_skipped(
        document, signer, message, methods=[result.verification_method], details=details
    )


def _unsupported_sentence(name: str, *, suite: bool) -> str:
    if name in _BLOCKCERTS_PROOFS:
        return tr(
            "The signature could not be checked: it is a Blockcerts Merkle proof anchored on a "
            "blockchain ({name}), which Kredo does not check.",
            name=name,
        )
    if suite:
        return tr(
            "The signature could not be checked: Kredo does not implement the cryptosuite "
            "{name}.",
            name=name,
        )
    return tr(
        "The signature could not be checked: Kredo does not implement the proof type {name}.",
        name=name,
    )


def _malformed(proof: Mapping[str, Any]) -> bool:
    """A signature value no encoding allows ('...' in it), or a JWS without a signature's bytes.

    Every signature a proof carries is at least 32 bytes (Ed25519 and ECDSA P-256: 64), so a
    shorter one is a placeholder, never a signature (VC Data Integrity: MALFORMED_PROOF_ERROR).
    """
    value = proof.get("proofValue")
    if isinstance(value, str) and not _ENCODED.fullmatch(value):
        return True
    jws = proof.get("jws")
    if not isinstance(jws, str):
        return False
    parts = jws.split(".")
    return (
        len(parts) != _JWS_PARTS
        or not _BASE64URL.fullmatch(parts[2])
        or len(parts[2]) * 3 // 4 < _SHORTEST_SIGNATURE
    )


def _method_of(proof: Mapping[str, Any]) -> str:
    method = proof.get("verificationMethod")
    if isinstance(method, Mapping):
        method = method.get("id")
    return method if isinstance(method, str) else ""


def _offline_controller(method: str) -> str | None:
    """The controller a verification method has without any look-up (did:key only)."""
    did = method.partition("#")[0]
    return did if did.startswith("did:key:") else None


def _bound_or_skipped(
    document: Mapping[str, Any],
    signer: IssuerInfo,
    message: str,
    *,
    methods: list[str],
    details: dict[str, Any],
) -> SignerEvidence:
    expected = expected_signer(document)
    for method in methods:
        controller = _offline_controller(method)
        if expected is not None and controller is not None and controller != expected:
            return SignerEvidence(
                CheckStatus.FAILED,
                tr(
                    "The signature could not be checked, but its key is proven to belong to "
                    "{controller}, not to the issuer {issuer}.",
                    controller=controller[:200],
                    issuer=expected[:200],
                ),
                signer,
                details={**details, "controller": controller, "not_checked": message},
            )
    return SignerEvidence(CheckStatus.SKIPPED, message, signer, details=details)
