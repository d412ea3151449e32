"""The one word a credential list shows for a credential's latest verification."""

from __future__ import annotations

import enum

from wallet.verify.report import CheckStatus, VerificationReport


class ListState(enum.StrEnum):
    """The status chip: the overall verdict, refined where a failure has a plainer name."""

    VERIFIED = "verified"
    PARTIALLY_VERIFIED = "partially_verified"
    INDETERMINATE = "indeterminate"  # could not be checked: the signature was not proven
    FAILED = "failed"
    EXPIRED = "expired"
    REVOKED = "revoked"


def list_state(report: VerificationReport) -> ListState:
    """``revoked`` or ``expired`` when that is the only reason a credential failed."""
    overall = ListState(report.status.value)
    if overall is not ListState.FAILED:
        return overall
    failed = [c for c in report.checks if c.status is CheckStatus.FAILED]
    if len(failed) == 1 and failed[0].id == "status":
        entries = failed[0].details.get("entries", ())
        if any(e.get("state") in ("revoked", "suspended") for e in entries):
            return ListState.REVOKED
    if len(failed) == 1 and failed[0].id == "validity" and "valid_until" in failed[0].details:
        return ListState.EXPIRED
    return overall
