"""A Verifiable Credential that is not about learning (a work permit, a resident card): what
it is (its types in words), who issued it, when it is valid, and every claim of its subject as
a labelled row, nested objects indented. No Annex I rows: "not stated" eight times would hide
what the credential does say."""

from __future__ import annotations

import re
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication

from ui.claim_labels import claim_label
from ui.dates_shown import birth_day_text, day_text, stored_moment_text
from ui.html_rows import ShownRows, heading_row, table_row, table_start, text_html
from wallet.formats.claims_view import ClaimRow

# The facts about the credential itself, shown above its claims when it states them.
_CREDENTIAL_ROWS = ("issuer", "issued", "valid_from", "valid_until", "description",
                    "credential_id")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


# Called by this name with literal strings, so that lupdate collects them: a wrapper taking
# the text as a variable hid them, and the Czech never reached the catalogue.
translate = QCoreApplication.translate


def generic_html(shown: ShownRows, kind: str, types: tuple[str, ...],
                 claims: tuple[ClaimRow, ...]) -> str:
    """``kind`` names the format, ``types`` are the credential's own types in words; of the
    Annex I rows only the issuer, dates, description and identifier are used."""
    by_key = {row.key: row for row in shown.rows}
    parts = [f"<h2>{escape(shown.title)}</h2>", f"<p>{escape(kind)}</p>", table_start()]
    if types:
        parts.append(table_row(translate("GenericHtml", "Kind of credential"),
                               text_html(", ".join(types))))
    for key in _CREDENTIAL_ROWS:
        row = by_key.get(key)
        if row is not None and row.value is not None:
            label = translate("GenericHtml", "Issuer") if key == "issuer" else shown.labels[key]
            parts.append(table_row(label, text_html(row.value)))
    parts.append("</table>")
    heading = translate("GenericHtml", "What the credential says about its subject")
    parts.append(f"<h3>{escape(heading)}</h3>")
    if not claims:
        nothing = translate("GenericHtml", "The credential states no claims.")
        parts.append(f"<p><i>{escape(nothing)}</i></p>")
        return "\n".join(parts)
    parts.append(table_start())
    parts.extend(_claim_row(claim) for claim in claims)
    parts.append("</table>")
    return "\n".join(parts)


def _claim_row(claim: ClaimRow) -> str:
    label = claim_label(claim)
    if claim.image is not None:
        picture = translate("GenericHtml", "a picture (%1), shown above").replace(
            "%1", claim.image.media_type)
        return table_row(label, f"<i>{escape(picture)}</i>", claim.depth)
    if claim.value is None:
        return heading_row(label, claim.depth)
    return table_row(label, text_html(_value_text(claim)), claim.depth)


def _value_text(claim: ClaimRow) -> str:
    """A claim's value, an ISO date or date-time written the interface language's way (a
    date of birth as the calendar day it means); any other text as it is."""
    value = claim.value or ""
    if _ISO_DAY.fullmatch(value):
        try:
            return day_text(date.fromisoformat(value))
        except ValueError:  # 2015-13-45: not a date after all
            return value
    if not _ISO_MOMENT.fullmatch(value):
        return value
    if claim.key == "birthDate":
        return birth_day_text(value)
    return stored_moment_text(value)
