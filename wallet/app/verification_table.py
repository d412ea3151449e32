"""A batch of verified files as a table: one row per credential, for a spreadsheet (CSV).

An employer who verified a folder of applications sorts and filters the outcome in LibreOffice
or Excel: file, its SHA-256, verdict, format, title, issuer, learner, date of issue, each
check's status and the reason for a verdict below "verified". A presentation gives one row per
credential it carries; a file that could not be verified gives one row with its reason.

The file is UTF-8 with a byte-order mark (so Excel does not read it as the local code page),
with CRLF line ends (the ``excel`` dialect of :mod:`csv`), its cells separated as a spreadsheet
of the reader's language expects when it opens the file with a double click: commas in English,
semicolons in Czech (where the comma is the decimal sign and Excel's list separator is ``;``).
A cell that starts like a formula (``=``, ``+``, ``-``, ``@``) and came from a credential or a
file name gets a leading apostrophe, so a stranger's credential cannot make a spreadsheet run a
formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wallet.app.verifying import BatchOutcome
from wallet.check_status import CheckStatus
from wallet.export.file_output import write_file
from wallet.model import MicroCredentialView
from wallet.share.annex_labels import ui_language
from wallet.verify.report import CHECK_IDS, CheckResult, VerificationReport

COLUMNS = ("file", "sha256", "verdict", "format", "title", "issuer", "learner", "issued",
           *(f"check_{check}" for check in CHECK_IDS), "reason")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CredentialRow:
    """One credential of a batch, as the table shows it (``verdict`` empty for a file that
    could not be verified; ``checks`` by check id, the status of each check that ran)."""

    file: str
    sha256: str
    verdict: str
    format: str
    title: str
    issuer: str
    learner: str
    issued: str
    checks: dict[str, str]
    reason: str

    def cells(self) -> list[str]:
        head = [self.file, self.sha256, self.verdict, self.format, self.title, self.issuer,
                self.learner, self.issued]
        return [*head, *(self.checks.get(check, "") for check in CHECK_IDS), self.reason]


def outcome_rows(outcome: BatchOutcome, lang: str) -> Iterator[CredentialRow]:
    """The rows of one file: one per credential (a presentation's in order), or one saying
    why the file could not be verified."""
    digest = outcome.sha256 or ""
    report = outcome.report
    if report is None:
        yield CredentialRow(outcome.name, digest, "", "", "", "", "", "", {},
                            outcome.problem or "")
        return
    if not report.credentials:
        view = outcome.views[0] if outcome.views else None
        yield _row(outcome.name, digest, report, view, lang, verdict_of=report)
        return
    presentation_failed = any(c.status is CheckStatus.FAILED for c in report.checks)
    for number, nested in enumerate(report.credentials):
        view = outcome.views[number] if number < len(outcome.views) else None
        merged = VerificationReport(nested.format, (*report.checks, *nested.checks),
                                    nested.issuer)
        yield _row(f"{outcome.name} #{number + 1}", digest, merged, view, lang,
                   verdict_of=report if presentation_failed else nested)


def _row(
    name: str, digest: str, report: VerificationReport, view: MicroCredentialView | None,
    lang: str, *, verdict_of: VerificationReport,
) -> CredentialRow:
    issuer = report.issuer.name if report.issuer and report.issuer.name else None
    if issuer is None and view is not None:
        organisation = view.issuer or view.awarding_body
        issuer = organisation.name.pick(lang) if organisation and organisation.name else None
    return CredentialRow(
        file=name,
        sha256=digest,
        verdict=verdict_of.status.value,
        format=report.format,
        title=view.title.pick(lang) if view and view.title else "",
        issuer=issuer or "",
        learner=view.learner_name.pick(lang) if view and view.learner_name else "",
        issued=view.issued.date().isoformat() if view and view.issued else "",
        checks={check.id: check.status.value for check in report.checks},
        reason=report_reason(verdict_of),
    )


def report_reason(report: VerificationReport) -> str:
    """Why a report is not simply "verified": the sentence of its first failed check (its
    credentials' too), else of its first check that warned or was skipped; "" when none."""
    for wanted in (CheckStatus.FAILED, CheckStatus.WARNING, CheckStatus.SKIPPED):
        for check in _all_checks(report):
            if check.status is wanted:
                return str(check.message)
    return ""


def _all_checks(report: VerificationReport) -> Iterator[CheckResult]:
    yield from report.checks
    for nested in report.credentials:
        yield from _all_checks(nested)


def csv_text(outcomes: Iterable[BatchOutcome], lang: str) -> str:
    """The table as CSV text (a header row, then one row per credential)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", delimiter=cell_separator(lang))
    writer.writerow(COLUMNS)
    for outcome in outcomes:
        for row in outcome_rows(outcome, lang):
            writer.writerow([_inert(cell) for cell in row.cells()])
    return buffer.getvalue()


def cell_separator(lang: str) -> str:
    """``;`` for languages that write decimals with a comma (Czech), else ``,``."""
    return ";" if ui_language(lang) == "cs" else ","


def save_csv(outcomes: Iterable[BatchOutcome], path: Path, lang: str) -> None:
    """Write the table to ``path``: UTF-8 with a byte-order mark, for spreadsheets."""
    write_file(path, csv_text(outcomes, lang).encode("utf-8-sig"))


def _inert(cell: str) -> str:
    return f"'{cell}" if len(cell) > 1 and cell.startswith(_FORMULA_STARTS) else cell
