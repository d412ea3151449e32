"""Kredo's presentations verify with the Digital Bazaar reference verifier (``@digitalbazaar/vc``).

The npm packages are installed once per set of versions (``tests/interop/npm_install.py``);
``verify_presentation.mjs`` runs ``vc.verify({presentation, challenge, domain, suite,
documentLoader})`` offline, with did:key resolved by ``@digitalbazaar/did-method-key``. All
cases go to one node process. Without node and npm the tests are skipped with the reason.

What the reference verifier can and cannot judge: it verifies the holder's proof over any
presentation, including one carrying ``EnvelopedVerifiableCredential`` entries (so both sides
canonicalize those the same way), but it verifies only embedded Data Integrity credentials:
it has no JOSE or JAdES verifier, so enveloped credentials are checked by Kredo alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.interop.digitalbazaar_packages import DIGITALBAZAAR_VC
from tests.interop.npm_install import run_reference_script
from tests.share.presentation_credentials import Issuer, credential, sealed_edc
from wallet.did import did_key_from_public_key
from wallet.share.presentation import build_presentation, presentation_bytes
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus

pytestmark = pytest.mark.slow

PACKAGES = DIGITALBAZAAR_VC
SCRIPT = Path(__file__).with_name("verify_presentation.mjs")
CHALLENGE, DOMAIN = "2bd8a7f1-4e0c-4b7e-9d3e-5a1c0f6e7d21", "https://employer.example.cz"

HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()
HOLDER = did_key_from_public_key(HOLDER_KEY.public_key())
ISSUER = Issuer(holder=HOLDER)


def _vp(credentials: list[Any], **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("challenge", CHALLENGE)
    kwargs.setdefault("domain", DOMAIN)
    return build_presentation(credentials, holder_key=HOLDER_KEY, **kwargs)


def _cases() -> dict[str, dict[str, Any]]:
    ob3 = _vp([credential(ISSUER.ob3())])
    vc11 = _vp([credential(ISSUER.vc11())])
    mixed = _vp([credential(ISSUER.ob3()), credential(ISSUER.vc_jwt()),
                 credential(ISSUER.sd_jwt()), sealed_edc()])
    claim_changed = json.loads(json.dumps(ob3))
    claim_changed["verifiableCredential"][0]["credentialSubject"]["achievement"]["name"] = "AI"
    proof_changed = json.loads(json.dumps(ob3))
    value = proof_changed["proof"]["proofValue"]
    proof_changed["proof"]["proofValue"] = value[:-4] + ("1111" if value[-4:] != "1111" else "2")
    holder_changed = json.loads(json.dumps(ob3))
    holder_changed["holder"] = did_key_from_public_key(
        ed25519.Ed25519PrivateKey.generate().public_key())
    request = {"challenge": CHALLENGE, "domain": DOMAIN}
    return {
        "ob3": {"presentation": ob3, **request},
        "vc11": {"presentation": vc11, **request},
        "mixed": {"presentation": mixed, **request},
        "claim_changed": {"presentation": claim_changed, **request},
        "proof_changed": {"presentation": proof_changed, **request},
        "holder_changed": {"presentation": holder_changed, **request},
        "wrong_challenge": {"presentation": ob3, "challenge": "another", "domain": DOMAIN},
        "wrong_domain": {"presentation": ob3, "challenge": CHALLENGE,
                         "domain": "https://other.example"},
    }


@pytest.fixture(scope="module")
def cases() -> dict[str, dict[str, Any]]:
    return _cases()


@pytest.fixture(scope="module")
def reference(cases: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, dict[str, Any]]:
    """What @digitalbazaar/vc says about every case."""
    work = tmp_path_factory.mktemp("interop")
    return run_reference_script("digitalbazaar-vc", PACKAGES, SCRIPT, cases, work)


def _kredo_holder(case: dict[str, Any]) -> CheckStatus:
    report = verify_file_bytes(
        presentation_bytes(case["presentation"]),
        options=VerifyOptions(challenge=case["challenge"], domain=case["domain"]),
    )
    check = report.check("holder")
    assert check is not None
    return check.status


@pytest.mark.parametrize("name", ["ob3", "vc11"])
def test_reference_verifier_accepts_kredo_presentations(
    reference: dict[str, dict[str, Any]], cases: dict[str, dict[str, Any]], name: str
) -> None:
    # GIVEN a VC 2.0 (Open Badges 3.0) or a VC 1.1 presentation signed by Kredo
    result = reference[name]
    # THEN Digital Bazaar's verifier accepts the holder proof and the credential
    assert result["verified"] is True, result
    assert result["presentationVerified"] is True
    assert [c["verified"] for c in result["credentials"]] == [True]
    # AND Kredo agrees
    assert _kredo_holder(cases[name]) is CheckStatus.OK


def test_reference_verifier_accepts_the_holder_proof_over_enveloped_credentials(
    reference: dict[str, dict[str, Any]], cases: dict[str, dict[str, Any]]
) -> None:
    result = reference["mixed"]
    assert result["presentationVerified"] is True, result
    # the embedded badge verifies; the envelopes (JWT, SD-JWT, JAdES) are beyond this verifier
    assert [c["verified"] for c in result["credentials"]] == [True, False, False, False]
    assert _kredo_holder(cases["mixed"]) is CheckStatus.OK


@pytest.mark.parametrize(
    "name", ["claim_changed", "proof_changed", "holder_changed", "wrong_challenge",
             "wrong_domain"]
)
def test_reference_verifier_rejects_what_kredo_rejects(
    reference: dict[str, dict[str, Any]], cases: dict[str, dict[str, Any]], name: str
) -> None:
    result = reference[name]
    assert result["verified"] is False, result
    assert result["presentationVerified"] is False
    assert _kredo_holder(cases[name]) is CheckStatus.FAILED
