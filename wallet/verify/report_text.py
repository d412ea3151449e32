"""Plain-text rendering of a verification report (``kredo verify``)."""

from __future__ import annotations

from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport

_MARKS = {
    CheckStatus.OK: "✔",
    CheckStatus.WARNING: "!",
    CheckStatus.SKIPPED: "–",
    CheckStatus.FAILED: "✘",
}
_HEADLINES = {
    OverallStatus.VERIFIED: "VERIFIED: genuine, from a trusted issuer.",
    OverallStatus.PARTIALLY_VERIFIED: "PARTIALLY VERIFIED: nothing failed, but not everything "
    "could be confirmed.",
    OverallStatus.FAILED: "FAILED: do not rely on this credential.",
}


def render_report(report: VerificationReport, *, indent: str = "") -> str:
    lines = [f"{indent}{_HEADLINES[report.status]}"]
    for check in report.checks:
        lines.append(
            f"{indent}  {_MARKS[check.status]} {check.id:<13} {check.message} [{check.mode.value}]"
        )
    for number, nested in enumerate(report.credentials, start=1):
        lines.append(f"{indent}  Credential {number} ({nested.format}):")
        lines.append(render_report(nested, indent=indent + "    "))
    return "\n".join(lines)
