"""Plain-text rendering of a credential's normalised view (``kredo show``).

The rows are :func:`wallet.share.annex_rows.annex_rows`, written the terminal's way: ISO
dates, an organisation on one line. Labels follow the active language
(:mod:`wallet.translation`): English ones are this module's own, Czech ones are the Annex I
labels the GUI and the PDF use (:mod:`wallet.share.annex_labels`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from wallet.model import MicroCredentialView, Organisation
from wallet.share.annex_labels import hours_word, label
from wallet.share.annex_rows import RowStyle, annex_rows
from wallet.translation import current_language

# The terminal's English labels, by row key (learning outcomes are listed one by one).
ANNEX_LABELS_EN: dict[str, str] = {
    "title": "Title",
    "learner": "Learner",
    "learner_identifier": "Learner identifier",
    "awarding_body": "Awarding body",
    "issuer": "Issuer (signed by)",
    "issuer_country": "Country of the issuer",
    "issued": "Date of issue",
    "valid_from": "Valid from",
    "valid_until": "Valid until",
    "workload": "Notional workload",
    "level": "Level",
    "assessment": "Type of assessment",
    "participation": "Form of participation",
    "quality_assurance": "Quality assurance",
    "prerequisites": "Prerequisites",
    "supervision": "Supervision and identity verification",
    "grade": "Grade",
    "integration": "Integration and stackability",
    "further_information": "Further information",
    "description": "Description",
    "credential_id": "Credential id",
    "learning_outcomes": "Learning outcomes",
}


def _iso_date(value: datetime, lang: str) -> str:
    return value.isoformat()


def _plain_number(value: float, lang: str) -> str:
    return f"{value:g}"


def _hours_in_active_language(value: float, lang: str) -> str:
    # ``lang`` is the credential's language; the unit is the terminal's.
    return hours_word(value, current_language())


def _organisation_line(org: Organisation, lang: str) -> str | None:
    name = org.name.pick(lang) if org.name else None
    country = org.country.pick(lang) if org.country else None
    parts = [p for p in (name, org.identifier, country) if p]
    return ", ".join(parts) if parts else None


TERMINAL = RowStyle(
    date=_iso_date,
    number=_plain_number,
    hours=_hours_in_active_language,
    organisation=_organisation_line,
)


def _ui_label(key: str) -> str:
    """The label of row ``key`` in the active language."""
    if current_language() == "cs":
        return label(key, "cs")
    return ANNEX_LABELS_EN.get(key, key)


def view_lines(view: MicroCredentialView, lang: str = "en") -> Iterator[tuple[str, str]]:
    """(label, value) pairs in Annex I order; missing elements are shown as missing."""
    for row in annex_rows(view, lang, TERMINAL):
        if row.key in ANNEX_LABELS_EN and row.key != "learning_outcomes":
            yield _ui_label(row.key), row.value_or("—")
    yield (
        _ui_label("learning_outcomes"),
        str(len(view.learning_outcomes)) if view.learning_outcomes else "—",
    )
    for number, outcome in enumerate(view.learning_outcomes, start=1):
        yield f"  {number}.", outcome.pick(lang)


def render_view(view: MicroCredentialView, lang: str = "en") -> str:
    pairs = list(view_lines(view, lang))
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in pairs)
