"""The status chip's word: revoked and expired are named, other failures stay 'failed'."""

from __future__ import annotations

from wallet.verify.list_state import ListState, list_state
from wallet.verify.report import CheckResult, CheckStatus, IssuerInfo, VerificationReport

SIGNATURE_OK = CheckResult("signature", CheckStatus.OK, "Signature valid.")


def _report(*checks: CheckResult, trusted: bool = True) -> VerificationReport:
    return VerificationReport(
        format="vc-jsonld", checks=(SIGNATURE_OK, *checks), issuer=IssuerInfo(trusted=trusted)
    )


def test_revoked_when_the_status_list_says_so() -> None:
    status = CheckResult("status", CheckStatus.FAILED, "Revoked.",
                         details={"entries": [{"state": "revoked"}]})
    assert list_state(_report(status)) is ListState.REVOKED


def test_expired_when_only_valid_until_has_passed() -> None:
    validity = CheckResult("validity", CheckStatus.FAILED, "Expired.",
                           details={"valid_until": "2020-01-01T00:00:00+00:00"})
    assert list_state(_report(validity)) is ListState.EXPIRED


def test_expired_and_a_bad_signature_is_plainly_failed() -> None:
    validity = CheckResult("validity", CheckStatus.FAILED, "Expired.",
                           details={"valid_until": "2020-01-01T00:00:00+00:00"})
    bad = CheckResult("signature", CheckStatus.FAILED, "Signature does not match.")
    report = VerificationReport(format="vc-jsonld", checks=(bad, validity))
    assert list_state(report) is ListState.FAILED


def test_other_verdicts_pass_through() -> None:
    assert list_state(_report()) is ListState.VERIFIED
    assert list_state(_report(trusted=False)) is ListState.PARTIALLY_VERIFIED
