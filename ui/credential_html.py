"""A credential's Annex I elements as rich text for the detail view (labels in the UI language,
credential texts in the chosen credential language)."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from ui.annex_labels import annex_label, format_name, hours_word, not_stated
from wallet.model import Credential
from wallet.view_text import annex_rows

# Elements the EU definition makes mandatory: shown even when missing, so a gap is visible.
_MANDATORY = {
    "title", "learner", "awarding_body", "issuer_country", "issued", "workload", "level",
    "assessment", "participation", "quality_assurance",
}


_DATES = {"issued", "valid_from", "valid_until"}


def _local_date(iso: str) -> str:
    """A date in the interface language's format; midnight dates show without a time."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    when = QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))
    if (moment.hour, moment.minute) == (0, 0):
        return QLocale().toString(when.date(), QLocale.FormatType.LongFormat)
    return QLocale().toString(when, QLocale.FormatType.LongFormat).rsplit(":", 1)[0]


def credential_html(credential: Credential, lang: str) -> str:
    view = credential.view
    rows = annex_rows(view, lang, hours=hours_word())
    title = next((value for key, value in rows if key == "title"), None) or ""
    parts = [
        f"<h2>{escape(title)}</h2>",
        f"<p style='color:palette(mid)'>{escape(format_name(credential.format))}</p>",
        "<table cellspacing='0' cellpadding='4' width='100%'>",
    ]
    for key, value in rows:
        if key == "title" or (value is None and key not in _MANDATORY):
            continue
        text = _local_date(value) if key in _DATES and value is not None else value
        shown = escape(text) if text is not None else f"<i>{escape(not_stated())}</i>"
        if key == "credential_id" and value and value.startswith(("https://", "http://")):
            shown = f"<a href='{escape(value)}'>{escape(value)}</a>"
        parts.append(
            f"<tr><td valign='top' width='38%'><b>{escape(annex_label(key))}</b></td>"
            f"<td valign='top'>{shown}</td></tr>"
        )
    parts.append("</table>")
    parts.append(f"<h3>{escape(annex_label('learning_outcomes'))}</h3>")
    if view.learning_outcomes:
        parts.append("<ul>")
        parts.extend(f"<li>{escape(o.pick(lang))}</li>" for o in view.learning_outcomes)
        parts.append("</ul>")
    else:
        parts.append(f"<p><i>{escape(not_stated())}</i></p>")
    return "\n".join(parts)
