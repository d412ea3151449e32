"""Plain-text rendering of a credential's normalised view (``kredo show``).

Labels follow the active language (:mod:`wallet.translation`): English ones are this module's
own, Czech ones are the Annex I labels the GUI and the PDF use (:mod:`wallet.share.annex_labels`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wallet.model import LangText, MicroCredentialView, Organisation
from wallet.share.annex_labels import hours_word, label
from wallet.translation import current_language


def _text(value: LangText | None, lang: str) -> str | None:
    return value.pick(lang) if value is not None else None


def _organisation(org: Organisation | None, lang: str) -> str | None:
    if org is None:
        return None
    parts = [p for p in (_text(org.name, lang), org.identifier, _text(org.country, lang)) if p]
    return ", ".join(parts) if parts else None


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return f"{value:g}"


# Annex I order. Keys are stable: the GUI and the PDF label them in the reader's language.
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


def _ui_label(key: str) -> str:
    """The label of row ``key`` (or ``hours``) in the active language."""
    if current_language() == "cs":
        return label(key, "cs")
    return ANNEX_LABELS_EN.get(key, key)


def annex_rows(
    view: MicroCredentialView, lang: str = "en", *, hours: str | None = None
) -> list[tuple[str, str | None]]:
    """(key, value) pairs in Annex I order; ``None`` where the credential lacks the element.
    Learning outcomes are not included: they are a list (``view.learning_outcomes``).
    ``lang`` is the language of the credential's own texts; ``hours`` the unit's word."""
    workload = ", ".join(
        p
        for p in (
            f"{_number(view.ects)} ECTS" if view.ects is not None else None,
            f"{_number(view.workload_hours)} "
            f"{hours or hours_word(view.workload_hours, current_language())}"
            if view.workload_hours is not None else None,
        )
        if p
    )
    level = ", ".join(
        p
        for p in (
            f"EQF {view.eqf_level}" if view.eqf_level is not None else None,
            _text(view.nqf_level, lang),
        )
        if p
    )
    return [
        ("title", _text(view.title, lang)),
        ("learner", _text(view.learner_name, lang)),
        ("learner_identifier", view.learner_identifier),
        ("awarding_body", _organisation(view.awarding_body, lang)),
        ("issuer", _organisation(view.issuer, lang)),
        ("issuer_country", _text(view.issuer_country, lang)),
        ("issued", view.issued.isoformat() if view.issued else None),
        ("valid_from", view.valid_from.isoformat() if view.valid_from else None),
        ("valid_until", view.valid_until.isoformat() if view.valid_until else None),
        ("workload", workload or None),
        ("level", level or None),
        ("assessment", _text(view.assessment, lang)),
        ("participation", _text(view.participation, lang)),
        ("quality_assurance", _text(view.quality_assurance, lang)),
        ("prerequisites", _text(view.prerequisites, lang)),
        ("supervision", _text(view.supervision, lang)),
        ("grade", _text(view.grade, lang)),
        ("integration", _text(view.integration, lang)),
        ("further_information", _text(view.further_information, lang)),
        ("description", _text(view.description, lang)),
        ("credential_id", view.credential_id),
    ]


def view_lines(view: MicroCredentialView, lang: str = "en") -> Iterator[tuple[str, str]]:
    """(label, value) pairs in Annex I order; missing elements are shown as missing."""
    for key, value in annex_rows(view, lang):
        yield _ui_label(key), value if value is not None else "—"
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
