"""A credential's view as labelled rows, in the reader's language, for documents.

The order and the keys are those of ``wallet.share.view_text.annex_rows`` (one ordering for the
CLI, the GUI and the PDF). This module adds what a printed document needs on top: labels
in cs or en, dates and numbers written the reader's way, the learner's date of birth right
after the name (Annex I counts it as learner identification), the learning outcomes as a
numbered list, and a few facts the plain rows leave out (awarding date, field of study,
languages). Every row is listed, present or not: a missing element reads "not stated"
rather than disappearing, so a reader sees what the issuer left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wallet.model import LangText, MicroCredentialView, Organisation
from wallet.share.annex_labels import ANNEX_I_LABELS, hours_word, ui_language
from wallet.share.view_text import ANNEX_LABELS_EN

# Annex I, part 1: the elements every micro-credential must state.
MANDATORY_KEYS = frozenset(
    {
        "learner",
        "title",
        "issuer_country",
        "awarding_body",
        "issued",
        "learning_outcomes",
        "workload",
        "level",
        "assessment",
        "participation",
        "quality_assurance",
    }
)
EXTRA_KEYS = ("awarded", "field_of_study", "languages")


def row_order() -> tuple[str, ...]:
    """The shared row keys, with the birth date after the learner and the extras at the end."""
    keys: list[str] = []
    for key in ANNEX_LABELS_EN:
        keys.append(key)
        if key == "learner":
            keys.append("learner_birth_date")
    return (*keys, *EXTRA_KEYS)


@dataclass(frozen=True)
class AnnexRow:
    key: str
    label: str
    value: str | None  # None when the credential does not state it
    mandatory: bool

    def value_or(self, placeholder: str) -> str:
        return self.value if self.value is not None else placeholder


def annex_rows(view: MicroCredentialView, lang: str) -> list[AnnexRow]:
    """One row per key of :func:`row_order`, texts picked and written for ``lang``."""
    return [
        AnnexRow(
            key=key,
            label=ANNEX_I_LABELS[key].text(lang),
            value=_value(view, key, lang),
            mandatory=key in MANDATORY_KEYS,
        )
        for key in row_order()
    ]


def _value(view: MicroCredentialView, key: str, lang: str) -> str | None:
    if key == "learner":
        return _text(view.learner_name, lang)
    if key == "learner_birth_date":
        return _calendar_date(view.learner_birth_date, lang) if view.learner_birth_date else None
    if key == "workload":
        return _joined(
            f"{format_number(view.ects, lang)} ECTS" if view.ects is not None else None,
            f"{format_number(view.workload_hours, lang)} {hours_word(view.workload_hours, lang)}"
            if view.workload_hours is not None
            else None,
        )
    if key == "level":
        return _joined(
            f"EQF {view.eqf_level}" if view.eqf_level is not None else None,
            _text(view.nqf_level, lang),
        )
    if key == "learning_outcomes":
        outcomes = [o.pick(lang) for o in view.learning_outcomes]
        return "\n".join(f"{n}. {t}" for n, t in enumerate(outcomes, start=1)) or None
    if key == "languages":
        return ", ".join(view.languages) or None
    value = getattr(view, key)
    if isinstance(value, LangText):
        return value.pick(lang)
    if isinstance(value, Organisation):
        return organisation_text(value, lang)
    if isinstance(value, datetime):
        return format_date(value, lang)
    return str(value) if value is not None else None


def _text(value: LangText | None, lang: str) -> str | None:
    return value.pick(lang) if value is not None else None


def _joined(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None


def organisation_text(org: Organisation, lang: str) -> str | None:
    """Name, then identifier, country, web and e-mail, each on its own line."""
    parts = [
        org.name.pick(lang) if org.name else None,
        org.identifier,
        org.country.pick(lang) if org.country else None,
        org.homepage,
        org.email,
    ]
    lines = [p for p in parts if p]
    return "\n".join(lines) if lines else None


def _calendar_date(text: str, lang: str) -> str:
    """``1998-03-14T00:00:00Z`` → the date; a time of day other than midnight is kept, since
    dropping it could move the date by a day."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0):
        return text
    return format_date(parsed, lang)


def format_date(value: datetime, lang: str) -> str:
    """A calendar date as a reader of ``lang`` writes it: ``2025-06-20`` / ``20. 6. 2025``."""
    if ui_language(lang) == "cs":
        return f"{value.day}. {value.month}. {value.year}"
    return value.date().isoformat()


def format_number(value: float, lang: str) -> str:
    """``4.0`` → ``4``; ``2.5`` → ``2.5`` (``2,5`` in Czech)."""
    text = f"{value:g}"
    return text.replace(".", ",") if ui_language(lang) == "cs" else text
