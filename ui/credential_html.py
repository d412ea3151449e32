"""A credential as rich text for the detail view: labels in the interface language, the
credential's own texts in the language the reader picked. The template fits the credential
(``wallet.formats.view_kind``): an Open Badge 3.0 as a badge (``ui.badge_html``), a VC that
is not about learning by its claims (``ui.generic_html``), everything else by its Annex I
elements. The rows, their order and their labels (cs/en) come from
``wallet.share.annex_rows``, the same source the PDF export uses; dates and numbers are
written the interface language's way (``ui.dates_shown``), languages by name
(``ui.language_names``). Everything the credential says is escaped (``ui.html_rows``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.annex_labels import sentence_case
from ui.badge_html import badge_html
from ui.dates_shown import birth_day_text, moment_day_text, number_text
from ui.generic_html import generic_html
from ui.html_rows import ShownRows, not_stated, table_row, table_start, text_html
from ui.language_names import language_name
from wallet.formats.badge_view import badge_view, credential_object
from wallet.formats.claims_view import subject_claims, type_words
from wallet.formats.view_kind import ViewKind, kind_display_name, view_kind
from wallet.model import Credential, CredentialFormat, Image, MicroCredentialView
from wallet.share.annex_labels import hours_word, label
from wallet.share.annex_rows import DOCUMENT, AnnexRow, annex_rows

if TYPE_CHECKING:  # the desk's use case loads verification: not at the window's first paint
    from wallet.app.desk import Disclosure


def _moment(value: datetime, lang: str) -> str:
    return moment_day_text(value)


def _number(value: float, lang: str) -> str:
    return number_text(value)


# Formats whose issuer row names the organisation that sealed the credential.
_SEALED_FORMATS = frozenset({CredentialFormat.EDC_SEALED, CredentialFormat.EDC_JSONLD,
                             CredentialFormat.EDC_XML})

# A document's rows, with dates and numbers in the interface language (QLocale), whatever
# language the credential's own texts are read in.
SHOWN = replace(DOCUMENT, date=_moment, number=_number)


def _shown_rows(view: MicroCredentialView, lang: str, ui_lang: str) -> list[AnnexRow]:
    """The Annex I rows for the GUI: a date of birth as a calendar date, languages by name,
    the unit after a workload in the interface's language (it is Kredo's word, not the
    credential's)."""
    style = replace(SHOWN, hours=lambda hours, _: hours_word(hours, ui_lang))
    return [_shown_row(view, row, ui_lang) for row in annex_rows(view, lang, style)]


def _shown_row(view: MicroCredentialView, row: AnnexRow, ui_lang: str) -> AnnexRow:
    if row.key == "learner_birth_date" and view.learner_birth_date:
        return replace(row, value=birth_day_text(view.learner_birth_date))
    if row.key == "languages" and view.languages:
        return replace(row, value=", ".join(language_name(code, ui_lang)
                                            for code in view.languages))
    return row


def credential_html(credential: Credential, lang: str, ui_lang: str) -> str:
    view = credential.view
    rows = _shown_rows(view, lang, ui_lang)
    shown = ShownRows(
        title=next((row.value for row in rows if row.key == "title"), None) or "",
        rows=rows,
        labels={row.key: sentence_case(row.label) for row in annex_rows(view, ui_lang)},
        lang=lang,
        ui_lang=ui_lang,
    )
    kind = view_kind(credential)
    badge = badge_view(credential) if kind is ViewKind.OPEN_BADGE else None
    if badge is not None:
        return badge_html(badge, shown)
    document = credential_object(credential)
    if kind is ViewKind.GENERIC and document is not None:
        return generic_html(shown, kind_display_name(credential), type_words(view.types),
                            subject_claims(document))
    return _annex_html(credential, shown)


def _annex_html(credential: Credential, shown: ShownRows) -> str:
    view, lang, ui_lang, labels = credential.view, shown.lang, shown.ui_lang, shown.labels
    parts = [
        f"<h2>{escape(shown.title)}</h2>",
        f"<p>{escape(credential.format.display_name)}</p>",
        table_start(),
    ]
    for row in shown.rows:
        if row.key in ("title", "learning_outcomes") or (row.value is None and not row.mandatory):
            continue
        value = (not_stated(label("not_stated", ui_lang)) if row.value is None
                 else text_html(row.value))
        parts.append(table_row(_label(credential, row.key, labels), value))
    parts.append("</table>")
    parts.append(f"<h3>{escape(labels['learning_outcomes'])}</h3>")
    if view.learning_outcomes:
        parts.append("<ul>")
        parts.extend(f"<li>{escape(o.pick(lang))}</li>" for o in view.learning_outcomes)
        parts.append("</ul>")
    else:
        parts.append(f"<p><i>{escape(label('not_stated', ui_lang))}</i></p>")
    return "\n".join(parts)


def _label(credential: Credential, key: str, labels: dict[str, str]) -> str:
    """A row's label; a W3C credential's issuer signs it, it does not seal it as an EDC's
    sealing organisation does."""
    if key == "issuer" and credential.format not in _SEALED_FORMATS:
        return QCoreApplication.translate("CredentialHtml", "Signed by (issuer)")
    return labels[key]


def shown_images(credential: Credential) -> tuple[Image, ...]:
    """The pictures the credential carries inline, for the strip above the text: its own,
    a badge issuer's picture, and those among a generic credential's claims."""
    images = [image for image in credential.view.images if image.data is not None]
    kind = view_kind(credential)
    if kind is ViewKind.OPEN_BADGE:
        badge = badge_view(credential)
        logo = badge.issuer.logo if badge is not None and badge.issuer is not None else None
        if logo is not None and logo.data is not None:
            images.append(logo)
    document = credential_object(credential)
    if kind is ViewKind.GENERIC and document is not None:
        images.extend(c.image for c in subject_claims(document) if c.image is not None)
    return tuple(images)


def disclosure_html(disclosure: Disclosure) -> str:
    """What an SD-JWT VC's holder chose to show, for a verifier: the disclosed claims by name
    and how many were kept back. Withheld claims are in no way shown: not even their names
    travel with the presentation."""
    translate = QCoreApplication.translate
    shown = ", ".join(escape(name) for name in disclosure.disclosed)
    heading = translate("CredentialHtml", "Selective disclosure")
    parts = [
        f"<h3>{escape(heading)}</h3>",
        "<p>" + escape(translate("CredentialHtml", "The holder disclosed %n claim(s):", "",
                                 len(disclosure.disclosed))) + f" {shown}</p>",
    ]
    if disclosure.withheld:
        parts.append("<p>" + escape(translate(
            "CredentialHtml",
            "The holder kept back up to %n claim(s). Their content is not in what you "
            "received, so it is not shown; the signature still covers what was disclosed.",
            "", disclosure.withheld)) + "</p>")
    else:
        parts.append("<p>" + escape(translate(
            "CredentialHtml", "The holder kept nothing back.")) + "</p>")
    return "\n".join(parts)
