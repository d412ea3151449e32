"""The credential PDF: every Annex I element in cs and en, the verification summary, the
picture, and the original file attached byte for byte."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.share.pdf_reading import pdf_attachments, pdf_image_count, pdf_text, squash
from wallet.formats import parse_credential
from wallet.model import Credential, Image, LangText
from wallet.share.annex_labels import ANNEX_I_LABELS, DOCUMENT_LABELS
from wallet.share.annex_rows import row_order
from wallet.share.pdf import credential_pdf
from wallet.translation import tr
from wallet.trust import TrustStore
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
CREDENTIAL_VECTORS = [
    "edc/Sample-MC-Annex1-signed.jsonld",
    "edc/Sample-CertOfPart-signed.jsonld",
    "edc/Sample-MC-Annex1-unsigned.jsonld",
    "edc/Sample-MC-Annex1-unsigned-uploadable.json",
    "edc/elm-v3.2-credential-sample-minimal.jsonld",
    "edc/edc-v1-xml-credential-xades-signed.xml",
    "cz/synthetic-muni-mc-unsigned.jsonld",
    "w3c/1edtech-obv3-ldp-signed-credential.json",
    "w3c/ecdsa-rdfc-2019-p256-signedECDSAP256.json",
    "w3c/ecdsa-rdfc-2019-p384-signedECDSAP384.json",
    "w3c/ecdsa-rdfc-2019-p256-employ-signedECDSAP256.json",
    "w3c/ed25519signature2020-signedEdSig.json",
    "w3c/eddsa-rdfc-2022-signedDataInt.json",
    "w3c/eddsa-rdfc-2022-employ-signedDataInt.json",
]
CZECH = "cz/synthetic-muni-mc-unsigned.jsonld"
SEALED = "edc/Sample-MC-Annex1-signed.jsonld"
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def no_qr(raw: bytes) -> bytes | None:
    return None


def report_for(credential: Credential) -> VerificationReport:
    return verify_credential(credential, options=VerifyOptions(now=NOW, trust=TrustStore.bundled()))


@functools.cache  # several tests read the same export; building one takes ~0.5 s
def export(name: str, lang: str) -> tuple[bytes, bytes]:
    raw = (VECTORS / name).read_bytes()
    credential = parse_credential(raw)
    pdf = credential_pdf(
        credential,
        raw,
        lang=lang,
        report=report_for(credential),
        qr_renderer=no_qr,
        exported_at=NOW,
    )
    return raw, pdf


@pytest.mark.parametrize("name", CREDENTIAL_VECTORS)
def test_every_vector_exports_with_its_original_attached_byte_for_byte(name: str) -> None:
    # GIVEN a real credential file  WHEN it is exported to PDF
    raw, pdf = export(name, "en")
    # THEN it is a PDF, and its one attachment is the original, byte for byte
    assert pdf.startswith(b"%PDF-")
    attachments = pdf_attachments(pdf)
    assert len(attachments) == 1
    (contents,) = attachments.values()
    assert [hashlib.sha256(c).hexdigest() for c in contents] == [hashlib.sha256(raw).hexdigest()]
    # AND the text layer carries the title the credential gives
    title = parse_credential(raw).view.title
    assert title is not None
    assert squash(title.pick("en")) in pdf_text(pdf)


def test_sealed_edc_attachment_keeps_its_jsonld_name() -> None:
    _, pdf = export(SEALED, "en")
    assert list(pdf_attachments(pdf)) == ["digital-micro-credential-creation.jsonld"]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_every_annex_element_is_labelled_in_the_chosen_language(lang: str) -> None:
    # GIVEN the Czech micro-credential  WHEN exported in cs and in en
    _, pdf = export(CZECH, lang)
    text = pdf_text(pdf)
    # THEN every Annex I label appears, in that language
    for key in row_order():
        assert squash(ANNEX_I_LABELS[key].text(lang)) in text, key
    assert squash(DOCUMENT_LABELS["section_elements"].text(lang)) in text


def test_czech_pdf_reads_with_its_diacritics() -> None:
    _, pdf = export(CZECH, "cs")
    text = pdf_text(pdf)
    for expected in (
        "Základy analýzy dat v Pythonu",
        "Jana Nováková",
        "Masarykova univerzita",
        "Výsledky učení",
        "Udělující subjekt",
        "Úroveň (EQF, NQF)",
        "EQF 6",
        "4 ECTS, 100 hodin",
        "Organizace, která opatřuje certifikát pečetí",
        "Datum narození",
        "14. 3. 1998",
        "A (výborně)",
        "100 hodin",
    ):
        assert expected in text, expected
    # and none of the English labels leak into the Czech document
    assert "Learning Outcomes" not in text
    assert "Awarding body" not in text


def test_english_pdf_uses_the_english_texts_of_the_credential() -> None:
    _, pdf = export(CZECH, "en")
    text = pdf_text(pdf)
    for expected in (
        "Foundations of Data Analysis in Python",
        "Masaryk University",
        "Learning Outcomes",
        "Awarding body",
        "14 March 1998",
        "4 ECTS, 100 hours",
    ):
        assert expected in text, expected
    assert "Výsledky učení" not in text


def test_elements_the_issuer_left_out_read_not_stated() -> None:
    # The 1EdTech badge names no learner, level or workload.
    _, pdf_en = export("w3c/1edtech-obv3-ldp-signed-credential.json", "en")
    _, pdf_cs = export("w3c/1edtech-obv3-ldp-signed-credential.json", "cs")
    assert pdf_text(pdf_en).count("not stated") >= 10
    assert pdf_text(pdf_cs).count("neuvedeno") >= 10


def test_verification_summary_shows_status_and_each_check() -> None:
    raw = (VECTORS / SEALED).read_bytes()
    credential = parse_credential(raw)
    report = report_for(credential)
    pdf = credential_pdf(credential, raw, lang="en", report=report, qr_renderer=no_qr)
    text = pdf_text(pdf)
    status_key = f"status_{report.status.value}"
    assert DOCUMENT_LABELS[status_key].en in text
    for check in report.checks:
        assert squash(check.message)[:60] in text
    assert report.issuer is not None and report.issuer.name
    assert report.issuer.name in text


def test_a_tampered_seal_is_reported_as_failed_in_both_languages() -> None:
    # GIVEN the sealed EDC with one character of its payload changed
    document = json.loads((VECTORS / SEALED).read_bytes())
    document["payload"] = document["payload"].replace("Zed", "Zet", 1)
    tampered = json.dumps(document).encode()
    credential = parse_credential(tampered)
    report = report_for(credential)
    assert report.status.value == "failed"
    for lang, expected in (("en", "Verification Failed"), ("cs", "Ověření neproběhlo úspěšně")):
        pdf = credential_pdf(credential, tampered, lang=lang, report=report, qr_renderer=no_qr)
        # THEN the PDF says so, and still attaches exactly what it was given
        assert expected in pdf_text(pdf)
        (contents,) = pdf_attachments(pdf).values()
        assert contents == [tampered]


def test_the_official_page_image_of_an_edc_is_drawn() -> None:
    _, with_page = export(SEALED, "en")
    _, without = export("w3c/eddsa-rdfc-2022-signedDataInt.json", "en")
    assert pdf_image_count(with_page) == 1
    assert pdf_image_count(without) == 0
    assert "Official page of the credential" in pdf_text(with_page)


def _with_images(name: str, *images: Image) -> tuple[Credential, bytes]:
    raw = (VECTORS / name).read_bytes()
    credential = parse_credential(raw)
    view = dataclasses.replace(credential.view, images=images)
    return dataclasses.replace(credential, view=view), raw


@pytest.mark.parametrize(
    "image",
    [
        Image(media_type="image/png", data=b"\x89PNG\r\n\x1a\nnot really", role="badge"),
        Image(media_type="image/jpeg", data=b"\xff\xd8\xff" + b"\x00" * 64, role="page"),
        Image(media_type="image/tiff", data=b"II*\x00", role="badge"),
        Image(media_type="image/svg+xml", data=b"<svg><unclosed", role="badge"),
    ],
    ids=["broken-png", "broken-jpeg", "unsupported-type", "broken-svg"],
)
def test_an_image_that_cannot_be_drawn_is_left_out_with_a_note(image: Image) -> None:
    credential, raw = _with_images("w3c/eddsa-rdfc-2022-signedDataInt.json", image)
    pdf = credential_pdf(
        credential, raw, lang="en", report=report_for(credential), qr_renderer=no_qr
    )
    assert "could not be drawn" in pdf_text(pdf)
    assert pdf_image_count(pdf) == 0


def test_a_huge_declared_image_is_not_decoded() -> None:
    # GIVEN a tiny PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb)
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )
    credential, raw = _with_images(
        "w3c/eddsa-rdfc-2022-signedDataInt.json", Image(media_type="image/png", data=bomb)
    )
    pdf = credential_pdf(
        credential, raw, lang="cs", report=report_for(credential), qr_renderer=no_qr
    )
    assert "nelze zobrazit" in pdf_text(pdf)


def test_an_svg_badge_never_follows_its_links() -> None:
    # GIVEN an SVG badge that points at a web server and a local file
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' width="40" height="40"><image href="https://badges.example/track.png" width="9"'
        b' height="9"/><image xlink:href="file:///etc/passwd" width="9" height="9"/></svg>'
    )
    credential, raw = _with_images(
        "w3c/eddsa-rdfc-2022-signedDataInt.json", Image(media_type="image/svg+xml", data=svg)
    )
    # WHEN exported (the suite's socket guard fails any connection)
    pdf = credential_pdf(
        credential, raw, lang="en", report=report_for(credential), qr_renderer=no_qr
    )
    # THEN the picture is left out rather than fetched
    assert "could not be drawn" in pdf_text(pdf)


def test_a_plain_svg_badge_is_drawn() -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
        b'<circle cx="20" cy="20" r="18" fill="#0a6"/></svg>'
    )
    credential, raw = _with_images(
        "w3c/eddsa-rdfc-2022-signedDataInt.json", Image(media_type="image/svg+xml", data=svg)
    )
    pdf = credential_pdf(
        credential, raw, lang="en", report=report_for(credential), qr_renderer=no_qr
    )
    text = pdf_text(pdf)
    assert "Badge image" in text
    assert "could not be drawn" not in text


def test_very_long_texts_and_control_characters_flow_over_pages() -> None:
    # GIVEN a title with control characters and one learning outcome longer than a page
    raw = (VECTORS / CZECH).read_bytes()
    credential = parse_credential(raw)
    long_outcome = LangText({"en": "Can explain data pipelines. " * 400})
    view = dataclasses.replace(
        credential.view,
        title=LangText({"en": 'Data\x00 Analysis\x1b[31m <&> "quoted"'}),
        learning_outcomes=(long_outcome,),
    )
    credential = dataclasses.replace(credential, view=view)
    pdf = credential_pdf(
        credential, raw, lang="en", report=report_for(credential), qr_renderer=no_qr
    )
    text = pdf_text(pdf)
    assert 'Data Analysis[31m <&> "quoted"' in text
    assert text.count("pipelines.") == 400  # a page footer may split a sentence


def test_a_failing_qr_encoder_leaves_a_note_and_the_attachment() -> None:
    def broken(raw: bytes) -> bytes | None:
        raise RuntimeError("encoder broke")

    raw = (VECTORS / CZECH).read_bytes()
    credential = parse_credential(raw)
    pdf = credential_pdf(
        credential, raw, lang="en", report=report_for(credential), qr_renderer=broken
    )
    assert "No QR code could be drawn" in pdf_text(pdf)
    assert list(pdf_attachments(pdf).values()) == [[raw]]


def test_a_credential_too_large_for_one_code_gets_the_attachment_note() -> None:
    raw, pdf = export(SEALED, "cs")
    assert "příliš velký" in pdf_text(pdf)
    assert list(pdf_attachments(pdf).values()) == [[raw]]


def test_a_small_credential_gets_a_first_page_qr_that_carries_it_whole() -> None:
    from wallet.qr.compact import decode_compact
    from wallet.qr.pdf import read_pdf

    # GIVEN a 1.6 KB credential  WHEN exported with Kredo's own QR encoder
    raw = (VECTORS / "w3c/eddsa-rdfc-2022-employ-signedDataInt.json").read_bytes()
    credential = parse_credential(raw)
    pdf = credential_pdf(credential, raw, lang="en", report=report_for(credential))
    # THEN a scanner finds one code on page 1, and it decodes to the original bytes
    found = read_pdf(pdf)
    assert [t.page for t in found.qr_texts] == [1]
    assert decode_compact(found.qr_texts[0].text) == raw
    assert "Scan it with Kredo" in pdf_text(pdf)
    assert "too large for one QR code" not in pdf_text(pdf)


def test_check_sentences_are_written_in_the_pdf_language_not_the_apps() -> None:
    # GIVEN a report whose check sentences were made while the app spoke English
    raw = (VECTORS / SEALED).read_bytes()
    credential = parse_credential(raw)
    report = report_for(credential)
    sentence = tr("VERIFIED: genuine, from a trusted issuer.")
    translated = dataclasses.replace(
        report, checks=tuple(dataclasses.replace(c, message=sentence) for c in report.checks)
    )
    # WHEN the learner exports a Czech PDF
    text = pdf_text(credential_pdf(credential, raw, lang="cs", report=translated,
                                   qr_renderer=no_qr))
    # THEN each check reads in Czech, and no note claims the sentences are English
    assert "OVĚŘENO: pravý, od důvěryhodného vydavatele." in text
    assert str(sentence) not in text
    assert squash(DOCUMENT_LABELS["messages_in_english"].cs) not in text
    # while a sentence made without a template is shown as it was made, with the note
    plain = dataclasses.replace(
        report, checks=tuple(dataclasses.replace(c, message="as made") for c in report.checks)
    )
    text = pdf_text(credential_pdf(credential, raw, lang="cs", report=plain, qr_renderer=no_qr))
    assert "as made" in text
    assert squash(DOCUMENT_LABELS["messages_in_english"].cs) in text
