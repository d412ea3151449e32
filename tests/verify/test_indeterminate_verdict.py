"""The verdict says no more than was proven (ETSI EN 319 102-1's PASSED / INDETERMINATE /
FAILED; ADR 0010): a signature that was never checked is "could not be checked", never
"partially verified", and never "failed" unless something is proven wrong."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from wallet.did.did_jwk import did_jwk_from_public_key
from wallet.translation import set_language
from wallet.verify.engine import verify_file_bytes
from wallet.verify.list_state import ListState, list_state
from wallet.verify.options import VerifyOptions
from wallet.verify.report import (
    CheckResult,
    CheckStatus,
    IssuerInfo,
    OverallStatus,
    VerificationReport,
)
from wallet.verify.report_text import render_report

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "realworld"
CLOCK = datetime(2026, 12, 1, tzinfo=UTC)


def _report(
    signature: CheckStatus, *others: tuple[str, CheckStatus], trusted: bool = True
) -> VerificationReport:
    checks = [CheckResult("format", CheckStatus.OK, "ok"), CheckResult("signature", signature, "")]
    checks += [CheckResult(check_id, status, "") for check_id, status in others]
    return VerificationReport(
        format="vc_jsonld", checks=tuple(checks), issuer=IssuerInfo(trusted=trusted)
    )


@pytest.mark.parametrize(
    ("signature", "others", "trusted", "verdict"),
    [
        # the signature proven, the issuer trusted, nothing else open
        (CheckStatus.OK, (), True, OverallStatus.VERIFIED),
        # proven, but the issuer is on no list: partially verified
        (CheckStatus.OK, (), False, OverallStatus.PARTIALLY_VERIFIED),
        # proven, but the status list was not reachable offline: partially verified
        (CheckStatus.OK, (("status", CheckStatus.SKIPPED),), True,
         OverallStatus.PARTIALLY_VERIFIED),
        # the signature itself not checked: could not be checked, whatever else holds
        (CheckStatus.SKIPPED, (("status", CheckStatus.OK),), True, OverallStatus.INDETERMINATE),
        (CheckStatus.SKIPPED, (), False, OverallStatus.INDETERMINATE),
        # something proven wrong beats everything: failed
        (CheckStatus.SKIPPED, (("validity", CheckStatus.FAILED),), True, OverallStatus.FAILED),
        (CheckStatus.FAILED, (), True, OverallStatus.FAILED),
    ],
)
def test_the_verdict_follows_what_was_proven(
    signature: CheckStatus,
    others: tuple[tuple[str, CheckStatus], ...],
    trusted: bool,
    verdict: OverallStatus,
) -> None:
    # GIVEN a report's checks WHEN its verdict is worked out THEN it is the one proven
    assert _report(signature, *others, trusted=trusted).status is verdict


def test_each_verdict_has_its_exit_code() -> None:
    # GIVEN the four verdicts THEN the CLI exits 0, 3, 4 and 1 (2 is bad input)
    assert {s: s.exit_code for s in OverallStatus} == {
        OverallStatus.VERIFIED: 0,
        OverallStatus.PARTIALLY_VERIFIED: 3,
        OverallStatus.INDETERMINATE: 4,
        OverallStatus.FAILED: 1,
    }


def test_a_presentation_takes_the_worst_with_indeterminate_between_failed_and_partial() -> None:
    # GIVEN a presentation whose holder proof holds, carrying credentials of several verdicts
    holder = CheckResult("holder", CheckStatus.OK, "")
    partial = _report(CheckStatus.OK, trusted=False)
    unchecked = _report(CheckStatus.SKIPPED)
    failed = _report(CheckStatus.FAILED)

    def presentation(*carried: VerificationReport) -> OverallStatus:
        return VerificationReport("presentation", (holder,), credentials=carried).status

    # THEN its verdict is the worst of them, in that order
    assert presentation(_report(CheckStatus.OK)) is OverallStatus.VERIFIED
    assert presentation(partial) is OverallStatus.PARTIALLY_VERIFIED
    assert presentation(partial, unchecked) is OverallStatus.INDETERMINATE
    assert presentation(unchecked, failed, partial) is OverallStatus.FAILED
    # AND a holder proof that could not be checked leaves it indeterminate too
    skipped = CheckResult("holder", CheckStatus.SKIPPED, "")
    assert VerificationReport(
        "presentation", (skipped,), credentials=(partial,)
    ).status is OverallStatus.INDETERMINATE


def test_a_saved_report_gets_its_verdict_worked_out_again() -> None:
    # GIVEN a report saved before the verdict existed: "partially verified" with the
    # signature skipped
    saved = _report(CheckStatus.SKIPPED).to_json() | {"status": "partially_verified"}
    # WHEN it is read back
    again = VerificationReport.from_json(saved)
    # THEN the verdict is recomputed from its checks, and the list shows it as such
    assert again.status is OverallStatus.INDETERMINATE
    assert list_state(again) is ListState.INDETERMINATE
    assert again.to_json()["status"] == "indeterminate"


@pytest.mark.parametrize(
    ("relative_path", "named"),
    [
        ("w3c-di/eddsa-2022-draft-DataInt-signedDataInt.json", "cryptosuite eddsa-2022"),
        (
            "blockcerts/v3.1-merkle-proof-2019-data-integrity-mocknet.json",
            "Blockcerts Merkle proof anchored on a blockchain (merkle-proof-2019)",
        ),
        (
            "blockcerts/v3-testnet-did-ion-merkleproof2019.json",
            "Blockcerts Merkle proof anchored on a blockchain (MerkleProof2019)",
        ),
        (
            "blockcerts/v2-mainnet-merkleproof2017.json",
            "Blockcerts Merkle proof anchored on a blockchain (MerkleProof2017)",
        ),
    ],
)
def test_an_unsupported_proof_is_named_and_could_not_be_checked(
    relative_path: str, named: str
) -> None:
    # GIVEN a real credential whose proof Kredo does not implement
    raw = (CORPUS / relative_path).read_bytes()
    # WHEN it is verified offline
    report = verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))
    # THEN its signature is skipped with a sentence naming the proof, and the verdict is
    # "could not be checked": neither a pass nor a failure
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert signature.message.startswith("The signature could not be checked")
    assert named in signature.message
    assert report.status is OverallStatus.INDETERMINATE


def test_an_unsupported_suite_by_a_did_key_that_is_not_the_issuer_is_failed() -> None:
    # GIVEN the W3C bbs-2023 vector: a did:key signs for the issuer https://vc.example/...
    raw = (CORPUS / "w3c-di" / "bbs-2023-base-addSignedSDBase.json").read_bytes()
    # WHEN it is verified (Kredo does not implement bbs-2023)
    report = verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))
    # THEN the key's controller is proven without resolving anything, and it is not the
    # issuer: failed, whatever the unchecked signature would say
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.FAILED
    assert "could not be checked, but its key is proven to belong to did:key:" in (
        signature.message
    )
    assert signature.details["not_checked"] == (
        "The signature could not be checked: Kredo does not implement the cryptosuite bbs-2023."
    )
    assert report.status is OverallStatus.FAILED


def test_a_derived_sd_proof_whose_key_is_online_only_names_the_key_not_the_suite() -> None:
    # GIVEN 1EdTech's OB 3.0 credential with a derived ecdsa-sd-2023 proof (a suite Kredo
    # checks) whose key is published at an https URL
    raw = (CORPUS / "1edtech" / "validator-ob3-ecdsa-sd-2023-derived-https-key.json").read_bytes()
    # WHEN it is verified offline
    report = verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))
    # THEN it could not be checked because the key was not looked up, not for want of the suite
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert signature.message == (
        "The signing key is published at https://1edtech.edu/issuers/565049, which cannot be "
        "looked up without going online."
    )
    assert "does not implement" not in signature.message
    assert report.status is OverallStatus.INDETERMINATE


@pytest.mark.parametrize(
    ("relative_path", "reason"),
    [
        # the VC-JWT names no key; its issuer publishes keys online only
        ("1edtech/validator-ob3-vc-jwt-rs256.jwt", "publishes keys only online"),
        # a DID method Kredo cannot resolve
        ("1edtech/validator-ob3-velocity-network-vc-jwt-rs256.jwt", "did:velocity"),
    ],
)
def test_a_jwt_whose_key_cannot_be_had_offline_could_not_be_checked(
    relative_path: str, reason: str
) -> None:
    # GIVEN a real VC-JWT whose key Kredo cannot obtain offline
    raw = (CORPUS / relative_path).read_bytes()
    # WHEN it is verified offline
    report = verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))
    # THEN it could not be checked, for that stated reason: nothing is proven wrong
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert reason in signature.message
    assert report.status is OverallStatus.INDETERMINATE


def test_a_did_ebsi_key_offline_could_not_be_checked() -> None:
    # GIVEN an SD-JWT VC whose key is named by a did:ebsi (resolved only through EBSI online)
    token = _sd_jwt({"iss": "did:ebsi:zvHWX359A3CvfJnCYaAiAde", "vct": "urn:example:diploma"},
                    kid="did:ebsi:zvHWX359A3CvfJnCYaAiAde#key-1")
    # WHEN it is verified offline
    report = verify_file_bytes(token.encode(), options=VerifyOptions(now=CLOCK))
    # THEN it could not be checked, and the sentence names the DID method
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert "did:ebsi" in signature.message
    assert report.status is OverallStatus.INDETERMINATE


def _sd_jwt(payload: dict[str, Any], *, kid: str | None = None) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    header: dict[str, Any] = {"alg": "ES256", "typ": "dc+sd-jwt"}
    if kid is None:
        did = did_jwk_from_public_key(key.public_key())
        payload = {"iss": did, **payload}
        header["kid"] = f"{did}#0"
    else:
        header["kid"] = kid

    def b64(value: Any) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    signing_input = f"{b64(header)}.{b64(payload)}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    signature = base64.urlsafe_b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    return f"{signing_input}.{signature.rstrip(b'=').decode()}~"


def test_an_sd_jwt_without_vct_is_not_accepted_as_an_sd_jwt_vc() -> None:
    # GIVEN an SD-JWT, correctly signed, that names no credential type (vct)
    token = _sd_jwt({"given_name": "Jana", "_sd_alg": "sha-256"})
    # WHEN it is verified
    report = verify_file_bytes(token.encode(), options=VerifyOptions(now=CLOCK))
    # THEN its format check fails with a sentence saying why, and so does the verdict
    check = report.check("format")
    assert check is not None and check.status is CheckStatus.FAILED
    assert "does not name a credential type (vct)" in check.message
    assert report.status is OverallStatus.FAILED


def test_the_cli_report_says_what_could_not_be_checked_means_in_both_languages() -> None:
    # GIVEN a report whose signature could not be checked
    report = _report(CheckStatus.SKIPPED)
    # WHEN it is rendered for the terminal in English and in Czech
    english = render_report(report)
    set_language("cs")
    try:
        czech = render_report(report)
    finally:
        set_language("en")
    # THEN the headline names the verdict and says it is no sign of forgery
    assert english.startswith("COULD NOT BE CHECKED: this is not a sign of forgery")
    assert czech.startswith("NEBYLO MOŽNÉ OVĚŘIT: nejde o známku padělku")
