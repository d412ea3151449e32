"""W3C VC 1.1 / 2.0 and Open Badges 3.0 → :class:`MicroCredentialView`.

One mapping for every VC envelope (JSON-LD with a proof, VC-JWT, OB 3.0 JWT): the envelope
modules hand over the credential object, this module reads the Annex I elements it carries.

Where OB 3.0 has a home for an element it is used (``achievement.creditsAvailable`` for ECTS,
``alignment`` for EQF, ``resultDescription``/``result`` for a grade); ``achievement.criteria``
says what the learner had to do to earn the badge, so it is shown as the type of assessment
when the badge names none (``assessmentType``, as edubadges' micro-credential profile does).
An alignment to a quality-assurance decision (``targetType`` ``ext:QualityAssurance``) is the
quality assurance, not a learning outcome; edubadges write ECTS as ``achievement.ECTS`` or in
their ECTS / study-load extensions. An EBSI ``VerifiableDiploma`` keeps its facts elsewhere
(:mod:`wallet.formats.ebsi_diploma`).
"""

from __future__ import annotations

from typing import Any

from wallet.formats.ebsi_diploma import DiplomaParts, diploma_parts
from wallet.formats.vc_view_values import image_from, languages_of, level_from_code
from wallet.json_values import (
    as_list,
    first_object,
    lang_text,
    parse_datetime,
    parse_number,
    plain_string,
)
from wallet.model import Image, LangText, MicroCredentialView, Organisation

_ECTS_WORDS = ("ects", "european credit transfer")
_EQF_WORDS = ("eqf", "european qualifications framework", "data.europa.eu/snb/eqf")
_QUALITY_WORDS = ("qualityassurance", "quality assurance", "quality-assurance")
# edubadges' extensions: {"extensions:ECTSExtension": {"ECTS": 3}}, study load in hours.
_ECTS_EXTENSION = "extensions:ECTSExtension"
_STUDY_LOAD_EXTENSION = "extensions:StudyLoadExtension"


def view_from_vc(doc: dict[str, Any]) -> MicroCredentialView:
    """Map a VC / OB 3.0 credential object; missing elements stay ``None``."""
    language = plain_string(doc.get("inLanguage"))
    subject = first_object(doc.get("credentialSubject")) or {}
    achievement = first_object(subject.get("achievement")) or {}
    language = language or plain_string(achievement.get("inLanguage"))
    diploma = diploma_parts(subject, language=language)

    def text(value: Any) -> LangText | None:
        return lang_text(value, language=language)

    title = text(doc.get("name")) or text(achievement.get("name")) or diploma.title
    description = (text(doc.get("description")) or text(achievement.get("description"))
                   or diploma.description)
    issuer = organisation_from(doc.get("issuer"), language=language)
    creator = organisation_from(achievement.get("creator"), language=language)
    criteria = first_object(achievement.get("criteria")) or {}
    alignments = [a for a in as_list(achievement.get("alignment")) if isinstance(a, dict)]

    images = tuple(
        image for image in (image_from(achievement.get("image")), image_from(doc.get("image")))
        if image is not None
    )
    learner_name = text(subject.get("name")) or diploma.learner_name or _person_name(subject)
    outcomes = tuple(
        t for t in (text(a.get("targetName")) for a in alignments if is_outcome_alignment(a))
        if t is not None
    )
    valid_from = parse_datetime(doc.get("validFrom"))
    issued = (valid_from or parse_datetime(doc.get("issuanceDate"))
              or parse_datetime(doc.get("issued")) or parse_datetime(subject.get("awardedDate")))
    view_texts: list[LangText | None] = [title, description, learner_name, *outcomes]
    return MicroCredentialView(
        learner_name=learner_name,
        learner_identifier=_learner_identifier(subject),
        learner_birth_date=plain_string(subject.get("birthDate")) or diploma.birth_date,
        title=title,
        description=description,
        awarding_body=creator or diploma.awarding_body or issuer,
        issuer=issuer,
        issuer_country=issuer.country if issuer is not None else None,
        issued=issued,
        valid_from=valid_from or parse_datetime(doc.get("issuanceDate")),
        valid_until=parse_datetime(doc.get("validUntil"))
        or parse_datetime(doc.get("expirationDate")),
        awarded=parse_datetime(subject.get("awardedDate")),
        learning_outcomes=outcomes,
        ects=_ects(subject, achievement, alignments, diploma),
        workload_hours=_study_load(achievement),
        eqf_level=eqf_level_from_alignments(alignments) or diploma.eqf_level,
        nqf_level=diploma.nqf_level,
        assessment=text(achievement.get("assessmentType")) or text(criteria.get("narrative")),
        participation=text(achievement.get("participationType")),
        quality_assurance=quality_assurance_text(alignments, language),
        supervision=text(achievement.get("supervisionType")),
        grade=_grade(subject, achievement, language),
        credential_id=plain_string(doc.get("id")),
        types=tuple(t for t in as_list(doc.get("type")) if isinstance(t, str)),
        field_of_study=text(achievement.get("fieldOfStudy")),
        images=images,
        languages=tuple(sorted({*languages_of(view_texts), *_short_languages(language)})),
    )


def organisation_from(value: Any, *, language: str | None = None) -> Organisation | None:
    """An issuer given as a URL/DID string or as a ``Profile`` object."""
    if isinstance(value, str):
        return Organisation(identifier=value) if value.strip() else None
    obj = first_object(value)
    if obj is None:
        return None
    address = first_object(obj.get("address")) or {}
    country = lang_text(address.get("addressCountry"), language=language) or (
        LangText.plain(code) if (code := plain_string(address.get("addressCountryCode"))) else None
    )
    logo = image_from(obj.get("image"), role="logo")
    org = Organisation(
        name=lang_text(obj.get("name"), language=language),
        identifier=plain_string(obj.get("id")),
        legal_identifiers=_other_identifiers(obj),
        country=country,
        homepage=plain_string(obj.get("url")),
        email=plain_string(obj.get("email")),
        logo=logo,
    )
    return None if org == Organisation() else org


def _other_identifiers(obj: dict[str, Any]) -> tuple[str, ...]:
    found = (plain_string(i.get("identifier")) for i in as_list(obj.get("otherIdentifier"))
             if isinstance(i, dict))
    return tuple(v for v in found if v is not None)


def _person_name(subject: dict[str, Any]) -> LangText | None:
    parts = [plain_string(subject.get(k)) for k in ("givenName", "additionalName", "familyName")]
    joined = " ".join(p for p in parts if p)
    return LangText.plain(joined) if joined else None


def _learner_identifier(subject: dict[str, Any]) -> str | None:
    # OB 3.0 IdentityObject: show the identity only when it is not a salted hash.
    for identity in as_list(subject.get("identifier")):
        if isinstance(identity, dict) and identity.get("hashed") is False:
            value = plain_string(identity.get("identityHash"))
            if value:
                return value
    return plain_string(subject.get("id"))


def is_level_alignment(alignment: dict[str, Any]) -> bool:
    return _mentions(alignment, _EQF_WORDS) or _mentions(alignment, _ECTS_WORDS)


def is_quality_alignment(alignment: dict[str, Any]) -> bool:
    """An alignment to a quality-assurance decision (edubadges: ``ext:QualityAssurance``)."""
    kind = (plain_string(alignment.get("targetType")) or "").lower()
    return any(word in kind for word in _QUALITY_WORDS)


def is_outcome_alignment(alignment: dict[str, Any]) -> bool:
    """An alignment that names what was learnt: neither a level nor a quality decision."""
    return not is_level_alignment(alignment) and not is_quality_alignment(alignment)


def quality_assurance_text(
    alignments: list[dict[str, Any]], language: str | None
) -> LangText | None:
    """The quality-assurance alignments (an accreditation decision) as lines of text."""
    lines: list[str] = []
    for alignment in alignments:
        if not is_quality_alignment(alignment):
            continue
        name = plain_string(alignment.get("targetName"))
        code = plain_string(alignment.get("targetCode"))
        described = plain_string(alignment.get("targetDescription"))
        head = f"{name} ({code})" if name and code else (name or code)
        lines.extend(line for line in (head, described) if line)
    return lang_text("\n".join(lines), language=language) if lines else None


def _mentions(alignment: dict[str, Any], words: tuple[str, ...]) -> bool:
    fields = ("targetFramework", "targetCode", "targetUrl", "targetName", "targetType")
    haystack = " ".join(s.lower() for s in (plain_string(alignment.get(k)) for k in fields) if s)
    return any(word in haystack for word in words)


def eqf_level_from_alignments(alignments: list[dict[str, Any]]) -> int | None:
    for alignment in alignments:
        if _mentions(alignment, _EQF_WORDS):
            level = level_from_code(alignment.get("targetCode")) or level_from_code(
                alignment.get("targetUrl")) or level_from_code(alignment.get("targetName"))
            if level is not None:
                return level
    return None


def _ects(subject: dict[str, Any], achievement: dict[str, Any],
          alignments: list[dict[str, Any]], diploma: DiplomaParts) -> float | None:
    extension = first_object(achievement.get(_ECTS_EXTENSION)) or {}
    for value in (subject.get("creditsEarned"), achievement.get("creditsAvailable"),
                  achievement.get("ECTS"), extension.get("ECTS"), diploma.ects):
        number = parse_number(value)
        if number is not None:
            return number
    for alignment in alignments:
        if _mentions(alignment, _ECTS_WORDS) and not _mentions(alignment, _EQF_WORDS):
            number = parse_number(alignment.get("targetCode"))
            if number is not None:
                return number
    return None


def _study_load(achievement: dict[str, Any]) -> float | None:
    """Hours of study from edubadges' study-load extension (``StudyLoad``)."""
    extension = first_object(achievement.get(_STUDY_LOAD_EXTENSION)) or {}
    return parse_number(extension.get("StudyLoad"))


def _grade(subject: dict[str, Any], achievement: dict[str, Any],
           language: str | None) -> LangText | None:
    """OB 3.0 ``result`` values, labelled by their ``resultDescription`` when one matches."""
    descriptions = {
        d.get("id"): plain_string(d.get("name"))
        for d in as_list(achievement.get("resultDescription")) if isinstance(d, dict)
    }
    lines: list[str] = []
    for result in as_list(subject.get("result")):
        if not isinstance(result, dict):
            continue
        value = plain_string(result.get("value")) or plain_string(result.get("achievedLevel"))
        if value is None:
            continue
        label = descriptions.get(result.get("resultDescription"))
        lines.append(f"{label}: {value}" if label else value)
    if lines:
        return lang_text("\n".join(lines), language=language)
    return None


def _short_languages(language: str | None) -> tuple[str, ...]:
    if language is None:
        return ()
    tagged = lang_text("x", language=language)
    return tagged.languages if tagged is not None else ()


def badge_images(view_images: tuple[Image, ...], extra: Image | None) -> tuple[Image, ...]:
    """The view's images with a container's image (a baked badge) in front."""
    return (extra, *view_images) if extra is not None else view_images
