"""`kredo export pdf|europass|europass-cv` against a real wallet, and `kredo scan` on the PDF."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lxml import etree

from tests.cli.conftest import VECTORS, Kredo
from tests.export.cv_structure import q, structure_errors
from tests.share.pdf_reading import pdf_attachments, pdf_text
from wallet.store.wallet import open_wallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
CZECH = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
BADGE = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SMALL = VECTORS / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json"


def share_forms(kredo: Kredo) -> list[str]:
    """What the wallet's share log remembers (the form of each export, no contents)."""
    home = kredo.home  # type: ignore[attr-defined]
    with open_wallet(home, passphrase_provider=lambda: "correct horse battery staple") as opened:
        return sorted(record.form for record in opened.repository.share_log())


def remembered_status(kredo: Kredo, credential_id: str) -> str | None:
    home = kredo.home  # type: ignore[attr-defined]
    with open_wallet(home, passphrase_provider=lambda: "correct horse battery staple") as opened:
        record = opened.repository.latest_verification(int(credential_id))
    return record.status if record is not None else None


def wallet_with(kredo: Kredo, *files: Path) -> list[str]:
    assert kredo("init", "--passphrase").code == 0
    result = kredo("import", *(str(f) for f in files), "--json")
    assert result.code == 0, result.err
    return [str(o["id"]) for o in result.json()]  # type: ignore[union-attr]


def test_export_pdf_then_scan_finds_and_verifies_the_attached_original(
    kredo: Kredo, tmp_path: Path
) -> None:
    (sealed,) = wallet_with(kredo, SEALED)
    out = tmp_path / "credential.pdf"
    result = kredo("export", "pdf", sealed, "--out", str(out), "--lang", "cs")
    assert result.code == 0, result.err
    assert "the original credential is attached" in result.out
    pdf = out.read_bytes()
    assert list(pdf_attachments(pdf).values()) == [[SEALED.read_bytes()]]
    assert "Digital micro-credential creation" in pdf_text(pdf)
    # WHEN an employer scans the PDF (the EDC is too large for one QR code)
    scanned = kredo("scan", str(out), "--json")
    # THEN the attachment is found and verified like the original file
    direct = kredo("verify", "--file", str(SEALED), "--json")
    assert scanned.code == direct.code, scanned.err
    (found,) = scanned.json()["credentials"]  # type: ignore[index]
    assert found["kind"] == "pdf-attachment"
    assert found["report"]["status"] == direct.json()["status"]  # type: ignore[index]
    assert share_forms(kredo) == ["pdf"]
    assert remembered_status(kredo, sealed) is not None  # the PDF's verification is kept


def test_export_pdf_of_a_small_credential_scans_through_its_qr(
    kredo: Kredo, tmp_path: Path
) -> None:
    (small,) = wallet_with(kredo, SMALL)
    out = tmp_path / "small.pdf"
    assert kredo("export", "pdf", small, "--out", str(out)).code == 0
    scanned = kredo("scan", str(out), "--json")
    kinds = [c["kind"] for c in scanned.json()["credentials"]]  # type: ignore[index]
    assert kinds == ["kredo-compact"]
    direct = kredo("verify", "--file", str(SMALL), "--json")
    assert scanned.code == direct.code


def test_export_europass_writes_sealed_files_and_refuses_the_rest(
    kredo: Kredo, tmp_path: Path
) -> None:
    sealed, badge = wallet_with(kredo, SEALED, BADGE)
    folder = tmp_path / "europass"
    result = kredo("export", "europass", sealed, badge, "--out", str(folder), "--lang", "cs")
    # THEN the sealed EDC is there byte for byte, the badge is refused with a reason
    assert result.code == 2
    written = folder / "digital-micro-credential-creation.jsonld"
    assert (
        hashlib.sha256(written.read_bytes()).hexdigest()
        == hashlib.sha256(SEALED.read_bytes()).hexdigest()
    )
    assert f"{badge}\trefused\t" in result.out
    assert "export it as a PDF" in result.out
    assert "kredo export pdf ID --out FILE" in result.out
    assert "peněženku Europass" in (folder / "README.txt").read_text(encoding="utf-8")
    assert share_forms(kredo) == ["europass"]


def test_export_europass_of_only_a_badge_fails_with_the_reason(
    kredo: Kredo, tmp_path: Path
) -> None:
    (badge,) = wallet_with(kredo, BADGE)
    result = kredo("export", "europass", badge, "--out", str(tmp_path / "e"))
    assert result.code == 2
    assert "not a sealed European Digital Credential" in result.err
    assert "kredo export pdf" in result.err
    assert not (tmp_path / "e").exists()
    # and an id the wallet does not have is one sentence too, with nothing written
    missing = kredo("export", "pdf", "999", "--out", str(tmp_path / "x.pdf"))
    assert missing.code == 2
    assert missing.err.startswith("kredo: ") and missing.err.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_export_europass_cv_writes_xml_and_pdf(kredo: Kredo, tmp_path: Path) -> None:
    czech, badge = wallet_with(kredo, CZECH, BADGE)
    xml_path, pdf_path = tmp_path / "cv.xml", tmp_path / "cv.pdf"
    result = kredo(
        "export",
        "europass-cv",
        czech,
        badge,
        "--out",
        str(xml_path),
        "--pdf",
        str(pdf_path),
        "--lang",
        "cs",
        "--email",
        "jana@example.cz",
    )
    assert result.code == 0, result.err
    assert f"{czech}\teducation\tZáklady analýzy dat v Pythonu" in result.out
    assert f"{badge}\tcertification\tTeamwork Badge" in result.out
    root = etree.parse(str(xml_path)).getroot()
    assert structure_errors(root) == []
    assert [e.text for e in root.iter(q("oa:URI"))] == ["jana@example.cz"] * 2
    assert pdf_attachments(pdf_path.read_bytes()) == {"attachment.xml": [xml_path.read_bytes()]}


def test_export_europass_cv_asks_for_names_the_credentials_do_not_state(
    kredo: Kredo, tmp_path: Path
) -> None:
    (badge,) = wallet_with(kredo, BADGE)
    out = tmp_path / "cv.xml"
    refused = kredo("export", "europass-cv", badge, "--out", str(out))
    assert refused.code == 2
    assert "given name and family name" in refused.err
    assert not out.exists()
    ok = kredo(
        "export",
        "europass-cv",
        badge,
        "--out",
        str(out),
        "--given-name",
        "Ana",
        "--family-name",
        "Andromeda",
        "--section",
        "education",
    )
    assert ok.code == 0, ok.err
    assert f"{badge}\teducation\tTeamwork Badge" in ok.out
