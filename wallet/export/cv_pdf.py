"""A Europass-style CV as PDF, carrying its Europass XML as the embedded ``attachment.xml``.

Europass's own CV PDFs embed the CV's XML under that name, so the Europass CV editor (and any
tool that reads those PDFs) can take the data back; this PDF does the same with exactly the
bytes of :func:`wallet.export.cv_xml.europass_cv_xml`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from wallet.export.cv_entries import CvEntry, CvSection
from wallet.export.cv_person import CvPerson
from wallet.share.annex_labels import Label, hours_word, label, ui_language
from wallet.share.annex_rows import format_date, format_number
from wallet.share.pdf_document import KredoPdf

ATTACHMENT_NAME = "attachment.xml"

CV_LABELS: Mapping[str, Label] = {
    "document": Label("Europass CV", "Životopis Europass"),
    "education": Label("Education and training", "Vzdělání a odborná příprava"),
    "certification": Label("Certifications", "Osvědčení a certifikáty"),
    "email": Label("E-mail", "E-mail"),
    "awarded": Label("Awarded", "Uděleno"),
    "valid_until": Label("Valid until", "Platné do"),
    "outcomes": Label("Learning outcomes", "Výsledky učení"),
    "credential": Label("Credential", "Certifikát"),
    "attachment_note": Label(
        "Made with Kredo from the learner's digital credentials. The Europass CV XML of this "
        "document is attached to it (attachment.xml).",
        "Vytvořeno aplikací Kredo z digitálních certifikátů studujícího. K dokumentu je "
        "přiložen jeho životopis Europass ve formátu XML (attachment.xml).",
    ),
}


def cv_label(key: str, lang: str) -> str:
    return CV_LABELS[key].text(lang)


def europass_cv_pdf(
    entries: Sequence[CvEntry],
    person: CvPerson,
    cv_xml: bytes,
    *,
    lang: str = "en",
    exported_at: datetime | None = None,
) -> bytes:
    lang = ui_language(lang)
    when = exported_at or datetime.now(UTC)
    pdf = KredoPdf(
        title=f"{cv_label('document', lang)} · {person.full_name}",
        lang=lang,
        footer_text=f"{cv_label('document', lang)} · {person.full_name}",
    )
    pdf.title_block(person.full_name, cv_label("document", lang))
    if person.email:
        pdf.label_value(cv_label("email", lang), person.email)
    for section in (CvSection.EDUCATION, CvSection.CERTIFICATION):
        chosen = [e for e in entries if e.section is section]
        if not chosen:
            continue
        pdf.heading(cv_label(section.value, lang))
        for entry in chosen:
            _entry(pdf, entry, lang)
    pdf.ln(4)
    pdf.paragraph(cv_label("attachment_note", lang), size=8, muted=True)
    pdf.attach_file(
        cv_xml,
        name=ATTACHMENT_NAME,
        description=cv_label("document", lang),
        mime_type="application/xml",
        modified=when,
    )
    return pdf.to_bytes()


def _entry(pdf: KredoPdf, entry: CvEntry, lang: str) -> None:
    when = (
        format_date(datetime.combine(entry.awarded, datetime.min.time()), lang)
        if entry.awarded
        else ""
    )
    lines = [entry.title]
    place = ", ".join(p for p in (entry.organisation, entry.country) if p)
    facts = [
        place or None,
        f"EQF {entry.eqf_level}" if entry.eqf_level is not None else None,
        f"{format_number(entry.ects, lang)} ECTS" if entry.ects is not None else None,
        f"{format_number(entry.workload_hours, lang)} {hours_word(entry.workload_hours, lang)}"
        if entry.workload_hours is not None
        else None,
        f"{label('grade', lang)}: {entry.grade}" if entry.grade else None,
        f"{cv_label('valid_until', lang)} "
        + format_date(datetime.combine(entry.valid_until, datetime.min.time()), lang)
        if entry.valid_until
        else None,
    ]
    lines.append(" · ".join(f for f in facts if f))
    if entry.learning_outcomes:
        lines.append(f"{cv_label('outcomes', lang)}:")
        lines += [f"• {outcome}" for outcome in entry.learning_outcomes]
    if entry.link:
        lines.append(entry.link)
    pdf.label_value(when, "\n".join(line for line in lines if line))
