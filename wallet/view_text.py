"""Plain-text rendering of a credential's normalised view (``kredo show``)."""

from __future__ import annotations

from collections.abc import Iterator

from wallet.model import LangText, MicroCredentialView, Organisation


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


def view_lines(view: MicroCredentialView, lang: str = "en") -> Iterator[tuple[str, str]]:
    """(label, value) pairs in Annex I order; missing elements are shown as missing."""
    workload = ", ".join(
        p
        for p in (
            f"{_number(view.ects)} ECTS" if view.ects is not None else None,
            f"{_number(view.workload_hours)} hours" if view.workload_hours is not None else None,
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
    rows: list[tuple[str, str | None]] = [
        ("Title", _text(view.title, lang)),
        ("Learner", _text(view.learner_name, lang)),
        ("Learner identifier", view.learner_identifier),
        ("Awarding body", _organisation(view.awarding_body, lang)),
        ("Issuer (signed by)", _organisation(view.issuer, lang)),
        ("Country of the issuer", _text(view.issuer_country, lang)),
        ("Date of issue", view.issued.isoformat() if view.issued else None),
        ("Valid from", view.valid_from.isoformat() if view.valid_from else None),
        ("Valid until", view.valid_until.isoformat() if view.valid_until else None),
        ("Notional workload", workload or None),
        ("Level", level or None),
        ("Type of assessment", _text(view.assessment, lang)),
        ("Form of participation", _text(view.participation, lang)),
        ("Quality assurance", _text(view.quality_assurance, lang)),
        ("Prerequisites", _text(view.prerequisites, lang)),
        ("Supervision and identity verification", _text(view.supervision, lang)),
        ("Grade", _text(view.grade, lang)),
        ("Integration and stackability", _text(view.integration, lang)),
        ("Further information", _text(view.further_information, lang)),
        ("Description", _text(view.description, lang)),
        ("Credential id", view.credential_id),
    ]
    for label, value in rows:
        yield label, value if value is not None else "—"
    yield "Learning outcomes", str(len(view.learning_outcomes)) if view.learning_outcomes else "—"
    for number, outcome in enumerate(view.learning_outcomes, start=1):
        yield f"  {number}.", outcome.pick(lang)


def render_view(view: MicroCredentialView, lang: str = "en") -> str:
    pairs = list(view_lines(view, lang))
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in pairs)
