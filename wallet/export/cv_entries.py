"""Credentials → entries of a Europass CV (what the GUI previews, what the XML and PDF show).

Each credential becomes one entry, in one of two CV sections:

- **education and training** (``EducationHistory``) when it states a level (EQF) or ECTS
  credits: a micro-credential, a course with credits;
- **certifications** (``Certifications``) otherwise: a badge, a certificate of
  participation, an authorisation.

The caller may put everything in one section instead. Only what the credential states is
used: title, awarding body and its country (as an ISO code when it can be told), the date
it was awarded (else issued), its expiry, EQF level, ECTS credits, the learning outcomes,
and the credential's id as a link when that id is a web address. Nothing is made up: an
element the credential does not state is simply absent.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from wallet.export.countries import country_code_of
from wallet.model import Credential, LangText, normalise_language


class CvSection(enum.StrEnum):
    EDUCATION = "education"
    CERTIFICATION = "certification"


class SectionChoice(enum.StrEnum):
    AUTO = "auto"  # by what the credential states (see the module docstring)
    EDUCATION = "education"
    CERTIFICATION = "certification"


@dataclass(frozen=True)
class CvEntry:
    section: CvSection
    title: str
    title_language: str | None  # ISO 639-1 of the title text, when the credential tags it
    organisation: str | None  # the awarding body (else the issuer)
    country_code: str | None  # ISO 3166-1 alpha-2, only when the credential's country maps
    country: str | None  # the country as the credential writes it
    awarded: date | None  # awarded, else issued, else valid from
    valid_from: date | None
    valid_until: date | None
    eqf_level: int | None
    ects: float | None
    workload_hours: float | None
    learning_outcomes: tuple[str, ...]
    grade: str | None
    link: str | None  # the credential id when it is an http(s) address
    format_label: str

    @property
    def description(self) -> str | None:
        """The learning outcomes, one per line: the entry's description in the CV."""
        return "\n".join(self.learning_outcomes) or None


def cv_entries(
    credentials: Iterable[Credential],
    *,
    lang: str = "en",
    section: SectionChoice = SectionChoice.AUTO,
) -> list[CvEntry]:
    """One entry per credential, texts in ``lang`` where the credential has them."""
    return [cv_entry(c, lang=lang, section=section) for c in credentials]


def cv_entry(
    credential: Credential, *, lang: str = "en", section: SectionChoice = SectionChoice.AUTO
) -> CvEntry:
    view = credential.view
    body = view.awarding_body or view.issuer
    country = (body.country if body is not None else None) or view.issuer_country
    awarded = view.awarded or view.issued or view.valid_from
    return CvEntry(
        section=_section(credential, section),
        title=_pick(view.title, lang) or credential.format.label,
        title_language=_language_of(view.title, lang),
        organisation=_pick(body.name, lang) if body is not None else None,
        country_code=country_code_of(country),
        country=_pick(country, lang),
        awarded=awarded.date() if awarded else None,
        valid_from=view.valid_from.date() if view.valid_from else None,
        valid_until=view.valid_until.date() if view.valid_until else None,
        eqf_level=view.eqf_level,
        ects=view.ects,
        workload_hours=view.workload_hours,
        learning_outcomes=tuple(o.pick(lang) for o in view.learning_outcomes),
        grade=_pick(view.grade, lang),
        link=_web_address(view.credential_id),
        format_label=credential.format.label,
    )


def _section(credential: Credential, choice: SectionChoice) -> CvSection:
    if choice is SectionChoice.EDUCATION:
        return CvSection.EDUCATION
    if choice is SectionChoice.CERTIFICATION:
        return CvSection.CERTIFICATION
    view = credential.view
    if view.eqf_level is not None or view.ects is not None:
        return CvSection.EDUCATION
    return CvSection.CERTIFICATION


def _pick(text: LangText | None, lang: str) -> str | None:
    return text.pick(lang) if text is not None else None


def _language_of(text: LangText | None, lang: str) -> str | None:
    """The language of the text ``pick`` chose, when it is tagged."""
    if text is None:
        return None
    picked = text.pick(lang)
    for code, value in text.values.items():
        if value == picked:
            return normalise_language(code) if code != "und" else None
    return None


def _web_address(identifier: str | None) -> str | None:
    if identifier and identifier.startswith(("https://", "http://")):
        return identifier
    return None
