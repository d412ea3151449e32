"""Map an ELM v3 credential (European Digital Credential) to :class:`MicroCredentialView`.

Where each Annex I element lives in ELM v3, as used by the EU samples
(``Sample-MC-Annex1-*.jsonld``, the reference for micro-credentials):

====================================  =====================================================
learner                               ``credentialSubject.fullName`` (or given + family name),
                                      ``identifier`` / ``nationalID``, ``dateOfBirth``
title, description                    credential ``title`` / ``description``, else the claim's,
                                      else its specification's, else ``displayParameter``'s
country/region of the issuer          awarding body's ``location.address.countryCode``
awarding body                         ``hasClaim.awardedBy.awardingBody`` (``issuer`` is the sealer)
date of issue                         ``issuanceDate`` / ``issued``, else ``awardingDate``,
                                      else ``validFrom``
learning outcomes                     ``hasClaim.specifiedBy.learningOutcome[*].title``
notional workload                     ``specifiedBy.creditPoint`` (ECTS framework) and
                                      ``volumeOfLearning`` / the claim's ``workload`` (hours)
level                                 ``specifiedBy.eqfLevel`` (``.../snb/eqf/6``), ``nqfLevel``
type of assessment                    ``hasClaim.provenBy.specifiedBy.dcType``
form of participation                 ``specifiedBy.mode`` (Online, Blended ...)
quality assurance                     ``accreditation`` of the specification or awarding body
prerequisites                         ``specifiedBy.entryRequirement``
supervision and identity verification ``provenBy.idVerification``
grade                                 ``provenBy.grade``
integration / stackability            ``additionalNote`` whose ``subject`` names it
further information                   other ``additionalNote``s, ``homepage``,
                                      ``supplementaryDocument``
====================================  =====================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from wallet.errors import MalformedCredential
from wallet.formats.elm_media import language_code, organisation, page_images
from wallet.formats.elm_values import (
    concept_label,
    concept_labels,
    duration_hours,
    note_text,
)
from wallet.json_values import (
    as_list,
    first,
    id_of,
    lang_text,
    merge_texts,
    parse_datetime,
    parse_number,
)
from wallet.model import LangText, MicroCredentialView, Organisation
from wallet.translation import tr

ECTS_FRAMEWORK = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
_EQF_URI = re.compile(r"/snb/eqf/([1-8])$")
_INTEGRATION_SUBJECT = re.compile(r"stackab|integrat", re.IGNORECASE)
# A date the credential may not state.
_Moment = datetime | None
# Properties whose value may be a bare id pointing at an object elsewhere in the document.
_LINKED_KEYS = (
    "hasClaim",
    "awardedBy",
    "awardingBody",
    "specifiedBy",
    "provenBy",
    "influencedBy",
    "learningOutcome",
    "accreditation",
    "accreditingAgent",
)


def view_from_elm(document: Mapping[str, Any]) -> MicroCredentialView:
    """The Annex I view of one ELM v3 credential object (the decoded payload of a sealed EDC)."""
    return _ElmReader(document).view()


class _ElmReader:
    """Reads one ELM document; resolves id references so inline and linked forms read alike."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.doc = document
        self.index: dict[str, Mapping[str, Any]] = {}
        self._collect(document)
        subject = self.obj(document.get("credentialSubject"))
        if subject is None:
            raise MalformedCredential(
                tr("The credential names no learner (it has no credentialSubject).")
            )
        self.subject = subject
        self.claim = self.obj(subject.get("hasClaim")) or {}
        self.spec = self.obj(self.claim.get("specifiedBy")) or {}
        self.assessments = self._assessments()
        awarding = self.obj(self.claim.get("awardedBy")) or {}
        self.awarding_process = awarding
        self.awarding_body_object = self.obj(awarding.get("awardingBody"))

    # --- reading helpers -------------------------------------------------------------

    def _collect(self, node: Any) -> None:
        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, Mapping):
                item_id = item.get("id")
                if isinstance(item_id, str) and len(item) > 2 and item_id not in self.index:
                    self.index[item_id] = item
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)

    def objs(self, value: Any) -> list[Mapping[str, Any]]:
        found: list[Mapping[str, Any]] = []
        for item in as_list(value):
            resolved = self.index.get(item) if isinstance(item, str) else item
            if isinstance(resolved, Mapping):
                found.append(resolved)
        return found

    def obj(self, value: Any) -> Mapping[str, Any] | None:
        items = self.objs(value)
        return items[0] if items else None

    # --- the view --------------------------------------------------------------------

    def view(self) -> MicroCredentialView:
        doc, claim, spec = self.doc, self.claim, self.spec
        awarding_body = (
            organisation(self.awarding_body_object) if self.awarding_body_object else None
        )
        issuer = organisation(self.obj(doc.get("issuer")) or first(doc.get("issuer")))
        issued, valid_from, valid_until, awarded = self._dates()
        display = self.obj(doc.get("displayParameter")) or {}
        title = self._first_text("title", display)
        return MicroCredentialView(
            learner_name=self._learner_name(),
            learner_identifier=self._learner_identifier(),
            learner_birth_date=_text_value(self.subject.get("dateOfBirth")),
            title=title,
            description=self._first_text("description", display),
            awarding_body=awarding_body,
            issuer=issuer,
            issuer_country=_country(awarding_body) or _country(issuer),
            issued=issued,
            valid_from=valid_from,
            valid_until=valid_until,
            awarded=awarded,
            learning_outcomes=self._learning_outcomes(),
            ects=self._ects(),
            workload_hours=duration_hours(spec.get("volumeOfLearning"))
            or duration_hours(claim.get("workload")),
            eqf_level=_eqf_level(spec.get("eqfLevel")),
            nqf_level=concept_labels(spec.get("nqfLevel")),
            assessment=self._assessment_type(),
            participation=self._participation(),
            quality_assurance=self._quality_assurance(),
            prerequisites=note_text(spec.get("entryRequirement")),
            supervision=merge_texts(
                concept_labels(a.get("idVerification")) for a in self.assessments
            ),
            grade=merge_texts(note_text(a.get("grade")) for a in self.assessments),
            integration=merge_texts(text for subject, text in self._notes() if subject),
            further_information=self._further_information(),
            credential_id=_text_value(doc.get("id")),
            types=tuple(t for t in as_list(doc.get("type")) if isinstance(t, str)),
            field_of_study=concept_labels(spec.get("thematicArea")),
            images=page_images(display),
            languages=self._languages(display, title),
        )

    def _first_text(self, name: str, display: Mapping[str, Any]) -> LangText | None:
        """``name`` of the credential, else of its claim, its specification, its display."""
        for source in (self.doc, self.claim, self.spec, display):
            found = lang_text(source.get(name))
            if found is not None:
                return found
        return None

    def _dates(self) -> tuple[_Moment, _Moment, _Moment, _Moment]:
        """(issued, valid from, valid until, awarded); issued falls back to the others."""
        doc = self.doc
        awarded = parse_datetime(self.awarding_process.get("awardingDate"),
                                 what=tr("awarding date"))
        valid_from = parse_datetime(doc.get("validFrom"), what=tr("valid-from date"))
        issued = (
            parse_datetime(doc.get("issuanceDate"), what=tr("issuance date"))
            or parse_datetime(doc.get("issued"), what=tr("issue date"))
            or awarded
            or valid_from
        )
        valid_until = (
            parse_datetime(doc.get("validUntil"), what=tr("valid-until date"))
            or parse_datetime(doc.get("expirationDate"), what=tr("expiry date"))
        )
        return issued, valid_from, valid_until, awarded

    def _learner_name(self) -> LangText | None:
        full = lang_text(self.subject.get("fullName"))
        if full is not None:
            return full
        given, family = (
            lang_text(self.subject.get("givenName")),
            lang_text(self.subject.get("familyName")),
        )
        return merge_texts((given, family), separator=" ")

    def _learner_identifier(self) -> str | None:
        for key in ("identifier", "nationalID"):
            for item in as_list(self.subject.get(key)):
                notation = item.get("notation") if isinstance(item, Mapping) else item
                if isinstance(notation, str) and notation.strip():
                    return notation.strip()
        subject_id = self.subject.get("id")
        # urn:epass:person:1 is only a local node name, not an identifier of the person.
        if isinstance(subject_id, str) and not subject_id.startswith("urn:epass:"):
            return subject_id
        return None

    def _assessments(self) -> list[Mapping[str, Any]]:
        if "LearningAssessment" in as_list(self.claim.get("type")):
            return [self.claim, *self.objs(self.claim.get("provenBy"))]
        return self.objs(self.claim.get("provenBy"))

    def _learning_outcomes(self) -> tuple[LangText, ...]:
        outcomes = []
        for outcome in self.objs(self.spec.get("learningOutcome")):
            text = lang_text(outcome.get("title")) or lang_text(outcome.get("description"))
            if text is not None:
                outcomes.append(text)
        return tuple(outcomes)

    def _ects(self) -> float | None:
        for credit in self.objs(self.spec.get("creditPoint")):
            framework = credit.get("framework")
            label = concept_label(framework)
            is_ects = id_of(framework) == ECTS_FRAMEWORK or (
                label is not None
                and ("ECTS" in label.pick("en") or "European Credit Transfer" in label.pick("en"))
            )
            if is_ects:
                return parse_number(credit.get("point"))
        return None

    def _assessment_type(self) -> LangText | None:
        types = []
        for assessment in self.assessments:
            spec = self.obj(assessment.get("specifiedBy")) or {}
            types.append(
                concept_labels(spec.get("dcType"))
                or lang_text(spec.get("title"))
                or lang_text(assessment.get("title"))
            )
        return merge_texts(types, separator="; ")

    def _participation(self) -> LangText | None:
        mode = concept_labels(self.spec.get("mode"))
        if mode is not None:
            return mode
        activities = (
            self.obj(a.get("specifiedBy")) or {} for a in self.objs(self.claim.get("influencedBy"))
        )
        return merge_texts((concept_labels(a.get("mode")) for a in activities), separator=", ")

    def _quality_assurance(self) -> LangText | None:
        sources = [self.spec, self.awarding_body_object or {}]
        texts = []
        for accreditation in (
            a for source in sources for a in self.objs(source.get("accreditation"))
        ):
            what = lang_text(accreditation.get("title")) or concept_labels(
                accreditation.get("dcType")
            )
            agent = organisation(self.obj(accreditation.get("accreditingAgent")))
            by = agent.name if agent is not None else None
            texts.append(merge_texts((what, by), separator=" — "))
        return merge_texts(texts)

    def _notes(self) -> Iterator[tuple[bool, LangText]]:
        """Every additionalNote of credential, claim and specification: (is stackability, text)."""
        for source in (self.doc, self.claim, self.spec):
            for note in self.objs(source.get("additionalNote")):
                text = note_text(note)
                if text is None:
                    continue
                subject = concept_label(note.get("subject"))
                about_integration = subject is not None and any(
                    _INTEGRATION_SUBJECT.search(s) for s in subject.values.values()
                )
                yield about_integration, text

    def _further_information(self) -> LangText | None:
        notes = merge_texts(text for subject, text in self._notes() if not subject)
        lines: list[str] = []
        for source in (self.claim, self.spec):
            for page in self.objs(source.get("homepage")):
                url = page.get("contentURL")
                if isinstance(url, str) and url not in lines:
                    lines.append(url)
        documents = []
        for document in self.objs(self.spec.get("supplementaryDocument")):
            url = document.get("contentURL")
            if not isinstance(url, str):
                continue
            name = lang_text(document.get("title"))
            documents.append(
                LangText({lang: f"{text}: {url}" for lang, text in name.values.items()})
                if name
                else LangText.plain(url)
            )
        return _with_lines(merge_texts((notes, merge_texts(documents))), lines)

    def _languages(self, display: Mapping[str, Any], title: LangText | None) -> tuple[str, ...]:
        codes = [language_code(c) for c in as_list(display.get("language"))]
        if not any(codes):
            codes = [language_code(display.get("primaryLanguage"))]
        found = tuple(dict.fromkeys(c for c in codes if c))
        return found or (title.languages if title else ())


def _with_lines(text: LangText | None, lines: list[str]) -> LangText | None:
    """Append language-neutral lines (URLs) to every language of ``text``."""
    if not lines:
        return text
    if text is None:
        return LangText.plain("\n".join(lines))
    return LangText({lang: "\n".join([value, *lines]) for lang, value in text.values.items()})


def _country(org: Organisation | None) -> LangText | None:
    return org.country if org is not None else None


def _eqf_level(value: Any) -> int | None:
    identifier = id_of(first(value))
    match = _EQF_URI.search(identifier) if identifier else None
    return int(match.group(1)) if match else None


def _text_value(value: Any) -> str | None:
    value = first(value)
    return value.strip() if isinstance(value, str) and value.strip() else None
