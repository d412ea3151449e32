"""The CV PDF: readable entries in the learner's language, and the CV XML attached under
the name Europass's own CV PDFs use (attachment.xml), byte for byte."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.export.cv_structure import structure_errors
from tests.share.pdf_reading import pdf_attachments, pdf_text
from wallet.export.cv_entries import cv_entries
from wallet.export.cv_pdf import ATTACHMENT_NAME, europass_cv_pdf
from wallet.export.cv_person import CvPerson, cv_person
from wallet.export.cv_xml import europass_cv_xml
from wallet.formats import parse_credential

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
NAMES = [
    "cz/synthetic-muni-mc-unsigned.jsonld",
    "edc/Sample-CertOfPart-signed.jsonld",
    "w3c/1edtech-obv3-ldp-signed-credential.json",
]


def build(lang: str) -> tuple[bytes, bytes]:
    credentials = [parse_credential((VECTORS / n).read_bytes()) for n in NAMES]
    entries = cv_entries(credentials, lang=lang)
    person = cv_person(credentials, lang=lang, email="jana@example.cz")
    xml = europass_cv_xml(entries, person, lang=lang)
    return xml, europass_cv_pdf(entries, person, xml, lang=lang)


def test_cv_pdf_carries_the_cv_xml_as_attachment_xml_byte_for_byte() -> None:
    xml, pdf = build("cs")
    assert pdf_attachments(pdf) == {ATTACHMENT_NAME: [xml]}
    assert structure_errors(etree.fromstring(pdf_attachments(pdf)[ATTACHMENT_NAME][0])) == []


def test_cv_pdf_reads_in_czech_with_both_sections() -> None:
    _, pdf = build("cs")
    text = pdf_text(pdf)
    for expected in (
        "Jana Nováková",
        "Životopis Europass",
        "Vzdělání a odborná příprava",
        "Osvědčení a certifikáty",
        "Základy analýzy dat v Pythonu",
        "Masarykova univerzita, Czechia",
        "EQF 6",
        "4 ECTS",
        "100 hodin",
        "Výsledky učení",
        "EDC Updates Webinar",
        "Teamwork Badge",
        "http://example.com/credentials/3527",
        "jana@example.cz",
        "attachment.xml",
    ):
        assert expected in text, expected


def test_cv_pdf_reads_in_english() -> None:
    _, pdf = build("en")
    text = pdf_text(pdf)
    for expected in (
        "Europass CV",
        "Education and training",
        "Certifications",
        "Foundations of Data Analysis in Python",
        "Masaryk University",
    ):
        assert expected in text, expected


def test_cv_pdf_without_email_has_no_email_row() -> None:
    credentials = [parse_credential((VECTORS / NAMES[0]).read_bytes())]
    entries = cv_entries(credentials)
    person = CvPerson("Jana", "Nováková")
    xml = europass_cv_xml(entries, person)
    assert "E-mail" not in pdf_text(europass_cv_pdf(entries, person, xml))
