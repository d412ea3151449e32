"""A credential's view as labelled rows in Annex I order: the one row builder of every face.

The terminal (``kredo show``, :mod:`wallet.share.view_text`), the GUI and the PDF all take
their rows from :func:`annex_rows`, so the order, the keys and how several fields fold into
one row (ECTS and hours in ``workload``, EQF and NQF in ``level``) are decided once. What
differs is only how a row is written (:class:`RowStyle`): a document writes dates and numbers
the reader's way and an organisation on several lines, the terminal writes ISO dates and an
organisation on one line.

A document row also carries its label in cs or en; after the learner comes the learner's date
of birth (Annex I counts it as learner identification), the learning outcomes are a numbered
list, and a few facts follow at the end (awarding date, field of study, languages). Every row
is listed, present or not: a missing element reads "not stated" rather than disappearing, so
a reader sees what the issuer left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from wallet.dates import birth_date
from wallet.model import LangText, MicroCredentialView, Organisation
from wallet.share.annex_labels import ANNEX_I_LABELS, hours_word, ui_language

# Annex I order. Keys are stable: every face labels them in the reader's language.
ANNEX_ORDER = (
    "title",
    "learner",
    "learner_identifier",
    "awarding_body",
    "issuer",
    "issuer_country",
    "issued",
    "valid_from",
    "valid_until",
    "workload",
    "level",
    "assessment",
    "participation",
    "quality_assurance",
    "prerequisites",
    "supervision",
    "grade",
    "integration",
    "further_information",
    "description",
    "credential_id",
    "learning_outcomes",
)
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
    """The row keys, with the birth date after the learner and the extras at the end."""
    keys: list[str] = []
    for key in ANNEX_ORDER:
        keys.append(key)
        if key == "learner":
            keys.append("learner_birth_date")
    return (*keys, *EXTRA_KEYS)


@dataclass(frozen=True)
class RowStyle:
    """How rows write what the credential does not hold as text, for a language ``lang``."""

    date: Callable[[datetime, str], str]
    number: Callable[[float, str], str]
    hours: Callable[[float, str], str]  # the unit after a number of hours
    organisation: Callable[[Organisation, str], str | None]


@dataclass(frozen=True)
class AnnexRow:
    key: str
    label: str
    value: str | None  # None when the credential does not state it
    mandatory: bool

    def value_or(self, placeholder: str) -> str:
        return self.value if self.value is not None else placeholder


def annex_rows(
    view: MicroCredentialView, lang: str, style: RowStyle | None = None
) -> list[AnnexRow]:
    """One row per key of :func:`row_order`, texts picked and written for ``lang``.

    ``style`` says how dates, numbers and organisations are written (a document's, by default).
    """
    writing = style or DOCUMENT
    return [
        AnnexRow(
            key=key,
            label=ANNEX_I_LABELS[key].text(lang),
            value=_value(view, key, lang, writing),
            mandatory=key in MANDATORY_KEYS,
        )
        for key in row_order()
    ]


def _value(view: MicroCredentialView, key: str, lang: str, style: RowStyle) -> str | None:
    folded = _FOLDED.get(key)
    if folded is not None:
        return folded(view, lang, style)
    value = getattr(view, key)
    if isinstance(value, LangText):
        return value.pick(lang)
    if isinstance(value, Organisation):
        return style.organisation(value, lang)
    if isinstance(value, datetime):
        return style.date(value, lang)
    return str(value) if value is not None else None


def _workload(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    hours = view.workload_hours
    return _joined(
        f"{style.number(view.ects, lang)} ECTS" if view.ects is not None else None,
        f"{style.number(hours, lang)} {style.hours(hours, lang)}" if hours is not None else None,
    )


def _level(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    return _joined(
        f"EQF {view.eqf_level}" if view.eqf_level is not None else None,
        _text(view.nqf_level, lang),
    )


def _learning_outcomes(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    outcomes = [o.pick(lang) for o in view.learning_outcomes]
    return "\n".join(f"{n}. {t}" for n, t in enumerate(outcomes, start=1)) or None


def _learner(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    return _text(view.learner_name, lang)


def _birth_date(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    return _calendar_date(view.learner_birth_date, lang) if view.learner_birth_date else None


def _languages(view: MicroCredentialView, lang: str, style: RowStyle) -> str | None:
    return ", ".join(view.languages) or None


# Rows that are not one field of the view as it is.
_FOLDED: dict[str, Callable[[MicroCredentialView, str, RowStyle], str | None]] = {
    "learner": _learner,
    "learner_birth_date": _birth_date,
    "workload": _workload,
    "level": _level,
    "learning_outcomes": _learning_outcomes,
    "languages": _languages,
}


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
    """A date of birth as a calendar date (``wallet.dates.birth_date``: ``1999-10-01T22:00:00Z``
    is 2 October); text that is no ISO date as it is."""
    day = birth_date(text)
    return format_date(datetime(day.year, day.month, day.day), lang) if day is not None else text


def format_date(value: datetime, lang: str) -> str:
    """A calendar date as a reader of ``lang`` writes it: ``20. 6. 2025`` in Czech, the
    unambiguous ``20 June 2025`` in English (a numeric date is read month-first by some
    readers and day-first by others)."""
    if ui_language(lang) == "cs":
        return f"{value.day}. {value.month}. {value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_number(value: float, lang: str) -> str:
    """``4.0`` → ``4``; ``2.5`` → ``2.5`` (``2,5`` in Czech)."""
    text = f"{value:g}"
    return text.replace(".", ",") if ui_language(lang) == "cs" else text


# A printed document's way: dates and numbers as a reader of ``lang`` writes them.
DOCUMENT = RowStyle(
    date=format_date, number=format_number, hours=hours_word, organisation=organisation_text
)
