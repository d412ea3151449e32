"""CV entries → a Europass CV XML document (``Candidate``, "Europass2", HR-XML 3 / OAGIS / EURES).

Modelled on the European Commission's sample ``CandidateSample1`` (EURES conformant,
mandatory elements) and the element documentation of the Europass XML schema (DG EMPL 2020,
as published in the europass-unofficial/europass-schema-docs repository). Sections used:

- 3.1 Candidate: ``hr:DocumentID`` (a UUID), ``CandidateSupplier``, ``CandidatePerson``,
  ``CandidateProfile``; attributes ``majorVersionID="3" minorVersionID="2"`` (BR-COM-56/57).
- 3.3 CandidateSupplier: the learner supplies their own CV (``hr:PartyID`` UUID,
  ``hr:PartyName``, ``PersonContact``, ``hr:PrecedenceCode`` 1).
- 3.5/3.6 CandidatePerson, PersonName: ``oa:GivenName``, ``hr:FamilyName``; an e-mail
  ``Communication`` (``ChannelCode`` Email + ``oa:URI``, BR-CV-31) only when given.
- 3.9 CandidateProfile (``languageCode``): ``EducationHistory`` before ``Certifications``.
- 3.11 EducationOrganizationAttendance: ``hr:OrganizationName``, ``OrganizationContact``
  (country code only, BR-COM-12), ``hr:ProgramName``, ``EducationLevelCode`` (EQF, with the
  list attributes of BR-COM-55, written as in the sample), ``EducationDegree``
  (``hr:DegreeName``, ``eures:DegreeDate``, ``OccupationalSkillsCovered`` = the learning
  outcomes, ``CreditType``/``NumberOfCredit`` = ECTS, ``validUntil``), ``Link``.
  No ``AttendancePeriod``: credentials state when a credential was awarded, not when the
  learning took place, and the date is not made up.
- 3.16 Certification: ``hr:CertificationName``, ``FirstIssuedDate``,
  ``FreeFormEffectivePeriod`` (when the credential expires), ``IssuingAuthority/Name``,
  ``oa:Description`` (learning outcomes, level and credits), ``Link``.

Every value goes through lxml, so ``<``, ``&`` and quotes are escaped; characters XML 1.0
cannot carry (control characters, lone surrogates) are dropped.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date

from lxml import etree

from wallet.errors import ExportError
from wallet.export.cv_entries import CvEntry, CvSection
from wallet.export.cv_person import CvPerson
from wallet.share.annex_labels import ui_language
from wallet.translation import tr, tr_n

EUROPASS_NS = "http://www.europass.eu/1.0"
HR_NS = "http://www.hr-xml.org/3"
OA_NS = "http://www.openapplications.org/oagis/9"
EURES_NS = "http://www.europass_eures.eu/1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {None: EUROPASS_NS, "hr": HR_NS, "eures": EURES_NS, "oa": OA_NS, "xsi": XSI_NS}

EQF_LIST = {
    "listName": "EURES_EQF",
    "listURI": "http://ec.europa.eu/esco/ConceptScheme/EQF2012/ConceptScheme",
    "listVersionID": "2008/C11/01",
}
MAX_ENTRIES = 500

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def ep(name: str) -> str:
    return f"{{{EUROPASS_NS}}}{name}"


def hr(name: str) -> str:
    return f"{{{HR_NS}}}{name}"


def oa(name: str) -> str:
    return f"{{{OA_NS}}}{name}"


def eures(name: str) -> str:
    return f"{{{EURES_NS}}}{name}"


def europass_cv_xml(
    entries: Sequence[CvEntry],
    person: CvPerson,
    *,
    lang: str = "en",
    document_id: str | None = None,
    party_id: str | None = None,
) -> bytes:
    """The UTF-8 XML document; ``document_id``/``party_id`` default to fresh UUIDs."""
    if not entries:
        raise ExportError(tr("Choose at least one credential for the CV."))
    if len(entries) > MAX_ENTRIES:
        raise ExportError(
            tr_n(
                "A CV can hold at most {n} credential.",
                "A CV can hold at most {n} credentials.",
                MAX_ENTRIES,
            )
        )
    root = etree.Element(ep("Candidate"), nsmap=NSMAP)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{EUROPASS_NS} Candidate.xsd")
    root.set("majorVersionID", "3")
    root.set("minorVersionID", "2")
    _text(root, hr("DocumentID"), document_id or str(uuid.uuid4()), schemeName="DocumentIdentifier")
    _supplier(root, person, party_id or str(uuid.uuid4()))
    candidate_person = etree.SubElement(root, ep("CandidatePerson"))
    _person_name(candidate_person, person)
    _email(candidate_person, person)
    profile = etree.SubElement(root, ep("CandidateProfile"), languageCode=ui_language(lang))
    education = [e for e in entries if e.section is CvSection.EDUCATION]
    certifications = [e for e in entries if e.section is CvSection.CERTIFICATION]
    if education:
        history = etree.SubElement(profile, ep("EducationHistory"))
        for entry in education:
            _attendance(history, entry)
    if certifications:
        block = etree.SubElement(profile, ep("Certifications"))
        for entry in certifications:
            _certification(block, entry)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _text(parent: etree._Element, tag: str, value: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, **attributes)
    element.text = xml_safe(value)
    return element


def _date(parent: etree._Element, tag: str, value: date) -> None:
    wrapper = etree.SubElement(parent, tag)
    _text(wrapper, hr("FormattedDateTime"), value.isoformat())


def _supplier(root: etree._Element, person: CvPerson, party_id: str) -> None:
    supplier = etree.SubElement(root, ep("CandidateSupplier"))
    _text(supplier, hr("PartyID"), party_id, schemeName="PartyID")
    _text(supplier, hr("PartyName"), person.full_name)
    contact = etree.SubElement(supplier, ep("PersonContact"))
    _person_name(contact, person)
    _email(contact, person)
    _text(supplier, hr("PrecedenceCode"), "1")


def _person_name(parent: etree._Element, person: CvPerson) -> None:
    name = etree.SubElement(parent, ep("PersonName"))
    _text(name, oa("GivenName"), person.given_name)
    _text(name, hr("FamilyName"), person.family_name)


def _email(parent: etree._Element, person: CvPerson) -> None:
    if person.email:
        communication = etree.SubElement(parent, ep("Communication"))
        _text(communication, ep("ChannelCode"), "Email")
        _text(communication, oa("URI"), person.email)


def _language(entry: CvEntry) -> dict[str, str]:
    return {"languageID": entry.title_language} if entry.title_language else {}


def _attendance(history: etree._Element, entry: CvEntry) -> None:
    attendance = etree.SubElement(history, ep("EducationOrganizationAttendance"))
    if entry.organisation:
        _text(attendance, hr("OrganizationName"), entry.organisation)
    if entry.country_code:
        contact = etree.SubElement(attendance, ep("OrganizationContact"))
        address = etree.SubElement(etree.SubElement(contact, ep("Communication")), ep("Address"))
        _text(address, ep("CountryCode"), entry.country_code)
    _text(attendance, hr("ProgramName"), entry.title, **_language(entry))
    if entry.eqf_level is not None:
        _text(attendance, ep("EducationLevelCode"), f"EQF-{entry.eqf_level}", **EQF_LIST)
    degree = etree.SubElement(attendance, ep("EducationDegree"))
    _text(degree, hr("DegreeName"), entry.title, **_language(entry))
    if entry.awarded is not None:
        _date(degree, eures("DegreeDate"), entry.awarded)
    if entry.description:
        _text(degree, ep("OccupationalSkillsCovered"), entry.description)
    if entry.ects is not None:
        _text(degree, ep("CreditType"), "ECTS")
        _text(degree, ep("NumberOfCredit"), f"{entry.ects:g}")
    if entry.valid_until is not None:
        _date(degree, ep("validUntil"), entry.valid_until)
    if entry.link:
        _text(attendance, ep("Link"), entry.link)


def _certification(block: etree._Element, entry: CvEntry) -> None:
    certification = etree.SubElement(block, ep("Certification"))
    _text(certification, hr("CertificationName"), entry.title, **_language(entry))
    if entry.awarded is not None:
        _date(certification, ep("FirstIssuedDate"), entry.awarded)
    start = entry.valid_from or entry.awarded
    if entry.valid_until is not None and start is not None:
        period = etree.SubElement(certification, ep("FreeFormEffectivePeriod"))
        _date(period, ep("StartDate"), start)
        _date(period, ep("EndDate"), entry.valid_until)
    if entry.organisation:
        authority = etree.SubElement(certification, ep("IssuingAuthority"))
        _text(authority, ep("Name"), entry.organisation)
    description = _certification_description(entry)
    if description:
        _text(certification, oa("Description"), description)
    if entry.link:
        _text(certification, ep("Link"), entry.link)


def _certification_description(entry: CvEntry) -> str | None:
    facts = [
        f"EQF {entry.eqf_level}" if entry.eqf_level is not None else None,
        f"{entry.ects:g} ECTS" if entry.ects is not None else None,
    ]
    lines = [*entry.learning_outcomes, " · ".join(f for f in facts if f)]
    return "\n".join(line for line in lines if line) or None
