"""scan_files on images and PDFs: codes on pages, attachments when a PDF has no code, frames
spread over many files, and a sentence for every file that gave nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from tests.qr.pictures import code, encoded
from wallet.formats import parse_credential
from wallet.qr.compact import encode_compact
from wallet.qr.encode import encode_for_qr
from wallet.qr.scan import scan_files, scan_texts
from wallet.share.pdf import credential_pdf
from wallet.verify.engine import verify_credential, verify_file_bytes

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
OB3 = (VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
EDDSA = (VECTORS / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json").read_bytes()
SEALED = (VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld").read_bytes()
SYNTHETIC = (VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld").read_bytes()


def a4_pdf(
    picture: Image.Image | None = None, attachments: dict[str, bytes] | None = None
) -> bytes:
    """An A4 page (150 dpi) showing ``picture`` 2 cm from the top left, with attached files."""
    page = Image.new("L", (1240, 1754), 255)
    if picture is not None:
        page.paste(picture, (118, 118))
    plain = encoded(page.convert("RGB"), "PDF", resolution=150)
    if not attachments:
        return plain
    document = pypdfium2.PdfDocument(plain)
    for name, data in attachments.items():
        document.new_attachment(name).set_data(data)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_code_printed_on_a_pdf_page(tmp_path: Path) -> None:
    pdf = write(tmp_path, "badge.pdf", a4_pdf(code(encode_compact(OB3), scale=3)))
    result = scan_files([pdf])
    assert [(c.raw, c.source, c.kind) for c in result.credentials] == [
        (OB3, "badge.pdf, page 1", "kredo-compact")
    ]


def test_a_pdf_without_a_code_gives_its_attachments(tmp_path: Path) -> None:
    pdf = write(tmp_path, "edc.pdf", a4_pdf(attachments={"credential.jsonld": SEALED}))
    result = scan_files([pdf])
    assert [(c.raw, c.kind) for c in result.credentials] == [(SEALED, "pdf-attachment")]
    assert result.credentials[0].source == "edc.pdf, attached file credential.jsonld"


def test_a_pdf_with_neither_says_so(tmp_path: Path) -> None:
    result = scan_files([write(tmp_path, "empty.pdf", a4_pdf())])
    assert result.credentials == ()
    assert result.messages == (
        "empty.pdf: the PDF shows no readable QR code and has no attached file.",
    )


def test_a_broken_pdf(tmp_path: Path) -> None:
    result = scan_files([write(tmp_path, "broken.pdf", a4_pdf()[:300])])
    assert result.messages and "PDF could not be opened" in result.messages[0]


@pytest.mark.parametrize(("raw", "kind"), [(EDDSA, "kredo-compact"), (SEALED, "pdf-attachment")])
def test_kredos_own_pdf_export_scans_to_the_same_verdict(
    tmp_path: Path, raw: bytes, kind: str
) -> None:
    # GIVEN Kredo's PDF export: a first-page code for small credentials, the attachment always
    credential = parse_credential(raw)
    report = verify_credential(credential)
    pdf = credential_pdf(credential, raw, lang="cs", report=report)
    # WHEN it is scanned
    result = scan_files([write(tmp_path, "export.pdf", pdf)])
    # THEN the original bytes come back and verify as the file does
    assert [(c.raw, c.kind) for c in result.credentials] == [(raw, kind)]
    assert verify_file_bytes(result.credentials[0].raw).status is report.status


def test_frames_spread_over_files_and_one_damaged_file(tmp_path: Path) -> None:
    encoding = encode_for_qr(SYNTHETIC)
    paths = [
        write(tmp_path, f"frame-{n:02}.png", encoded(code(frame, scale=3), "PNG"))
        for n, frame in enumerate(encoding.frames)
    ]
    paths.append(write(tmp_path, "notes.txt", b"not a picture"))
    result = scan_files(paths)
    assert [c.raw for c in result.credentials] == [SYNTHETIC]
    assert result.credentials[0].kind == "ur-multipart"
    assert result.multipart is not None and result.multipart.fraction == 1.0
    assert result.messages == ("notes.txt: This file is not an image Kredo can read.",)


def test_too_few_frames_says_how_many_parts_are_missing(tmp_path: Path) -> None:
    encoding = encode_for_qr(SYNTHETIC)
    paths = [
        write(tmp_path, f"frame-{n}.png", encoded(code(frame, scale=3), "PNG"))
        for n, frame in enumerate(encoding.frames[:2])
    ]
    result = scan_files(paths)
    assert result.credentials == ()
    assert result.messages == (
        f"2 of {encoding.fragments_needed} parts of the multi-part QR code recovered from 2 "
        "frames. Scan more frames of the code (any order) to finish it.",
    )


def test_the_same_credential_seen_twice_is_reported_once(tmp_path: Path) -> None:
    picture = encoded(code(encode_compact(OB3)), "PNG")
    result = scan_files([write(tmp_path, "a.png", picture), write(tmp_path, "b.png", picture)])
    assert [c.source for c in result.credentials] == ["a.png"]


def test_texts_from_a_camera_or_clipboard() -> None:
    result = scan_texts([encode_compact(OB3), "https://example.edu/badge/1", "KR1:!!"])
    assert [c.raw for c in result.credentials] == [OB3]
    assert [payload.kind for _, payload in result.others] == ["url"]
    assert len(result.messages) == 1 and "Base45" in result.messages[0]
