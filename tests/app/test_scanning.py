"""Scan use cases: QR pictures, PDFs, camera texts and credential files → verified reports, with
one sentence for everything that could not be used, and the wallet's trust when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.conftest import MUNI, OB3, SEALED
from tests.qr.pictures import code, encoded
from tests.robustness.corpus import ob3_document, signers
from wallet.app.scanning import (
    FILE_KIND,
    read_codes,
    scan_files,
    scan_picture,
    scan_texts,
    write_report,
)
from wallet.app.verifying import VerifyRequest, verify_options
from wallet.errors import ExportError
from wallet.qr.compact import encode_compact
from wallet.qr.encode import encode_for_qr
from wallet.store.repository import CredentialRepository
from wallet.trust.user_trust import add_trusted_issuer
from wallet.verify.report import OverallStatus

BUNDLED = verify_options(VerifyRequest())


def _picture(folder: Path, name: str, text: str, *, scale: int = 4) -> Path:
    path = folder / name
    path.write_bytes(encoded(code(text, scale=scale), "PNG"))
    return path


def test_a_qr_picture_a_credential_file_and_a_note_are_each_accounted_for(tmp_path: Path) -> None:
    # GIVEN a picture of a Kredo QR code, the credential file an applicant mailed, and a note
    picture = _picture(tmp_path, "badge.png", encode_compact(OB3.read_bytes()))
    note = tmp_path / "notes.txt"
    note.write_text("shopping list: milk", encoding="utf-8")
    # WHEN they are scanned together
    scanned = scan_files([picture, MUNI, note], BUNDLED)
    # THEN the file and the code each have a report, and the note one sentence
    assert [(c.source, c.kind) for c in scanned.credentials] == [
        (MUNI.name, FILE_KIND), ("badge.png", "kredo-compact")]
    file_report, code_report = (c.report for c in scanned.credentials)
    assert file_report.status is OverallStatus.FAILED  # an unsigned sample
    assert code_report.status is OverallStatus.INDETERMINATE  # its key is online only
    assert scanned.credentials[1].raw == OB3.read_bytes()
    assert len(scanned.messages) == 1 and scanned.messages[0].startswith("notes.txt: ")
    # AND the worst verdict is the unsigned sample's
    assert scanned.worst is OverallStatus.FAILED


def test_a_code_that_holds_no_credential_does_not_hide_the_others(tmp_path: Path) -> None:
    # GIVEN a Kredo code whose contents are no credential, next to a good one
    junk = _picture(tmp_path, "junk.png", encode_compact(b"shopping list: milk"))
    good = _picture(tmp_path, "good.png", encode_compact(OB3.read_bytes()))
    # WHEN both are scanned
    scanned = scan_files([junk, good], BUNDLED)
    # THEN the good one is verified and the junk is one sentence naming its picture
    assert [c.source for c in scanned.credentials] == ["good.png"]
    assert len(scanned.messages) == 1 and scanned.messages[0].startswith("junk.png: ")


def test_the_frames_of_a_multi_part_code_across_pictures_in_a_folder(tmp_path: Path) -> None:
    # GIVEN a folder with a picture of each frame of a multi-part code of the Czech sample
    frames = tmp_path / "frames"
    frames.mkdir()
    encoding = encode_for_qr(MUNI.read_bytes())
    assert not encoding.single
    for number, frame in enumerate(encoding.frames):
        _picture(frames, f"frame-{number:03}.png", frame, scale=3)
    # WHEN the folder is scanned
    scanned = scan_files([frames], BUNDLED)
    # THEN the code is put together and verified as the file itself is
    (found,) = scanned.credentials
    assert found.kind == "ur-multipart" and found.raw == MUNI.read_bytes()
    assert found.report.status is OverallStatus.FAILED
    assert scanned.multipart is not None and scanned.multipart.fraction == 1.0


def test_the_same_credential_as_a_file_and_in_a_code_is_reported_once(tmp_path: Path) -> None:
    picture = _picture(tmp_path, "badge.png", encode_compact(OB3.read_bytes()))
    scanned = scan_files([OB3, picture], BUNDLED)
    assert [(c.source, c.kind) for c in scanned.credentials] == [(OB3.name, FILE_KIND)]


def test_a_missing_file_and_nothing_found(tmp_path: Path) -> None:
    scanned = scan_files([tmp_path / "gone.png"], BUNDLED)
    assert scanned.credentials == () and scanned.worst is None
    assert scanned.messages == ("gone.png: The file gone.png does not exist.",)


def test_camera_texts_are_verified_with_the_wallets_trust(repository: CredentialRepository) -> None:
    # GIVEN a badge by an issuer the learner trusts, read by a camera with a web address
    keys = signers()
    badge = keys.data_integrity(ob3_document(keys.ed_did, 1), "eddsa-rdfc-2022")
    add_trusted_issuer(repository, keys.ed_did)
    texts = [encode_compact(badge), "https://example.edu/badge/1"]
    # WHEN the texts are scanned with the wallet's options and with the bundled ones
    in_wallet = scan_texts(texts, source="camera",
                           options=verify_options(VerifyRequest(), settings=repository))
    bare = scan_texts(texts, source="camera", options=BUNDLED)
    # THEN only the wallet's trust makes it verified; the address is named, not opened
    assert in_wallet.worst is OverallStatus.VERIFIED
    assert bare.worst is OverallStatus.PARTIALLY_VERIFIED
    assert [(source, payload.kind) for source, payload in in_wallet.others] == [("camera", "url")]


def test_a_picture_in_memory_and_a_camera_frame() -> None:
    # GIVEN a pasted picture of a QR code
    picture = code(encode_compact(OB3.read_bytes()))
    # WHEN its codes are read, and it is scanned
    texts = read_codes(picture)
    scanned = scan_picture(picture, source="picture", options=BUNDLED)
    # THEN the code's text is read and its credential verified
    assert texts == [encode_compact(OB3.read_bytes())]
    assert [(c.source, c.raw) for c in scanned.credentials] == [("picture", OB3.read_bytes())]


def test_a_report_is_saved_as_json_with_its_source(tmp_path: Path) -> None:
    # GIVEN a scanned sealed EDC
    (found,) = scan_files([SEALED], BUNDLED).credentials
    # WHEN its report is saved
    out = tmp_path / "report.json"
    write_report(out, found)
    # THEN the file holds the source and the report as the CLI prints it
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved == {"source": SEALED.name, "report": found.report.to_json()}
    # AND a place that cannot be written is one sentence
    with pytest.raises(ExportError, match=r"^The report could not be written\.$"):
        write_report(tmp_path, found)
