"""The CV XML uses only the elements, in the order, that the Commission's sample and the
schema documentation show; the validator that says so is itself checked on the sample and
on one fixture per element (valid, out of order, unknown child, missing required child)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.export.cv_structure import (
    LEAVES,
    RULES,
    full_instance,
    minimal_instance,
    q,
    short,
    structure_errors,
)
from wallet.export.cv_entries import SectionChoice, cv_entries
from wallet.export.cv_person import CvPerson
from wallet.export.cv_xml import europass_cv_xml
from wallet.formats import parse_credential

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SAMPLE = VECTORS / "edc" / "europass2-cv-CandidateSample1.xml"
CREDENTIALS = [
    "cz/synthetic-muni-mc-unsigned.jsonld",
    "edc/Sample-MC-Annex1-signed.jsonld",
    "edc/Sample-CertOfPart-signed.jsonld",
    "edc/elm-v3.2-credential-sample-minimal.jsonld",
    "edc/edc-v1-xml-credential-xades-signed.xml",
    "w3c/1edtech-obv3-ldp-signed-credential.json",
    "w3c/eddsa-rdfc-2022-employ-signedDataInt.json",
]
PERSON = CvPerson("Jana", "Nováková", "jana@example.cz")


def kredo_cv(section: SectionChoice = SectionChoice.AUTO) -> etree._Element:
    credentials = [parse_credential((VECTORS / name).read_bytes()) for name in CREDENTIALS]
    xml = europass_cv_xml(cv_entries(credentials, lang="cs", section=section), PERSON, lang="cs")
    return etree.fromstring(xml)


def emitted_elements() -> set[str]:
    names: set[str] = set()
    for section in SectionChoice:
        names |= {short(e.tag) for e in kredo_cv(section).iter() if isinstance(e.tag, str)}
    return names


EMITTED = sorted(emitted_elements())
WITH_CHILDREN = sorted(n for n in EMITTED if n in RULES)


def test_the_commission_sample_conforms_to_the_rules() -> None:
    # The rules come from the sample and the documentation: the sample must pass them.
    assert structure_errors(etree.parse(str(SAMPLE)).getroot()) == []


@pytest.mark.parametrize("section", list(SectionChoice))
def test_kredo_cv_conforms_to_the_rules(section: SectionChoice) -> None:
    assert structure_errors(kredo_cv(section)) == []


def test_every_element_kredo_writes_is_described_by_the_rules() -> None:
    unknown = [n for n in EMITTED if n not in RULES and n not in LEAVES]
    assert unknown == []
    # and the CV really has both sections and the elements that carry the credentials
    for expected in (
        "EducationOrganizationAttendance",
        "Certification",
        "EducationLevelCode",
        "eures:DegreeDate",
        "NumberOfCredit",
        "IssuingAuthority",
        "Link",
    ):
        assert expected in EMITTED, expected


@pytest.mark.parametrize("name", EMITTED)
def test_fixture_minimal_element_is_accepted(name: str) -> None:
    assert structure_errors(minimal_instance(name)) == []


@pytest.mark.parametrize("name", WITH_CHILDREN)
def test_fixture_element_with_every_child_in_order_is_accepted(name: str) -> None:
    assert structure_errors(full_instance(name)) == []


@pytest.mark.parametrize("name", [n for n in WITH_CHILDREN if len(full_instance(n)) >= 2])
def test_fixture_element_with_children_out_of_order_is_refused(name: str) -> None:
    element = full_instance(name)
    children = list(element)
    for child in children:
        element.remove(child)
    for child in reversed(children):
        element.append(child)
    assert any("out of order" in e for e in structure_errors(element))


@pytest.mark.parametrize("name", WITH_CHILDREN)
def test_fixture_element_with_an_unknown_child_is_refused(name: str) -> None:
    element = minimal_instance(name)
    element.append(etree.Element(q("Invented")))
    assert any("not allowed" in e for e in structure_errors(element))


@pytest.mark.parametrize("name", [n for n in WITH_CHILDREN if any(r.min for r in RULES[n])])
def test_fixture_element_missing_a_required_child_is_refused(name: str) -> None:
    element = minimal_instance(name)
    element.remove(element[0])
    assert any("needs" in e for e in structure_errors(element))


@pytest.mark.parametrize("name", sorted(n for n in EMITTED if n in LEAVES))
def test_fixture_leaf_with_a_child_or_no_text_is_refused(name: str) -> None:
    leaf = minimal_instance(name)
    leaf.append(etree.Element(q("Name")))
    assert structure_errors(leaf)
    empty = minimal_instance(name)
    empty.text = " "
    assert any("is empty" in e for e in structure_errors(empty))


def test_a_missing_version_or_code_list_attribute_is_refused() -> None:
    root = kredo_cv()
    del root.attrib["majorVersionID"]
    level = next(root.iter(q("EducationLevelCode")))
    del level.attrib["listURI"]
    errors = structure_errors(root)
    assert any("majorVersionID" in e for e in errors)
    assert any("listURI" in e for e in errors)
