"""The EBSI ``VerifiableDiploma`` (Europass diploma schema, 2020–2022) read for the view.

Its subject keeps the diploma's facts in places no other VC uses: the title and description
in ``learningAchievement``, the credits and levels in ``learningSpecification``, the awarding
body in ``awardingOpportunity.awardingBody`` (``preferredName``), and the learner's given
names in ``givenNames``. :func:`diploma_parts` reads them so that the VC mapping shows the
diploma's title, the learner's full name and its ECTS credits instead of leaving them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wallet.formats.vc_view_values import level_from_code
from wallet.json_values import first_object, lang_text, parse_number, plain_string
from wallet.model import LangText, Organisation


@dataclass(frozen=True)
class DiplomaParts:
    """What an EBSI diploma subject says; each ``None`` when it does not say it."""

    title: LangText | None = None
    description: LangText | None = None
    learner_name: LangText | None = None
    birth_date: str | None = None
    awarding_body: Organisation | None = None
    ects: float | None = None
    eqf_level: int | None = None
    nqf_level: LangText | None = None


def diploma_parts(subject: dict[str, Any], *, language: str | None) -> DiplomaParts:
    achievement = first_object(subject.get("learningAchievement")) or {}
    specification = first_object(subject.get("learningSpecification")) or {}
    opportunity = first_object(subject.get("awardingOpportunity")) or {}
    nqf = plain_string(specification.get("nqfLevel"))
    return DiplomaParts(
        title=lang_text(achievement.get("title"), language=language),
        description=lang_text(achievement.get("description"), language=language),
        learner_name=_full_name(subject),
        birth_date=plain_string(subject.get("dateOfBirth")),
        awarding_body=_awarding_body(opportunity.get("awardingBody"), language),
        ects=parse_number(specification.get("ectsCreditPoints")),
        eqf_level=level_from_code(specification.get("eqfLevel")),
        nqf_level=LangText.plain(f"NQF {nqf}") if nqf else None,
    )


def _full_name(subject: dict[str, Any]) -> LangText | None:
    parts = [plain_string(subject.get(k)) for k in ("givenNames", "familyName")]
    if parts[0] is None:  # a subject with only a family name is read by the VC mapping
        return None
    return LangText.plain(" ".join(p for p in parts if p))


def _awarding_body(value: Any, language: str | None) -> Organisation | None:
    body = first_object(value)
    if body is None:
        return None
    name = lang_text(body.get("preferredName"), language=language) or lang_text(
        body.get("legalName"), language=language)
    legal = plain_string(body.get("eidasLegalIdentifier"))
    registration = plain_string(body.get("registration"))
    organisation = Organisation(
        name=name,
        identifier=plain_string(body.get("id")),
        legal_identifiers=tuple(i for i in (registration, legal) if i and i != "Unknown"),
        homepage=plain_string(body.get("homepage")),
    )
    return None if organisation == Organisation() else organisation
