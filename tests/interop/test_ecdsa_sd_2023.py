"""ecdsa-sd-2023 credentials issued and selectively disclosed by the reference implementation
(``@digitalbazaar/ecdsa-sd-2023-cryptosuite``) verify in Kredo, base proofs as well as derived
ones; what anyone changed does not.

The credential has blank nodes (the subject and its courses), so the HMAC relabelling of the
derived proof matters. ``ecdsa_sd_2023.mjs`` issues with a fresh P-256 key and derives, in one
node process; without node and npm the tests are skipped.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.interop.npm_install import run_reference_script
from tests.interop.test_di_jcs import PACKAGES
from wallet.crypto.data_integrity import verify_proof
from wallet.did import key_resolver
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("ecdsa_sd_2023.mjs")
CREDENTIAL = {
    # The reference's bundled VC 2.0 context has no @vocab: name the terms' vocabulary inline.
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 {"@vocab": "https://kredo.example/vocabulary#"}],
    "type": ["VerifiableCredential"],
    "issuer": "did:example:replaced",
    "validFrom": "2026-09-01T00:00:00Z",
    "credentialSubject": {
        "name": "Jana Nováková",
        "dateOfBirth": "2001-04-12",
        "courses": [
            {"title": "Strojové učení", "ects": 4, "grade": "A"},
            {"title": "Statistika", "ects": 5, "grade": "C"},
        ],
    },
}
CASES = {
    # issuer makes the name mandatory; holder shows the first course, hides birth date
    "one course": {"mandatoryPointers": ["/issuer", "/credentialSubject/name"],
                   "selectivePointers": ["/credentialSubject/courses/0"]},
    # holder discloses nothing beyond what is mandatory
    "mandatory only": {"mandatoryPointers": ["/issuer", "/validFrom"],
                       "selectivePointers": []},
    # the issuer makes one element of an array mandatory (the selection keeps its place)
    "second course mandatory": {"mandatoryPointers": ["/issuer", "/credentialSubject/courses/1",
                                                      "/credentialSubject/courses/0/ects"],
                                "selectivePointers": ["/credentialSubject/name"]},
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    cases = {name: {"credential": CREDENTIAL, **pointers} for name, pointers in CASES.items()}
    work = tmp_path_factory.mktemp("sd-interop")
    return run_reference_script("di-jcs-sd", PACKAGES, SCRIPT, cases, work)


@pytest.mark.parametrize("name", sorted(CASES))
def test_kredo_verifies_what_the_reference_derived(
        reference: dict[str, dict[str, Any]], name: str) -> None:
    # GIVEN a credential the reference issued and a holder disclosed selectively
    derived = reference[name]["derived"]
    assert derived["proof"]["cryptosuite"] == "ecdsa-sd-2023"
    assert "dateOfBirth" not in derived.get("credentialSubject", {})
    # WHEN Kredo verifies it
    result = verify_proof(derived, resolve=key_resolver())
    # THEN the derived proof holds, by the issuer's own key
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True


def test_a_changed_disclosed_value_fails(reference: dict[str, dict[str, Any]]) -> None:
    derived = copy.deepcopy(reference["one course"]["derived"])
    derived["credentialSubject"]["courses"][0]["grade"] = "A+"
    result = verify_proof(derived, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


def test_a_changed_mandatory_value_fails(reference: dict[str, dict[str, Any]]) -> None:
    derived = copy.deepcopy(reference["one course"]["derived"])
    derived["credentialSubject"]["name"] = "Petr Novák"
    result = verify_proof(derived, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


def test_an_added_statement_fails(reference: dict[str, dict[str, Any]]) -> None:
    # GIVEN the holder slips the hidden birth date back in, unsigned
    derived = copy.deepcopy(reference["one course"]["derived"])
    derived["credentialSubject"]["dateOfBirth"] = "2001-04-12"
    result = verify_proof(derived, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


@pytest.mark.parametrize("name", sorted(CASES))
def test_kredo_verifies_the_base_proof_the_reference_issued(
        reference: dict[str, dict[str, Any]], name: str) -> None:
    # GIVEN the issuer's base proof, as the holder receives it from the reference issuer
    base = reference[name]["base"]
    # WHEN Kredo checks it (a holder importing the credential)
    result = verify_proof(base, resolve=key_resolver())
    # THEN the issuer's signature over the mandatory statements and the ephemeral key's over
    # every other statement hold, by the issuer's own key
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True


def test_a_holder_importing_a_base_credential_sees_its_signature_proven(
        reference: dict[str, dict[str, Any]]) -> None:
    # GIVEN the base credential as a file the holder imports
    raw = json.dumps(reference["one course"]["base"]).encode()
    # WHEN the wallet verifies it
    report = verify_file_bytes(raw, options=VerifyOptions())
    # THEN the signature check says it holds (no longer "could not be checked")
    signature = report.check("signature")
    assert signature is not None
    assert signature.status is CheckStatus.OK, signature.message
    assert report.status is not OverallStatus.INDETERMINATE


@pytest.mark.parametrize(("name", "change"), [
    ("one course", lambda c: c["credentialSubject"].update(name="Petr Novák")),  # mandatory
    ("one course", lambda c: c["credentialSubject"].update(dateOfBirth="2001-04-13")),
    ("second course mandatory",
     lambda c: c["credentialSubject"]["courses"][1].update(grade="A")),  # mandatory element
    ("second course mandatory",
     lambda c: c["credentialSubject"]["courses"][0].update(grade="A+")),  # optional element
], ids=["mandatory", "non-mandatory", "mandatory-array-element", "optional-array-element"])
def test_a_changed_base_credential_fails(
        reference: dict[str, dict[str, Any]], name: str, change: Any) -> None:
    # GIVEN the reference's base credential, changed in one statement
    base = copy.deepcopy(reference[name]["base"])
    change(base)
    # WHEN Kredo checks it, THEN the change is proven
    result = verify_proof(base, resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid
