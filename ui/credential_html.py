"""A credential's Annex I elements as rich text for the detail view: labels in the interface
language, the credential's own texts in the language the reader picked. The rows, their
order and their labels (cs/en) come from ``wallet.share.annex_rows``, the same source the PDF
export uses; dates and numbers are written the interface language's way (``ui.dates_shown``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.dates_shown import birth_day_text, moment_day_text, number_text
from wallet.model import NO_LANGUAGE, Credential, MicroCredentialView
from wallet.share.annex_labels import label
from wallet.share.annex_rows import DOCUMENT, AnnexRow, annex_rows

if TYPE_CHECKING:  # the desk's use case loads verification: not at the window's first paint
    from wallet.app.desk import Disclosure


def _moment(value: datetime, lang: str) -> str:
    return moment_day_text(value)


def _number(value: float, lang: str) -> str:
    return number_text(value)


# A document's rows, with dates and numbers in the interface language (QLocale), whatever
# language the credential's own texts are read in.
SHOWN = replace(DOCUMENT, date=_moment, number=_number)


def _shown_rows(view: MicroCredentialView, lang: str) -> list[AnnexRow]:
    """The Annex I rows for the GUI: a date of birth as a calendar date, no ``und``."""
    return [_shown_row(view, row) for row in annex_rows(view, lang, SHOWN)]


def _shown_row(view: MicroCredentialView, row: AnnexRow) -> AnnexRow:
    if row.key == "learner_birth_date" and view.learner_birth_date:
        return replace(row, value=birth_day_text(view.learner_birth_date))
    if row.key == "languages" and NO_LANGUAGE in view.languages:
        unspecified = QCoreApplication.translate("CredentialHtml", "Unspecified")
        return replace(row, value=", ".join(
            unspecified if code == NO_LANGUAGE else code for code in view.languages))
    return row


def credential_html(credential: Credential, lang: str, ui_lang: str) -> str:
    view = credential.view
    labels = {row.key: row.label for row in annex_rows(view, ui_lang)}
    rows = _shown_rows(view, lang)
    title = next((row.value for row in rows if row.key == "title"), None) or ""
    parts = [
        f"<h2>{escape(title)}</h2>",
        f"<p>{escape(credential.format.display_name)}</p>",
        "<table cellspacing='0' cellpadding='4' width='100%'>",
    ]
    for row in rows:
        if row.key in ("title", "learning_outcomes") or (row.value is None and not row.mandatory):
            continue
        if row.value is None:
            shown = f"<i>{escape(label('not_stated', ui_lang))}</i>"
        elif row.key == "credential_id" and row.value.startswith(("https://", "http://")):
            shown = f"<a href='{escape(row.value)}'>{escape(row.value)}</a>"
        else:
            shown = escape(row.value).replace("\n", "<br>")
        parts.append(
            f"<tr><td valign='top' width='38%'><b>{escape(labels[row.key])}</b></td>"
            f"<td valign='top'>{shown}</td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<h3>{escape(labels['learning_outcomes'])}</h3>")
    if view.learning_outcomes:
        parts.append("<ul>")
        parts.extend(f"<li>{escape(o.pick(lang))}</li>" for o in view.learning_outcomes)
        parts.append("</ul>")
    else:
        parts.append(f"<p><i>{escape(label('not_stated', ui_lang))}</i></p>")
    return "\n".join(parts)


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
