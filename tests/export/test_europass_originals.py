"""Sealed EDCs go to the Europass wallet exactly as received; anything else is refused with a
sentence that says why and what to do instead; the README speaks the learner's language."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.errors import ExportError, NotExportable
from wallet.export.europass_originals import export_europass_originals
from wallet.formats import parse_credential
from wallet.model import Credential

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SEALED = ["edc/Sample-MC-Annex1-signed.jsonld", "edc/Sample-CertOfPart-signed.jsonld"]
NOT_FOR_EUROPASS = {
    "edc/Sample-MC-Annex1-unsigned.jsonld": "without an electronic seal",
    "edc/Sample-MC-Annex1-unsigned-uploadable.json": "without an electronic seal",
    "edc/edc-v1-xml-credential-xades-signed.xml": "older XML format",
    "w3c/1edtech-obv3-ldp-signed-credential.json": "not a sealed European Digital Credential",
}
WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def load(name: str) -> Credential:
    return parse_credential((VECTORS / name).read_bytes())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_sealed_edcs_are_written_byte_identical(tmp_path: Path) -> None:
    # GIVEN the two sealed EU samples  WHEN exported for Europass
    items = [(str(n), load(name)) for n, name in enumerate(SEALED, start=1)]
    result = export_europass_originals(items, tmp_path / "europass", written_at=WHEN)
    # THEN each file has exactly the bytes that were imported, under a .jsonld name
    assert [w.path.name for w in result.written] == [
        "digital-micro-credential-creation.jsonld",
        "edc-updates-webinar.jsonld",
    ]
    for written, name in zip(result.written, SEALED, strict=True):
        original = (VECTORS / name).read_bytes()
        assert sha256(written.path.read_bytes()) == sha256(original) == written.sha256
    assert result.refused == ()
    assert sorted(p.name for p in (tmp_path / "europass").iterdir()) == [
        "README.txt",
        "digital-micro-credential-creation.jsonld",
        "edc-updates-webinar.jsonld",
    ]


@pytest.mark.parametrize(("name", "why"), NOT_FOR_EUROPASS.items())
def test_anything_but_a_sealed_edc_is_refused_with_why_and_what_instead(
    tmp_path: Path, name: str, why: str
) -> None:
    items = [("1", load(SEALED[0])), ("2", load(name))]
    result = export_europass_originals(items, tmp_path, written_at=WHEN)
    assert [w.label for w in result.written] == ["1"]
    (refused,) = result.refused
    assert refused.label == "2"
    assert why in refused.reason
    assert "PDF" in refused.reason
    assert refused.reason.endswith(".")


def test_when_nothing_can_go_to_europass_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    items = [("7", load("w3c/1edtech-obv3-ldp-signed-credential.json"))]
    with pytest.raises(NotExportable, match=r"Teamwork Badge.*export it as a PDF"):
        export_europass_originals(items, folder)
    assert not folder.exists()


def test_a_tampered_sealed_file_is_still_written_as_it_is(tmp_path: Path) -> None:
    # Europass checks the seal itself; Kredo never "repairs" or re-serialises a file.
    document = json.loads((VECTORS / SEALED[0]).read_bytes())
    document["payload"] = document["payload"].replace("Zed", "Zet", 1)
    tampered = json.dumps(document, indent=1).encode()
    result = export_europass_originals([("1", parse_credential(tampered))], tmp_path)
    assert result.written[0].path.read_bytes() == tampered


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Europass wallet",
                "This folder holds 1 credential file, exactly as its issuer sealed it:",
                '"My Library"',
                "europass.europa.eu",
                "breaks the seal",
                "Not exported",
                "Digital micro-credential creation — University of Zed",
                "Written by Kredo on 1 November 2026.",
            ],
        ),
        (
            "cs",
            [
                "peněženku Europass",
                "obsahuje 1 soubor s certifikátem přesně tak, jak ho vydavatel zapečetil:",
                "„My Library“",
                "europass.europa.eu",
                "pečeť poruší",
                "Neexportováno",
                "Vytvořeno aplikací Kredo 1. 11. 2026.",
            ],
        ),
    ],
)
def test_readme_says_where_to_upload_in_the_learners_language(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    items = [("1", load(SEALED[0])), ("2", load("edc/Sample-MC-Annex1-unsigned.jsonld"))]
    result = export_europass_originals(items, tmp_path, lang=lang, written_at=WHEN)
    readme = result.readme.read_text(encoding="utf-8")
    for text in expected:
        assert text in readme, text
    assert sha256((VECTORS / SEALED[0]).read_bytes()) in readme
    assert "http" not in readme  # no web address Kredo cannot vouch for


def test_existing_files_are_never_overwritten(tmp_path: Path) -> None:
    # GIVEN a folder where the target name already holds someone else's file
    (tmp_path / "digital-micro-credential-creation.jsonld").write_bytes(b"my own notes")
    result = export_europass_originals([("1", load(SEALED[0]))], tmp_path)
    # THEN the export takes the next free name and leaves that file alone
    assert result.written[0].path.name == "digital-micro-credential-creation-2.jsonld"
    assert (tmp_path / "digital-micro-credential-creation.jsonld").read_bytes() == b"my own notes"
    # AND exporting again reuses the identical file instead of making a third copy
    again = export_europass_originals([("1", load(SEALED[0]))], tmp_path)
    assert again.written[0].path == result.written[0].path


def test_two_credentials_with_one_title_get_two_files(tmp_path: Path) -> None:
    sealed = load(SEALED[0])
    document = json.loads(sealed.raw)
    document["signatures"][0]["signature"] = document["signatures"][0]["signature"][::-1]
    other = parse_credential(json.dumps(document).encode())
    result = export_europass_originals([("1", sealed), ("2", other)], tmp_path)
    assert [w.path.name for w in result.written] == [
        "digital-micro-credential-creation.jsonld",
        "digital-micro-credential-creation-2.jsonld",
    ]


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export_europass_originals([("1", load(SEALED[0]))], tmp_path / "out")
