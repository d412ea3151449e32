"""Plain-text rendering of a verification report (``kredo verify``)."""

from __future__ import annotations

from wallet.translation import tr
from wallet.verify.report import CheckResult, CheckStatus, OverallStatus, VerificationReport
from wallet.verify.status_words import no_status_published, not_published_text

_MARKS = {
    CheckStatus.OK: "✔",
    CheckStatus.WARNING: "!",
    CheckStatus.SKIPPED: "–",
    CheckStatus.FAILED: "✘",
}


def _headline(status: OverallStatus) -> str:
    if status is OverallStatus.VERIFIED:
        return tr("VERIFIED: genuine, from a trusted issuer.")
    if status is OverallStatus.PARTIALLY_VERIFIED:
        return tr("PARTIALLY VERIFIED: nothing failed, but not everything could be confirmed.")
    if status is OverallStatus.INDETERMINATE:
        return tr(
            "COULD NOT BE CHECKED: this is not a sign of forgery, but the signature or seal "
            "could not be proven either way; do not rely on it until it is checked."
        )
    return tr("FAILED: do not rely on this credential.")


def _check_line(check: CheckResult) -> str:
    if no_status_published(check):  # OK for the verdict, but nothing was confirmed: no tick
        return f"– {check.id:<13} {not_published_text()}: {check.message} [{check.mode.value}]"
    return f"{_MARKS[check.status]} {check.id:<13} {check.message} [{check.mode.value}]"


def render_report(report: VerificationReport, *, indent: str = "") -> str:
    lines = [f"{indent}{_headline(report.status)}"]
    for check in report.checks:
        lines.append(f"{indent}  {_check_line(check)}")
    for number, nested in enumerate(report.credentials, start=1):
        lines.append(indent + "  " + tr("Credential {number} ({format}):", number=number,
                                        format=nested.format))
        lines.append(render_report(nested, indent=indent + "    "))
    return "\n".join(lines)
