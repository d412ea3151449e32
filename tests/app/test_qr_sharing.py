"""QR codes through the application layer: a credential of the wallet or a file into one code
or an animation, a presentation into frames for the screen; each scans back to the exact
bytes, and what the wallet shared is logged once the image exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.share_fixtures import OB3, SEALED_EDC, UNSEALED_EDC, repository, store
from wallet.app.presenting import PresentationRequest
from wallet.app.qr_sharing import (
    QrEncodingChoice,
    QrImageFormat,
    credential_file_qr_image,
    presentation_qr,
    stored_credential_qr_image,
)
from wallet.errors import ExportError, NotACredential, QrPayloadTooLarge, SharingError
from wallet.qr.scan import scan_files, scan_texts
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions

__all__ = ["repository"]  # a fixture of share_fixtures, used by name

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_a_stored_credential_becomes_one_code_that_scans_back_and_is_logged(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN an Open Badge in the wallet
    [badge] = store(repository, OB3)
    out = tmp_path / "badge.png"
    # WHEN the learner writes its QR code as a PNG in Kredo's own form
    image = stored_credential_qr_image(repository, badge, out, encoding=QrEncodingChoice.KREDO)
    # THEN one code holds it, the file is that PNG, and a scan gives the stored bytes back
    assert image.encoding.single and image.image_format is QrImageFormat.PNG
    assert out.read_bytes() == image.data and image.data.startswith(PNG_SIGNATURE)
    [found] = scan_files([out]).credentials
    assert found.raw == OB3.read_bytes()
    # AND the wallet logs it as shared by QR
    [entry] = repository.share_log()
    assert (entry.form, entry.credential_ids) == ("qr", (badge,))


def test_a_large_credential_in_a_png_file_is_an_animated_png_that_scans_back(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a credential too large for one code
    [large] = store(repository, UNSEALED_EDC)
    out = tmp_path / "credential.png"
    # WHEN its code is written to a .png file
    image = stored_credential_qr_image(repository, large, out)
    # THEN it is an APNG of every frame, still a .png, and its frames rebuild the credential
    assert not image.encoding.single
    assert image.image_format is QrImageFormat.APNG
    assert image.data.startswith(PNG_SIGNATURE) and b"acTL" in image.data
    result = scan_files([out])
    assert [c.raw for c in result.credentials] == [UNSEALED_EDC.read_bytes()]
    assert result.multipart is not None
    assert result.multipart.fragments_total == image.encoding.fragments_needed


@pytest.mark.parametrize(
    ("name", "asked", "error", "sentence"),
    [
        ("code.svg", None, QrPayloadTooLarge, "which a still SVG cannot show"),
        ("code.gif", QrImageFormat.PNG, QrPayloadTooLarge, "which a still PNG cannot show"),
        ("code.bmp", None, SharingError, "Say which image to write"),
        ("missing/code.gif", None, ExportError, "could not be written"),
    ],
)
def test_an_image_that_cannot_show_the_code_is_refused_and_nothing_is_logged(
    repository: CredentialRepository, tmp_path: Path, name: str,
    asked: QrImageFormat | None, error: type[Exception], sentence: str,
) -> None:
    # GIVEN a credential that needs several frames
    [large] = store(repository, UNSEALED_EDC)
    out = tmp_path / name
    # WHEN it is asked for in an image that cannot hold it (or in no known image at all)
    with pytest.raises(error, match=sentence):
        stored_credential_qr_image(repository, large, out, image_format=asked)
    # THEN no file and no share
    assert not out.exists()
    assert repository.share_log() == []


def test_a_credential_file_becomes_a_code_and_anything_else_is_refused(tmp_path: Path) -> None:
    # GIVEN a credential file WHEN its code is written as SVG THEN it is one code in an SVG
    image = credential_file_qr_image(OB3, tmp_path / "badge.svg")
    assert image.image_format is QrImageFormat.SVG
    assert (tmp_path / "badge.svg").read_bytes().startswith(b"<?xml")
    # AND an animated GIF of a large file scans back to the exact bytes
    animated = credential_file_qr_image(SEALED_EDC, tmp_path / "sealed.gif",
                                        max_frame_chars=3391)
    assert animated.image_format is QrImageFormat.GIF and not animated.encoding.single
    assert scan_texts(animated.encoding.frames).credentials[0].raw == SEALED_EDC.read_bytes()
    # GIVEN a text file that is no credential WHEN asked for its code THEN it is refused
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: milk", encoding="utf-8")
    with pytest.raises(NotACredential):
        credential_file_qr_image(notes, tmp_path / "notes.png")
    assert not (tmp_path / "notes.png").exists()


def test_a_presentation_on_screen_is_frames_that_scan_to_a_verifiable_presentation(
    repository: CredentialRepository,
) -> None:
    # GIVEN an Open Badge and a sealed EDC (150 KB: an animated code)
    ids = store(repository, OB3, SEALED_EDC)
    request = PresentationRequest(tuple(ids), challenge="job-4711", domain="hr.example.cz")
    # WHEN the learner shows them as a QR code for the employer
    shown = presentation_qr(repository, request, recipient="ACME HR")
    # THEN the frames carry the signed presentation exactly
    assert not shown.encoding.single
    [found] = scan_texts(shown.encoding.frames).credentials
    assert found.raw == shown.presentation.data
    report = verify_file_bytes(found.raw, options=VerifyOptions(challenge="job-4711",
                                                                domain="hr.example.cz"))
    holder = report.check("holder")
    assert holder is not None and holder.status.value == "ok"
    # AND the share is logged as a QR code, with whom
    [entry] = repository.share_log()
    assert (entry.form, entry.recipient, entry.credential_ids) == ("qr", "ACME HR",
                                                                   tuple(sorted(ids)))
