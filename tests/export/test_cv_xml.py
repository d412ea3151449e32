"""The Europass CV XML: well-formed, the credentials' facts and nothing invented, every value
escaped, and the same content after a round trip through lxml."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from tests.export.cv_structure import q, structure_errors
from wallet.errors import ExportError
from wallet.export.countries import country_code
from wallet.export.cv_entries import CvSection, SectionChoice, cv_entries, cv_entry
from wallet.export.cv_person import CvPerson, cv_person
from wallet.export.cv_xml import europass_cv_xml
from wallet.formats import parse_credential
from wallet.model import Credential, LangText

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
CZECH = "cz/synthetic-muni-mc-unsigned.jsonld"
MC = "edc/Sample-MC-Annex1-signed.jsonld"
PARTICIPATION = "edc/Sample-CertOfPart-signed.jsonld"
BADGE = "w3c/1edtech-obv3-ldp-signed-credential.json"
MINIMAL = "edc/elm-v3.2-credential-sample-minimal.jsonld"


def load(name: str) -> Credential:
    return parse_credential((VECTORS / name).read_bytes())


def cv(*names: str, lang: str = "en", person: CvPerson | None = None, **kwargs: object) -> bytes:
    credentials = [load(n) for n in names]
    who = person or cv_person(credentials, lang=lang)
    return europass_cv_xml(
        cv_entries(credentials, lang=lang, **kwargs),  # type: ignore[arg-type]
        who,
        lang=lang,
        document_id="00000000-0000-4000-8000-000000000001",
        party_id="00000000-0000-4000-8000-000000000002",
    )


def texts(root: etree._Element, name: str) -> list[str]:
    return [e.text or "" for e in root.iter(q(name))]


def test_the_czech_micro_credential_becomes_an_education_entry_with_its_facts() -> None:
    root = etree.fromstring(cv(CZECH, lang="cs"))
    assert root.tag == q("Candidate")
    assert (root.get("majorVersionID"), root.get("minorVersionID")) == ("3", "2")
    assert texts(root, "oa:GivenName") == ["Jana", "Jana"]  # supplier contact and person
    assert texts(root, "hr:FamilyName") == ["Nováková", "Nováková"]
    (attendance,) = root.iter(q("EducationOrganizationAttendance"))
    assert texts(attendance, "hr:OrganizationName") == ["Masarykova univerzita"]
    assert texts(attendance, "CountryCode") == ["CZ"]
    assert texts(attendance, "hr:ProgramName") == ["Základy analýzy dat v Pythonu"]
    assert attendance.find(q("hr:ProgramName")).get("languageID") == "cs"
    assert texts(attendance, "EducationLevelCode") == ["EQF-6"]
    assert texts(attendance, "hr:FormattedDateTime") == ["2025-06-20"]
    assert texts(attendance, "CreditType") == ["ECTS"]
    assert texts(attendance, "NumberOfCredit") == ["4"]
    (skills,) = texts(attendance, "OccupationalSkillsCovered")
    assert skills.count("\n") == 2 and "pandas" in skills
    assert root.find(q("CandidateProfile")).get("languageCode") == "cs"


def test_the_english_profile_takes_the_english_texts() -> None:
    root = etree.fromstring(cv(CZECH, lang="en"))
    assert texts(root, "hr:ProgramName") == ["Foundations of Data Analysis in Python"]
    assert texts(root, "hr:OrganizationName") == ["Masaryk University"]


def test_sections_follow_level_and_credits_unless_the_learner_chooses() -> None:
    credentials = [load(n) for n in (MC, PARTICIPATION, BADGE)]
    auto = [e.section for e in cv_entries(credentials)]
    assert auto == [CvSection.EDUCATION, CvSection.CERTIFICATION, CvSection.CERTIFICATION]
    forced = cv_entries(credentials, section=SectionChoice.EDUCATION)
    assert {e.section for e in forced} == {CvSection.EDUCATION}
    root = etree.fromstring(cv(MC, PARTICIPATION, BADGE, person=CvPerson("A", "B")))
    profile = root.find(q("CandidateProfile"))
    assert [child.tag for child in profile] == [q("EducationHistory"), q("Certifications")]
    assert len(list(root.iter(q("Certification")))) == 2


def test_a_certification_carries_issuer_dates_description_and_link() -> None:
    root = etree.fromstring(cv(MINIMAL, person=CvPerson("Max", "Power")))
    (certification,) = root.iter(q("Certification"))
    assert texts(certification, "hr:CertificationName") == ["some kind of learning achievement"]
    assert texts(certification, "Name") == ["some legal name of the organisation"]
    # issued 2010-01-01; valid 2010-10-01 to 2024-09-25
    assert texts(certification, "hr:FormattedDateTime") == [
        "2010-01-01",
        "2010-10-01",
        "2024-09-25",
    ]
    assert texts(certification, "Link") == ["http://example.org/credential132"]


def test_nothing_is_invented_for_what_a_credential_does_not_state() -> None:
    # The 1EdTech badge states no level, credits, outcomes, country or expiry.
    root = etree.fromstring(cv(BADGE, person=CvPerson("A", "B")))
    for absent in (
        "EducationLevelCode",
        "NumberOfCredit",
        "CountryCode",
        "oa:Description",
        "FreeFormEffectivePeriod",
        "AttendancePeriod",
        "hr:BirthDate",
        "oa:URI",
        "Communication",
    ):
        assert texts(root, absent) == [], absent


def test_a_urn_id_is_not_a_link() -> None:
    root = etree.fromstring(cv(MC, person=CvPerson("A", "B")))
    assert texts(root, "Link") == []  # urn:credential:… is not a web address


def test_escaping_of_markup_quotes_and_diacritics_round_trips() -> None:
    # GIVEN a title and outcome full of XML specials, Czech letters and control characters
    credential = load(CZECH)
    title = "Řízení <dat> & \"kvalita\" 'AI' ]]> žluťoučký kůň\x00\x1b"
    view = dataclasses.replace(
        credential.view,
        title=LangText({"cs": title}),
        learning_outcomes=(LangText({"cs": "a < b && c > d"}),),
    )
    entry = cv_entry(dataclasses.replace(credential, view=view), lang="cs")
    person = CvPerson('Jana <"J">', "Nováková & spol.", "jana@example.cz")
    xml = europass_cv_xml([entry], person, lang="cs")
    # THEN the document is well-formed and reads back exactly (control characters dropped)
    root = etree.fromstring(xml)
    clean = "Řízení <dat> & \"kvalita\" 'AI' ]]> žluťoučký kůň"
    assert texts(root, "hr:ProgramName") == [clean]
    assert texts(root, "hr:DegreeName") == [clean]
    assert texts(root, "OccupationalSkillsCovered") == ["a < b && c > d"]
    assert texts(root, "oa:GivenName")[0] == 'Jana <"J">'
    assert b"&lt;dat&gt; &amp; " in xml
    assert "Řízení".encode() in xml  # UTF-8, not character references
    assert structure_errors(root) == []


def test_round_trip_through_lxml_keeps_the_same_content() -> None:
    xml = cv(CZECH, MC, PARTICIPATION, BADGE, MINIMAL, lang="cs")
    first = etree.fromstring(xml)
    again = etree.fromstring(etree.tostring(first, xml_declaration=True, encoding="UTF-8"))
    assert etree.tostring(first, method="c14n2") == etree.tostring(again, method="c14n2")
    assert [(e.tag, e.text, dict(e.attrib)) for e in first.iter()] == [
        (e.tag, e.text, dict(e.attrib)) for e in again.iter()
    ]
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_document_and_party_ids_are_fresh_uuids_by_default() -> None:
    credential = load(CZECH)
    entries = cv_entries([credential])
    person = cv_person([credential])
    first = etree.fromstring(europass_cv_xml(entries, person))
    second = etree.fromstring(europass_cv_xml(entries, person))
    ids = [texts(first, "hr:DocumentID")[0], texts(second, "hr:DocumentID")[0]]
    assert ids[0] != ids[1] and len(ids[0]) == 36


def test_names_come_from_the_credential_or_the_learner_and_are_never_split() -> None:
    czech = load(CZECH)
    assert cv_person([czech]) == CvPerson("Jana", "Nováková")
    typed = cv_person([czech], given_name="  Jana  Marie ", email="jana@example.cz")
    assert typed == CvPerson("Jana Marie", "Nováková", "jana@example.cz")
    # schema.org givenName/familyName of a W3C credential count too
    w3c = load("w3c/eddsa-rdfc-2022-employ-signedDataInt.json")
    assert cv_person([w3c]) == CvPerson("JOHN", "SMITH")
    # The badge names nobody: Kredo asks rather than guessing.
    badge = load(BADGE)
    with pytest.raises(ExportError, match="given name and family name"):
        cv_person([badge])
    with pytest.raises(ExportError, match="given name and family name"):
        cv_person([badge], given_name="John")
    assert cv_person([badge], given_name="John", family_name="Smith").full_name == "John Smith"


def test_a_full_name_alone_is_never_split() -> None:
    credential = load(CZECH)
    document = {**credential.document}
    subject = {
        k: v
        for k, v in document["credentialSubject"].items()
        if k not in ("givenName", "familyName")
    }
    document["credentialSubject"] = subject
    assert "fullName" in subject
    with pytest.raises(ExportError, match="given name and family name"):
        cv_person([dataclasses.replace(credential, document=document)])


@pytest.mark.parametrize("email", ["not-an-address", "a@b", "x y@example.org", "<a@b.c>"])
def test_a_bad_email_is_refused_with_a_sentence(email: str) -> None:
    with pytest.raises(ExportError, match="is not an e-mail address"):
        cv_person([load(CZECH)], email=email)


def test_an_empty_cv_is_refused() -> None:
    with pytest.raises(ExportError, match="at least one credential"):
        europass_cv_xml([], CvPerson("A", "B"))


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Czechia", "CZ"),
        ("czech republic", "CZ"),
        ("CZE", "CZ"),
        ("http://publications.europa.eu/resource/authority/country/IRL", "IE"),
        ("FRA", "FR"),
        ("be", "BE"),
        ("Česko", None),  # a Czech label: left out, not guessed
        ("Atlantis", None),
        ("", None),
    ],
)
def test_country_codes_are_mapped_only_when_known(written: str, code: str | None) -> None:
    assert country_code(written) == code


def test_entry_dates_prefer_the_awarding_date() -> None:
    entry = cv_entry(load(CZECH))
    assert entry.awarded == date(2025, 6, 20)
    assert cv_entry(load(PARTICIPATION)).awarded == date(2023, 9, 27)  # issued; no award date
