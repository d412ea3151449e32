"""Checks read the signature's typed evidence, so none depends on another's order, and a new
check reads that evidence without any other check changing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto.jws import sign_compact_jws
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import parse_credential
from wallet.model import Credential
from wallet.verify.checks.base import VerifyContext
from wallet.verify.engine import DEFAULT_CHECKS, verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckResult, CheckStatus, VerificationReport

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _expired_vc_jwt() -> bytes:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    payload = {
        "iss": issuer,
        "exp": int(datetime(2026, 2, 1, tzinfo=UTC).timestamp()),
        "vc": {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": issuer,
            "issuanceDate": "2026-01-15T10:00:00Z",
            "expirationDate": "2026-02-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:learner", "name": "Jana Nováková"},
        },
    }
    header = {"alg": "EdDSA", "typ": "JWT", "kid": did_key_verification_method_id(key.public_key())}
    return sign_compact_jws(header, json.dumps(payload).encode(), key).encode()


CREDENTIALS = {
    "sealed EDC": (VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld").read_bytes(),
    "unsigned EDC": (VECTORS / "edc" / "Sample-MC-Annex1-unsigned.jsonld").read_bytes(),
    "Data Integrity": (VECTORS / "w3c" / "eddsa-rdfc-2022-signedDataInt.json").read_bytes(),
    "expired VC-JWT": _expired_vc_jwt(),
}


def _by_id(report: VerificationReport) -> dict[str, CheckResult]:
    return {check.id: check for check in report.checks}


@pytest.mark.parametrize("name", sorted(CREDENTIALS))
def test_every_check_says_the_same_in_reverse_order(name: str) -> None:
    # GIVEN a real or freshly signed credential
    credential = parse_credential(CREDENTIALS[name])
    options = VerifyOptions(now=NOW)
    # WHEN its checks run in the usual order and in reverse
    usual = verify_credential(credential, options=options)
    reverse = verify_credential(credential, options=options, checks=DEFAULT_CHECKS[::-1])
    # THEN each check, the issuer and the verdict are the same
    assert _by_id(reverse) == _by_id(usual)
    assert reverse.issuer == usual.issuer
    assert reverse.status is usual.status


def test_validity_reads_the_jwt_time_claims_the_signature_found_wrong() -> None:
    # GIVEN a VC-JWT whose signature holds but whose exp has passed
    credential = parse_credential(CREDENTIALS["expired VC-JWT"])
    # WHEN only the validity check runs (no signature check before it)
    validity = next(c for c in DEFAULT_CHECKS if c.id == "validity")
    report = verify_credential(credential, options=VerifyOptions(now=NOW), checks=(validity,))
    # THEN it still fails on the expiry the signature's evidence carries
    result = report.check("validity")
    assert result is not None and result.status is CheckStatus.FAILED
    assert "expired" in result.message


class SealAlgorithmCheck:
    """A check added later: it names the seal's algorithm, read from the evidence alone."""

    id = "seal_algorithm"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        algorithm = context.evidence.details.get("algorithm")
        signer = context.issuer.name if context.issuer else None
        return context.result(self.id, CheckStatus.OK, f"{algorithm} by {signer}")


def test_a_new_check_reads_the_evidence_and_changes_no_other_check() -> None:
    # GIVEN the EU sealed sample
    credential = parse_credential(CREDENTIALS["sealed EDC"])
    options = VerifyOptions(now=NOW)
    # WHEN a new check is added after the usual ones
    usual = verify_credential(credential, options=options)
    extended = verify_credential(
        credential, options=options, checks=(*DEFAULT_CHECKS, SealAlgorithmCheck())
    )
    # THEN it sees the seal's algorithm and signer, and every other check is unchanged
    added = extended.check("seal_algorithm")
    assert added is not None and added.message == "RS256 by ORGANIZACION TEST"
    assert {k: v for k, v in _by_id(extended).items() if k != "seal_algorithm"} == _by_id(usual)
