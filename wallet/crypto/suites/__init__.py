"""The Data Integrity cryptosuites Kredo verifies and signs with, looked up by proof."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.crypto.suites.ecdsa import ECDSA_JCS_2019, ECDSA_RDFC_2019
from wallet.crypto.suites.ecdsa_sd import ECDSA_SD_2023, EcdsaSd2023
from wallet.crypto.suites.eddsa import ED25519_SIGNATURE_2020, EDDSA_JCS_2022, EDDSA_RDFC_2022
from wallet.crypto.suites.protocol import Canonicalization, Cryptosuite, SuiteIdentity

SUITES: tuple[Cryptosuite, ...] = (
    EDDSA_RDFC_2022,
    EDDSA_JCS_2022,
    ECDSA_RDFC_2019,
    ECDSA_JCS_2019,
    ED25519_SIGNATURE_2020,
)
DATA_INTEGRITY_PROOF = "DataIntegrityProof"
# Proof types that are Data Integrity at all (whether or not the cryptosuite is supported).
DATA_INTEGRITY_PROOF_TYPES = frozenset({DATA_INTEGRITY_PROOF, "Ed25519Signature2020"})


def suite_named(name: str) -> Cryptosuite | None:
    """By cryptosuite id (``eddsa-rdfc-2022``) or legacy proof type (``Ed25519Signature2020``)."""
    return next((suite for suite in SUITES if suite.name == name), None)


def implements_cryptosuite(name: str) -> bool:
    """Whether Kredo checks proofs of this suite (the selective-disclosure one included)."""
    return suite_named(name) is not None or name == ECDSA_SD_2023.name


def selective_suite_for_proof(proof: Mapping[str, Any]) -> EcdsaSd2023 | None:
    """The selective-disclosure suite a proof names; verified by its own algorithm."""
    if proof.get("type") == DATA_INTEGRITY_PROOF and proof.get("cryptosuite") == (
        ECDSA_SD_2023.cryptosuite
    ):
        return ECDSA_SD_2023
    return None


def suite_for_proof(proof: Mapping[str, Any]) -> Cryptosuite | None:
    proof_type = proof.get("type")
    if proof_type == DATA_INTEGRITY_PROOF:
        return next(
            (s for s in SUITES if s.cryptosuite and s.cryptosuite == proof.get("cryptosuite")),
            None,
        )
    return next((s for s in SUITES if s.cryptosuite is None and s.proof_type == proof_type), None)


__all__ = [
    "DATA_INTEGRITY_PROOF",
    "DATA_INTEGRITY_PROOF_TYPES",
    "SUITES",
    "Canonicalization",
    "Cryptosuite",
    "SuiteIdentity",
    "implements_cryptosuite",
    "selective_suite_for_proof",
    "suite_for_proof",
    "suite_named",
]
