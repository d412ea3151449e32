"""eddsa-jcs-2022 and ecdsa-jcs-2019 (P-256, P-384) interoperate with the reference
implementations (``@digitalbazaar/eddsa-jcs-2022-cryptosuite``,
``@digitalbazaar/ecdsa-jcs-2019-cryptosuite``), in both directions.

The credential is chosen to make JCS work: non-ASCII member names whose UTF-16 order differs
from their code-point order, fractions and large numbers that ECMAScript writes in its own
way, escapes. ``di_jcs.mjs`` signs with fresh keys and verifies what Kredo signed, in one node
process; without node and npm the tests are skipped.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.interop.npm_install import run_reference_script
from wallet.crypto.data_integrity import sign, verify_proof
from wallet.crypto.jwk import PrivateKey
from wallet.did import did_key_from_public_key, did_key_verification_method_id, key_resolver

pytestmark = pytest.mark.slow

PACKAGES = {
    "@digitalbazaar/vc": "7.3.0",
    "@digitalbazaar/data-integrity": "2.5.0",
    "@digitalbazaar/eddsa-jcs-2022-cryptosuite": "1.0.0",
    "@digitalbazaar/ecdsa-jcs-2019-cryptosuite": "1.0.0",
    "@digitalbazaar/ecdsa-sd-2023-cryptosuite": "3.4.1",
    "@digitalbazaar/ed25519-multikey": "1.3.1",
    "@digitalbazaar/ecdsa-multikey": "1.8.0",
    "@digitalbazaar/did-method-key": "5.3.0",
    "@digitalbazaar/security-document-loader": "3.2.0",
    "@digitalbazaar/data-integrity-context": "2.0.1",
    "@digitalbazaar/multikey-context": "2.0.1",
}
SCRIPT = Path(__file__).with_name("di_jcs.mjs")
# label → (cryptosuite, curve as the reference names it)
CASES = {
    "eddsa-jcs-2022": ("eddsa-jcs-2022", "Ed25519"),
    "ecdsa-jcs-2019 P-256": ("ecdsa-jcs-2019", "P-256"),
    "ecdsa-jcs-2019 P-384": ("ecdsa-jcs-2019", "P-384"),
}


def credential(issuer: str) -> dict[str, Any]:
    """A VC 2.0 credential whose canonical JSON needs every JCS rule."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:3f1d2c0e-8b7a-4e65-9c21-7a0b5d4e3f12",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-09-01T00:00:00Z",
        "name": "Mikrocertifikát „Strojové učení“ — 2,5 ECTS",
        "credentialSubject": {
            "id": "did:example:student",
            "ects": 2.5,
            "hoursOfStudy": 62.5,
            "tinyWeight": 1e-7,
            "hugeCount": 1e21,
            "almostThird": 0.3333333333333333,
            "\u00e9tape": "ůžasné",
            "\U0001f393graduate": "\ufb33 after the emoji",
            "\ufb33": "before the emoji in code points, after it in UTF-16",
            "escapes": "tab\there, newline\n, quote\", backslash\\, bell\u0007",
        },
    }


def _key(curve: str) -> PrivateKey:
    if curve == "Ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    return ec.generate_private_key({"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1()}[curve])


def kredo_signed(label: str) -> dict[str, Any]:
    cryptosuite, curve = CASES[label]
    key = _key(curve)
    return sign(credential(did_key_from_public_key(key.public_key())), private_key=key,
                cryptosuite=cryptosuite,
                verification_method=did_key_verification_method_id(key.public_key()))


def altered(signed: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(signed)
    changed["credentialSubject"]["ects"] = 25
    return changed


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The reference's credentials signed with each suite, and its verdict on Kredo's."""
    ours = {label: kredo_signed(label) for label in CASES}
    verify = {label: {"suite": CASES[label][0], "credential": c} for label, c in ours.items()}
    verify |= {f"{label} altered": {"suite": CASES[label][0], "credential": altered(c)}
               for label, c in ours.items()}
    cases = {
        "sign": {label: {"suite": suite, "curve": curve,
                         "credential": credential("did:example:replaced")}
                 for label, (suite, curve) in CASES.items()},
        "verify": verify,
    }
    work = tmp_path_factory.mktemp("jcs-interop")
    return run_reference_script("di-jcs-sd", PACKAGES, SCRIPT, cases, work)


@pytest.mark.parametrize("label", sorted(CASES))
def test_kredo_verifies_what_the_reference_signed(
        reference: dict[str, dict[str, Any]], label: str) -> None:
    # GIVEN a credential the reference signed with a fresh key
    signed = reference["signed"][label]
    assert signed["proof"]["cryptosuite"] == CASES[label][0]
    # WHEN Kredo verifies it
    result = verify_proof(signed, resolve=key_resolver())
    # THEN the proof holds, by the issuer's own key
    assert result.ok, result.problems
    assert result.controller_matches_issuer is True


@pytest.mark.parametrize("label", sorted(CASES))
def test_kredo_rejects_what_the_reference_signed_once_altered(
        reference: dict[str, dict[str, Any]], label: str) -> None:
    result = verify_proof(altered(reference["signed"][label]), resolve=key_resolver())
    assert result.signature_checked
    assert not result.signature_valid


@pytest.mark.parametrize("label", sorted(CASES))
def test_the_reference_verifies_what_kredo_signed(
        reference: dict[str, dict[str, Any]], label: str) -> None:
    assert reference["verified"][label] == {"verified": True, "error": None}


@pytest.mark.parametrize("label", sorted(CASES))
def test_the_reference_rejects_what_kredo_signed_once_altered(
        reference: dict[str, dict[str, Any]], label: str) -> None:
    verdict = reference["verified"][f"{label} altered"]
    assert verdict["verified"] is False
    assert verdict["error"]
