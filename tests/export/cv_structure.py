"""A structural validator for Europass CV XML, derived from the Commission's sample and the
element documentation of the Europass XML schema.

Sources (each rule names its own):
- "sample": ``tests/assets/vectors/edc/europass2-cv-CandidateSample1.xml``, the European
  Commission's CandidateSample1 (EURES conformant, mandatory elements).
- "docs §x": "EUROPASS2 CV XML Schema Documentation" v3.0.0 (DG EMPL 2020), as published in
  europass-unofficial/europass-schema-docs (docs/3.*.md), section x.

For every element with children, ``RULES`` lists the children the sources show, in their
order, with their cardinality; ``LEAVES`` are the elements that carry text only. Anything
else is unknown and fails. Only the parts of the schema the sample shows and Kredo writes
are covered: this checks Kredo's output, it is not the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

EP = "http://www.europass.eu/1.0"
HR = "http://www.hr-xml.org/3"
OA = "http://www.openapplications.org/oagis/9"
EURES = "http://www.europass_eures.eu/1.0"
PREFIXES = {"": EP, "hr": HR, "oa": OA, "eures": EURES}
MANY = None


def q(name: str) -> str:
    """``hr:PartyID`` → ``{http://www.hr-xml.org/3}PartyID``; no prefix: the Europass namespace."""
    prefix, _, local = name.rpartition(":")
    return f"{{{PREFIXES[prefix]}}}{local}"


def short(tag: str) -> str:
    for prefix, uri in PREFIXES.items():
        if tag.startswith(f"{{{uri}}}"):
            local = tag[len(uri) + 2 :]
            return f"{prefix}:{local}" if prefix else local
    return tag


@dataclass(frozen=True)
class Child:
    name: str
    min: int = 0
    max: int | None = 1

    @property
    def tag(self) -> str:
        return q(self.name)


def _c(name: str, cardinality: str = "0..1") -> Child:
    low, _, high = cardinality.partition("..")
    return Child(name, int(low), None if high == "n" else int(high))


_DATE = (_c("hr:FormattedDateTime"), _c("hr:DateText"))  # docs §3.11.9, §3.11.5

RULES: dict[str, tuple[Child, ...]] = {
    # docs §3.1; sample
    "Candidate": (
        _c("hr:DocumentID", "1..1"),
        _c("hr:AlternateDocumentID", "0..n"),
        _c("eures:ProcessingInformation"),
        _c("CandidateSupplier", "1..n"),
        _c("hr:PositionSeekingStatusCode"),
        _c("CandidatePerson", "1..1"),
        _c("CandidateProfile", "1..n"),
    ),
    # docs §3.3; sample
    "CandidateSupplier": (
        _c("hr:PartyID", "1..1"),
        _c("hr:PartyName", "1..1"),
        _c("PersonContact", "1..n"),
        _c("hr:CandidateSourceCode"),
        _c("hr:PrecedenceCode", "1..1"),
    ),
    # docs §3.4; sample
    "PersonContact": (_c("PersonName", "1..1"), _c("Communication", "0..n")),
    # docs §3.6; sample
    "PersonName": (
        _c("FormattedName"),
        _c("hr:LegalName"),
        _c("oa:GivenName", "1..1"),
        _c("hr:FamilyName", "1..1"),
    ),
    # docs §3.7 (CommunicationABIE); sample
    "Communication": (
        _c("ChannelCode"),
        _c("UseCode"),
        _c("CountryDialing"),
        _c("oa:AreaDialing"),
        _c("oa:DialNumber"),
        _c("Address"),
        _c("oa:URI"),
    ),
    # sample (only the country code is written)
    "Address": (_c("CountryCode"),),
    # docs §3.5; sample
    "CandidatePerson": (
        _c("PersonName", "1..1"),
        _c("Communication", "0..n"),
        _c("ResidencyCountryCode"),
        _c("NationalityCode", "0..n"),
        _c("hr:BirthDate"),
        _c("GenderCode"),
        _c("PrimaryLanguageCode", "0..n"),
    ),
    # docs §3.9 (the part up to PersonQualifications); sample
    "CandidateProfile": (
        _c("hr:ID"),
        _c("hr:ProfileName"),
        _c("PersonAvailability"),
        _c("hr:CandidateObjective"),
        _c("hr:ExecutiveSummary"),
        _c("eures:CandidateEmployerPreferences"),
        _c("CandidatePositionPreferences"),
        _c("eures:ExperienceSummary"),
        _c("EmploymentHistory"),
        _c("EducationHistory"),
        _c("eures:Licenses"),
        _c("Certifications"),
        _c("MilitaryHistory"),
        _c("eures:PatentHistory"),
        _c("PublicationHistory"),
        _c("eures:SpeakingHistory"),
        _c("PersonQualifications"),
    ),
    # docs §3.11.1; sample
    "EducationHistory": (
        _c("hr:EducationHistoryID"),
        _c("EducationOrganizationAttendance", "1..n"),
    ),
    # docs §3.11.3; sample
    "EducationOrganizationAttendance": (
        _c("hr:EducationalOrganizationID", "0..n"),
        _c("hr:OrganizationName"),
        _c("OrganizationContact", "0..n"),
        _c("hr:ProgramName", "1..1"),
        _c("EducationLevelCode", "0..n"),
        _c("AttendancePeriod"),
        _c("EducationDegree"),
        _c("Link"),
    ),
    # docs §3.11.11 (same as EmployerHistory/OrganizationContact)
    "OrganizationContact": (_c("hr:ContactName"), _c("Communication", "0..n")),
    # docs §3.11.8; sample
    "AttendancePeriod": (_c("StartDate"), _c("EndDate"), _c("Description"), _c("Ongoing")),
    "StartDate": _DATE,  # docs §3.11.9; sample
    "EndDate": _DATE,  # docs §3.11.10; sample
    # docs §3.11.4
    "EducationDegree": (
        _c("hr:DegreeName", "1..1"),
        _c("hr:DegreeTypeCode"),
        _c("eures:DegreeDate"),
        _c("DegreeMajor", "0..n"),
        _c("FieldOfStudy", "0..n"),
        _c("FinalGrade"),
        _c("Thesis"),
        _c("OccupationalSkillsCovered"),
        _c("NationalClassification"),
        _c("CreditType"),
        _c("NumberOfCredit"),
        _c("validUntil"),
    ),
    "eures:DegreeDate": _DATE,  # docs §3.11.5
    "validUntil": _DATE,  # docs §3.11.4 ("same as DegreeDate")
    # docs §3.16.1
    "Certifications": (_c("Certification", "0..n"),),
    # docs §3.16.3
    "Certification": (
        _c("hr:CertificationTypeCode"),
        _c("hr:CertificationName"),
        _c("FirstIssuedDate"),
        _c("FreeFormEffectivePeriod"),
        _c("IssuingAuthority"),
        _c("oa:Description"),
        _c("AttachmentReference", "0..n"),
        _c("Link", "0..n"),
    ),
    "FirstIssuedDate": _DATE,  # docs §3.16.4
    # docs §3.16.5
    "FreeFormEffectivePeriod": (_c("StartDate", "1..1"), _c("EndDate"), _c("oa:Duration")),
    # docs §3.16.6
    "IssuingAuthority": (_c("Name"),),
}

LEAVES: frozenset[str] = frozenset(
    {
        "hr:DocumentID", "hr:PartyID", "hr:PartyName", "hr:PrecedenceCode",
        "oa:GivenName", "hr:FamilyName", "ChannelCode", "oa:URI", "CountryDialing",
        "oa:AreaDialing", "oa:DialNumber", "CountryCode", "ResidencyCountryCode",
        "NationalityCode", "hr:BirthDate", "GenderCode", "PrimaryLanguageCode",
        "hr:OrganizationName", "hr:ProgramName", "EducationLevelCode", "hr:FormattedDateTime",
        "hr:DegreeName", "OccupationalSkillsCovered", "CreditType", "NumberOfCredit", "Link",
        "hr:CertificationName", "Name", "oa:Description",
    }
)  # fmt: skip

# Attributes the sources require (BR-COM-55 for code lists, BR-COM-56 for the version).
REQUIRED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "Candidate": ("majorVersionID", "minorVersionID"),
    "EducationLevelCode": ("listName", "listURI", "listVersionID"),
}


def structure_errors(root: etree._Element) -> list[str]:
    """Every way ``root`` departs from the rules (empty: it conforms)."""
    return list(_errors(root, short(root.tag)))


def _errors(element: etree._Element, path: str) -> Iterator[str]:
    name = short(element.tag)
    children = [c for c in element if isinstance(c.tag, str)]  # skip comments
    for attribute in REQUIRED_ATTRIBUTES.get(name, ()):
        if element.get(attribute) is None:
            yield f"{path}: attribute {attribute} is missing"
    if name in LEAVES:
        if children:
            yield f"{path}: {name} holds text only, found <{short(children[0].tag)}>"
        if not (element.text or "").strip():
            yield f"{path}: {name} is empty"
        return
    rules = RULES.get(name)
    if rules is None:
        yield f"{path}: <{name}> is not an element the sample or the documentation shows here"
        return
    if (element.text or "").strip():
        yield f"{path}: text inside <{name}>, which holds elements"
    yield from _sequence_errors(name, rules, children, path)
    for child in children:
        yield from _errors(child, f"{path}/{short(child.tag)}")


def _sequence_errors(
    name: str, rules: tuple[Child, ...], children: list[etree._Element], path: str
) -> Iterator[str]:
    counts = [0] * len(rules)
    position = 0
    for child in children:
        index = next((i for i in range(position, len(rules)) if rules[i].tag == child.tag), None)
        if index is None:
            allowed = any(rule.tag == child.tag for rule in rules)
            why = "out of order" if allowed else "not allowed"
            yield f"{path}: <{short(child.tag)}> is {why} in <{name}>"
            continue
        position = index
        counts[index] += 1
        limit = rules[index].max
        if limit is not None and counts[index] > limit:
            yield f"{path}: more than {limit} <{rules[index].name}> in <{name}>"
    for rule, count in zip(rules, counts, strict=True):
        if count < rule.min:
            yield f"{path}: <{name}> needs <{rule.name}>"


def minimal_instance(name: str) -> etree._Element:
    """The smallest element the rules accept: required children only, text in leaves."""
    element = etree.Element(q(name), nsmap={None: EP, "hr": HR, "oa": OA, "eures": EURES})
    for attribute in REQUIRED_ATTRIBUTES.get(name, ()):
        element.set(attribute, "x")
    if name in LEAVES:
        element.text = "x"
        return element
    for rule in RULES[name]:
        for _ in range(rule.min):
            element.append(minimal_instance(rule.name))
    return element


def full_instance(name: str) -> etree._Element:
    """One of every child the rules describe for ``name``, in order (children kept minimal);
    children whose own structure the rules do not describe are left out."""
    element = minimal_instance(name)
    if name in LEAVES:
        return element
    for child in list(element):
        element.remove(child)
    for rule in RULES[name]:
        if rule.name in LEAVES or rule.name in RULES:
            element.append(minimal_instance(rule.name))
    return element
