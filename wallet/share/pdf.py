"""A credential as an A4 PDF a person can read, with the original attached inside.

``credential_pdf`` lays out, in the learner's language (cs or en):

1. the title, the format and the overall verification result, and beside them a
   verification QR code carrying the whole credential when it fits one code;
2. every Annex I element of the micro-credential, "not stated" where the issuer left it out;
3. the picture the credential carries (the EDC's official page, or the badge);
4. the issuer and the verification checks, each with its result and sentence;
5. where no QR code fits, a note that says where the credential is instead;
6. the original credential file, byte for byte, as an embedded file attachment.

A text longer than the document draws (a title past 300 characters, a value past 12,000, all
values past 40,000) is cut with "… (shortened; the full text is in the attached original)":
layout time grows with every character drawn, and the attachment holds the whole credential.

Only the attachment and the QR code can be verified; the pages are a readable copy. Nothing
here touches the network: images come from inside the credential only.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO

from wallet.model import Credential
from wallet.share.annex_labels import CHECK_LABEL_KEYS, label, ui_language
from wallet.share.annex_rows import annex_rows, format_date
from wallet.share.file_names import credential_file_name
from wallet.share.pdf_document import KredoPdf
from wallet.share.pdf_images import choose_image, load_drawable
from wallet.translation import Sentence, tr
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport
from wallet.verify.status_words import no_status_published, not_published_text

log = logging.getLogger(__name__)

QR_SIZE_MM = 60.0  # a version 25 code (the largest single code) at ~0.48 mm per module
QR_GUTTER_MM = 6.0
IMAGE_MAX_WIDTH_MM = {"page": 150.0, "badge": 45.0}
IMAGE_MAX_HEIGHT_MM = {"page": 215.0, "badge": 45.0}

_STATUS_COLOURS = {
    OverallStatus.VERIFIED: (25, 135, 84),
    OverallStatus.PARTIALLY_VERIFIED: (176, 106, 0),
    OverallStatus.INDETERMINATE: (74, 96, 128),  # slate blue: neither a pass nor a failure
    OverallStatus.FAILED: (200, 35, 51),
}

# Given the original bytes, a PNG of one QR code carrying them, or None when they do not fit.
QrRenderer = Callable[[bytes], bytes | None]


def credential_pdf(
    credential: Credential,
    raw: bytes,
    *,
    lang: str = "en",
    report: VerificationReport,
    exported_at: datetime | None = None,
    qr_renderer: QrRenderer | None = None,
) -> bytes:
    """The PDF document for ``credential``; ``raw`` (the stored original) is attached as is.

    ``report`` is the verification the caller ran (``verify_credential``); ``qr_renderer``
    defaults to Kredo's single-code QR encoder.
    """
    lang = ui_language(lang)
    when = exported_at or datetime.now(UTC)
    view = credential.view
    title = view.title.pick(lang) if view.title else label("document_title", lang)
    pdf = KredoPdf(
        title=title,
        lang=lang,
        footer_text=f"{label('exported_by', lang)} · {format_date(when, lang)}",
        shortened_note=tr("… (shortened; the full text is in the attached original)").localized(
            lang
        ),
    )
    qr, qr_problem = _render_qr(raw, qr_renderer or _default_qr_renderer())
    qr_bottom = _first_page_qr(pdf, qr, lang) if qr is not None else 0.0
    pdf.title_block(
        title,
        f"{label('document_title', lang)} · {label('format', lang)}: {credential.format.label}",
        width=pdf.content_width - QR_SIZE_MM - QR_GUTTER_MM if qr is not None else 0,
    )
    _status_line(pdf, report, lang)
    pdf.set_y(max(pdf.get_y(), qr_bottom))

    pdf.heading(label("section_elements", lang))
    not_stated = label("not_stated", lang)
    for row in annex_rows(view, lang):
        pdf.label_value(row.label, row.value_or(not_stated), muted_value=row.value is None)

    _image_section(pdf, credential, lang)
    _verification_section(pdf, report, lang, when)
    if qr_problem is not None:
        pdf.heading(label("section_qr", lang))
        pdf.paragraph(label(qr_problem, lang))
    _original_section(pdf, credential, raw, lang, when)
    return pdf.to_bytes()


def _status_line(pdf: KredoPdf, report: VerificationReport, lang: str) -> None:
    status = report.status
    pdf.set_fill_color(*_STATUS_COLOURS[status])
    top = pdf.get_y()
    pdf.rect(pdf.l_margin, top + 0.8, 3.5, 3.5, style="F")
    pdf.set_x(pdf.l_margin + 6)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 5, f"{label('section_verification', lang)}: {_status_text(status, lang)}")
    pdf.set_xy(pdf.l_margin, top + 8)


def _status_text(status: OverallStatus, lang: str) -> str:
    return label(f"status_{status.value}", lang)


def _image_section(pdf: KredoPdf, credential: Credential, lang: str) -> None:
    image = choose_image(credential.view, lang)
    if image is None:
        return
    drawable = load_drawable(image)
    if drawable is None:
        pdf.heading(label("section_image", lang))
        pdf.paragraph(label("image_not_drawn", lang), muted=True)
        return
    max_width = IMAGE_MAX_WIDTH_MM.get(drawable.role, 45.0)
    max_height = IMAGE_MAX_HEIGHT_MM.get(drawable.role, 45.0)
    _, height = pdf.fitted_size(drawable.pixel_size, max_width, max_height)
    pdf.heading(label("section_image", lang), keep_with=height + 6)
    caption = label("image_page" if image.role == "page" else "image_badge", lang)
    pdf.paragraph(caption, size=8.5, muted=True)
    try:
        pdf.picture(
            drawable.source,
            pixel_size=drawable.pixel_size,
            max_width=max_width,
            max_height=max_height,
        )
    except Exception as exc:
        log.info("image not drawn: %s", type(exc).__name__)
        pdf.paragraph(label("image_not_drawn", lang), muted=True)


def _verification_section(
    pdf: KredoPdf, report: VerificationReport, lang: str, when: datetime
) -> None:
    pdf.heading(label("section_issuer", lang))
    issuer = report.issuer
    if issuer is not None:
        for text in (
            issuer.name,
            issuer.awarding_body if issuer.awarding_body != issuer.name else None,
        ):
            if text:
                pdf.paragraph(text, bold=True)
        if issuer.identifier:
            pdf.label_value(label("issuer_identifier", lang), issuer.identifier)
        if issuer.trusted and issuer.trust_source:
            pdf.label_value(label("issuer_trusted", lang), _in_language(issuer.trust_source, lang))
        else:
            pdf.paragraph(label("issuer_not_trusted", lang), muted=True)
    else:
        pdf.paragraph(label("issuer_not_trusted", lang), muted=True)

    pdf.heading(f"{label('section_verification', lang)}: {_status_text(report.status, lang)}")
    pdf.paragraph(f"{label('verified_at', lang)}: {format_date(when, lang)}", size=8.5, muted=True)
    for check in report.checks:
        name_key = CHECK_LABEL_KEYS.get(check.id)
        name = label(name_key, lang) if name_key else check.id
        not_published = no_status_published(check)  # OK for the verdict, but not a tick
        result = (_in_language(not_published_text(), lang) if not_published
                  else label(f"result_{check.status.value}", lang))
        pdf.label_value(
            f"{name}: {result}",
            _in_language(check.message, lang),
            muted_value=check.status is CheckStatus.SKIPPED or not_published,
        )
    # A check sentence made without tr() (none should be) can only be shown as it was made.
    if any(not isinstance(check.message, Sentence) for check in report.checks):
        note = label("messages_in_english", lang)
        if note:
            pdf.paragraph(note, size=8, muted=True)


def _in_language(text: str, lang: str) -> str:
    """A core sentence in the document's language, whatever the app's language is now."""
    return text.localized(lang) if isinstance(text, Sentence) else text


def _render_qr(raw: bytes, renderer: QrRenderer) -> tuple[bytes | None, str | None]:
    """The QR code PNG, or the label key of the note that explains its absence."""
    try:
        png = renderer(raw)
    except Exception as exc:  # the attachment still carries the credential
        log.info("no QR code: %s", type(exc).__name__)
        return None, "qr_unavailable"
    return (png, None) if png is not None else (None, "qr_too_large")


def _first_page_qr(pdf: KredoPdf, png: bytes, lang: str) -> float:
    """Draw the code at the top right of the first page; returns the y below its caption."""
    x = pdf.w - pdf.r_margin - QR_SIZE_MM
    top = pdf.get_y()
    pdf.image(BytesIO(png), x=x, y=top, w=QR_SIZE_MM, h=QR_SIZE_MM)
    pdf.set_xy(x, top + QR_SIZE_MM + 1)
    pdf.set_font("DejaVu", "", 7)
    pdf.multi_cell(QR_SIZE_MM, 3.2, label("qr_caption", lang), align="L")
    bottom = float(pdf.get_y()) + 2
    pdf.set_xy(pdf.l_margin, top)
    return bottom


def _original_section(
    pdf: KredoPdf, credential: Credential, raw: bytes, lang: str, when: datetime
) -> None:
    name = credential_file_name(credential, lang)
    digest = hashlib.sha256(raw).hexdigest()
    pdf.heading(label("section_original", lang))
    pdf.paragraph(label("attachment_note", lang))
    pdf.paragraph(f"{name} · {len(raw)} B · SHA-256 {digest}", size=8.5)
    pdf.paragraph(label("attachment_verify", lang), size=8.5, muted=True)
    pdf.attach_file(
        raw,
        name=name,
        description=label("section_original", lang),
        mime_type=credential.media_type,
        modified=when,
    )


def _default_qr_renderer() -> QrRenderer:
    from wallet.share.pdf_qr import single_qr_png  # noqa: PLC0415 - QR stack loads on use

    return single_qr_png
