"""Europass through the application layer, on a real wallet: the sealed originals byte for
byte, a CV from the chosen credentials, what each would become before anything is written,
and the log of what left the wallet."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from lxml import etree

from tests.app.share_fixtures import OB3, SEALED_EDC, UNSEALED_EDC, repository, store
from tests.export.cv_structure import q, structure_errors
from tests.share.pdf_reading import pdf_attachments
from wallet.app.exporting import europass_candidates, export_europass_cv, export_to_europass_wallet
from wallet.errors import ExportError, NotExportable
from wallet.export.cv_entries import CvSection, SectionChoice
from wallet.store.repository import CredentialRepository

__all__ = ["repository"]  # a fixture of share_fixtures, used by name


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_candidates_say_what_europass_takes_before_anything_is_written(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a sealed EDC, an unsealed Czech micro-credential and an Open Badge
    sealed, unsealed, badge = store(repository, SEALED_EDC, UNSEALED_EDC, OB3)
    # WHEN the dialog asks what an export of them (one listed twice) would make
    candidates = europass_candidates(repository, [sealed, unsealed, badge, sealed], lang="cs")
    # THEN each is listed once, in order, with its CV entry and why Europass would refuse it
    assert [c.credential_id for c in candidates] == [sealed, unsealed, badge]
    assert candidates[0].refusal is None
    assert candidates[1].refusal is not None and "without an electronic seal" in (
        candidates[1].refusal)
    assert candidates[2].refusal is not None and "export it as a PDF" in candidates[2].refusal
    assert candidates[1].entry.title == "Základy analýzy dat v Pythonu"
    assert [c.entry.section for c in candidates] == [
        CvSection.EDUCATION, CvSection.EDUCATION, CvSection.CERTIFICATION]
    # AND nothing was written or logged
    assert [p.name for p in tmp_path.iterdir()] == ["wallet"]  # the wallet's own folder
    assert repository.share_log() == []


def test_sealed_originals_go_out_unchanged_and_only_they_are_logged(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a sealed EDC and an Open Badge
    sealed, badge = store(repository, SEALED_EDC, OB3)
    folder = tmp_path / "europass"
    # WHEN both are exported for the Europass wallet
    done = export_to_europass_wallet(repository, [sealed, badge], folder, lang="en")
    # THEN the sealed one is there byte for byte, with a README; the badge is refused
    [written] = done.written
    assert (written.label, written.path.read_bytes()) == (str(sealed), SEALED_EDC.read_bytes())
    assert written.sha256 == _sha256(SEALED_EDC.read_bytes())
    assert [r.label for r in done.refused] == [str(badge)]
    assert done.readme == folder / "README.txt" and done.readme.is_file()
    # AND only what was written is logged as shared with Europass
    [entry] = repository.share_log()
    assert (entry.form, entry.credential_ids) == ("europass", (sealed,))


def test_nothing_for_europass_writes_and_logs_nothing(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    [badge] = store(repository, OB3)
    with pytest.raises(NotExportable, match="not a sealed European Digital Credential"):
        export_to_europass_wallet(repository, [badge], tmp_path / "europass", lang="en")
    assert not (tmp_path / "europass").exists()
    assert repository.share_log() == []


def test_a_europass_cv_is_written_as_xml_and_pdf_and_logged(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a Czech micro-credential (it names the learner) and an Open Badge
    czech, badge = store(repository, UNSEALED_EDC, OB3)
    xml_path, pdf_path = tmp_path / "cv.xml", tmp_path / "cv.pdf"
    # WHEN the learner exports a CV of both, in Czech, with an e-mail address
    cv = export_europass_cv(repository, [czech, badge], xml_path, lang="cs", pdf_path=pdf_path,
                            email="jana@example.cz")
    # THEN the XML is a Europass CV of both credentials, the PDF carries it
    root = etree.parse(str(xml_path)).getroot()
    assert structure_errors(root) == []
    assert [e.text for e in root.iter(q("oa:URI"))] == ["jana@example.cz"] * 2
    assert pdf_attachments(pdf_path.read_bytes()) == {"attachment.xml": [xml_path.read_bytes()]}
    assert cv.credential_ids == (czech, badge)
    assert [(e.section, e.title) for e in cv.entries] == [
        (CvSection.EDUCATION, "Základy analýzy dat v Pythonu"),
        (CvSection.CERTIFICATION, "Teamwork Badge")]
    assert (cv.xml_path, cv.pdf_path) == (xml_path, pdf_path)
    # AND the export is logged for both credentials
    [entry] = repository.share_log()
    assert (entry.form, entry.credential_ids) == ("europass-cv", tuple(sorted([czech, badge])))


def test_a_cv_without_names_asks_for_them_and_writes_nothing(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN only a badge, which states no given and family name
    [badge] = store(repository, OB3)
    out = tmp_path / "cv.xml"
    # WHEN a CV is asked for without names THEN it asks for them, nothing written or logged
    with pytest.raises(ExportError, match="given name and family name"):
        export_europass_cv(repository, [badge], out, lang="en")
    assert not out.exists()
    assert repository.share_log() == []
    # AND with the names typed, into the section the learner chose, it is written
    cv = export_europass_cv(repository, [badge], out, lang="en", given_name="Ana",
                            family_name="Andromeda", section=SectionChoice.EDUCATION)
    assert cv.person.full_name == "Ana Andromeda"
    assert [e.section for e in cv.entries] == [CvSection.EDUCATION]
    assert cv.pdf_path is None and out.is_file()
