"""A verification record as an A4 PDF (cs or en), laid out like Kredo's other documents.

1. the title, when it was made, the date of the trust material, offline or online;
2. per file: its name, size and SHA-256, the verdict with what it means, then per credential
   (a presentation's one by one, after the presentation's own checks) every check with its
   result and sentence, and what the credential says (its Annex I rows, "not stated" where
   the issuer left an element out).

The layout helpers (fonts, headings, label/value rows that flow over pages) are
:class:`wallet.share.pdf_document.KredoPdf`'s.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath

from wallet.share.annex_labels import label, ui_language
from wallet.share.annex_rows import AnnexRow
from wallet.share.pdf_document import KredoPdf
from wallet.share.verification_record import (
    RecordedFile,
    VerificationRecord,
    check_mode_text,
    check_name,
    check_result,
    in_language,
    verdict_label,
    verdict_meaning,
)
from wallet.translation import tr, tr_n
from wallet.verify.report import CheckResult, CheckStatus, VerificationReport
from wallet.verify.status_words import no_status_published


def verification_record_pdf(record: VerificationRecord) -> bytes:
    lang = ui_language(record.lang)
    title = tr("Verification record").localized(lang)
    pdf = KredoPdf(title=title, lang=lang, footer_text=f"{title} · Kredo · {_when(record.made_at)}")
    pdf.title_block(title, tr("What Kredo checked, and what it found").localized(lang))
    pdf.label_value(tr("Checked on").localized(lang), _when(record.made_at))
    snapshot = record.trust_snapshot_date
    pdf.label_value(
        tr("Trust material").localized(lang),
        tr("trusted-list snapshot of {date}", date=_when(snapshot)).localized(lang)
        if snapshot is not None else tr("none").localized(lang),
    )
    pdf.label_value(
        tr("Network look-ups").localized(lang),
        (tr("allowed (status lists, did:web, hosted keys)") if record.online
         else tr("none: every check ran offline")).localized(lang),
    )
    pdf.label_value(
        tr("Files checked").localized(lang), str(len(record.files))
    )
    for entry in record.files:
        _file_section(pdf, entry, lang)
    return pdf.to_bytes()


def _when(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def _file_section(pdf: KredoPdf, entry: RecordedFile, lang: str) -> None:
    short = PurePath(entry.name).name or entry.name
    pdf.heading(tr("File {name}", name=short).localized(lang))
    if short != entry.name:
        pdf.paragraph(entry.name, size=8.5, muted=True)
    pdf.paragraph(f"SHA-256: {entry.sha256 or '—'}", size=9)  # one line: 64 digits fit the page
    pdf.label_value(
        tr("Size").localized(lang),
        tr_n("{count} byte", "{count} bytes", entry.size, count=entry.size).localized(lang),
    )
    report = entry.report
    if report is None:
        pdf.label_value(tr("Not verified").localized(lang), entry.problem or "—")
        return
    pdf.label_value(label("section_verification", lang), verdict_label(report.status, lang))
    pdf.paragraph(verdict_meaning(report.status, lang))
    if report.credentials:
        pdf.paragraph(tr("The presentation's own checks").localized(lang), bold=True)
        _checks(pdf, report.checks, lang)
    for number, (nested, rows) in enumerate(entry.credentials(), start=1):
        _credential(pdf, nested, rows, lang, number=number if report.credentials else None)


def _credential(
    pdf: KredoPdf, report: VerificationReport, rows: tuple[AnnexRow, ...], lang: str, *,
    number: int | None,
) -> None:
    if number is not None:
        pdf.heading(tr("Credential {number} of the presentation ({format})", number=number,
                       format=report.format).localized(lang))
        pdf.label_value(label("section_verification", lang), verdict_label(report.status, lang))
    pdf.paragraph(tr("Checks").localized(lang), bold=True)
    _checks(pdf, report.checks, lang)
    pdf.paragraph(tr("What the credential says").localized(lang), bold=True)
    if not rows:
        pdf.paragraph(tr("Kredo could not read what this credential says.").localized(lang),
                      muted=True)
    not_stated = label("not_stated", lang)
    for row in rows:
        pdf.label_value(row.label, row.value_or(not_stated), muted_value=row.value is None)


def _checks(pdf: KredoPdf, checks: tuple[CheckResult, ...], lang: str) -> None:
    for check in checks:
        pdf.label_value(
            f"{check_name(check, lang)}: {check_result(check, lang)}",
            f"{in_language(check.message, lang)} [{check_mode_text(check, lang)}]",
            muted_value=check.status is CheckStatus.SKIPPED or no_status_published(check),
        )
