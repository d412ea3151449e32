"""Share wizard → a presentation that verifies; a QR on screen; the scan dialog fed with
real QR pictures (a file, and camera frames of an animated code)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.robustness.corpus import sd_jwt_claims, signers
from tests.ui.conftest import VECTORS, Settle
from ui.scan_dialog import ScanDialog
from ui.session import WalletSession
from ui.share_wizard import ShareWizard
from wallet.app.importing import import_paths
from wallet.formats import parse_credential
from wallet.formats.vc_view_values import decode_data_url
from wallet.model import CredentialFormat
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import qr_png
from wallet.store.wallet import OpenWallet
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"


def _import(opened: OpenWallet, *paths: Path) -> list[int]:
    return [o.id for o in import_paths(opened.repository, list(paths)) if o.id is not None]


def _run_wizard(qtbot: QtBot, wizard: ShareWizard, settle: Settle, form: str) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    wizard.form_page.set_form(form)
    wizard.next()  # choose → form
    wizard.form_page.challenge.setText("job-4711")
    wizard.form_page.domain.setText("hr.example.cz")
    wizard.form_page.recipient.setText("ACME HR")
    wizard.next()  # form → done: the worker prepares the package
    settle()
    assert wizard.done_page.ready, wizard.done_page.status.text()


def test_share_wizard_writes_a_presentation_that_verifies_and_logs_it(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN two credentials, both pre-selected
    ids = _import(opened, OB3, SEALED)
    wizard = ShareWizard(session, ids, None)
    # WHEN the learner shares them as a presentation file for a challenge and domain
    _run_wizard(qtbot, wizard, settle, "presentation")
    assert wizard.choose.chosen() == ids
    out = tmp_path / "vp.json"
    wizard.write_to(out)
    # THEN the presentation's holder proof verifies for that challenge, not for another
    good = verify_file_bytes(out.read_bytes(), options=VerifyOptions(
        challenge="job-4711", domain="hr.example.cz"))
    assert good.check("holder").status.value == "ok"
    assert len(good.credentials) == 2
    replay = verify_file_bytes(out.read_bytes(), options=VerifyOptions(
        challenge="other", domain="hr.example.cz"))
    assert replay.status.value == "failed"
    # AND the share is in the local log with the label
    log = opened.repository.share_log()
    assert [(e.form, e.recipient, e.credential_ids) for e in log] == [
        ("presentation", "ACME HR", tuple(sorted(ids)))]


def test_share_wizard_shows_an_animated_qr_for_a_large_bundle(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    ids = _import(opened, SEALED)
    wizard = ShareWizard(session, ids, None)
    _run_wizard(qtbot, wizard, settle, "qr")
    assert wizard.done_page.qr.isVisible()
    assert wizard.done_page.qr.frame_count > 1  # a 150 KB sealed EDC needs many frames
    assert "frames" in wizard.done_page.status.text()


def test_scan_dialog_verifies_a_qr_picture_and_imports_only_when_asked(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a picture of a QR code carrying someone else's OB 3.0 credential
    encoding = encode_for_qr(OB3.read_bytes())
    assert encoding.single
    picture = tmp_path / "qr.png"
    picture.write_bytes(qr_png(encoding.frames[0]))
    dialog = ScanDialog(session)
    qtbot.addWidget(dialog)
    # WHEN the employer opens it
    dialog.scan_paths([picture])
    settle()
    # THEN the report is shown check by check, and nothing entered the wallet
    assert dialog.results.count() == 1
    panel = dialog.results.widget(0)
    assert {card.check_id for card in panel.cards} >= {"format", "signature", "issuer"}
    assert opened.repository.count() == 0
    # AND the report can be saved as JSON
    report_file = tmp_path / "report.json"
    dialog.write_report(report_file)
    saved = json.loads(report_file.read_text(encoding="utf-8"))
    assert saved["report"]["format"] == "vc-jsonld"
    assert saved["source"] == "qr.png"


def test_scan_dialog_assembles_an_animated_code_from_camera_frames(
    qtbot: QtBot, session: WalletSession, settle: Settle
) -> None:
    # GIVEN the frames of an animated code, as a camera would deliver them (no camera here)
    encoding = encode_for_qr(SEALED.read_bytes())
    assert not encoding.single
    dialog = ScanDialog(session)
    qtbot.addWidget(dialog)
    # WHEN the frames arrive one by one, in reverse order
    for text in reversed(encoding.frames):
        dialog.feed_frame(QImage.fromData(qr_png(text)))
        settle()
        if dialog.results.count():
            break
    # THEN the sealed credential is reassembled and verified (its seal holds)
    assert dialog.results.count() == 1
    assert dialog.outcome is not None
    assert dialog.outcome.credentials[0].raw == SEALED.read_bytes()
    assert dialog.outcome.credentials[0].report.status is OverallStatus.PARTIALLY_VERIFIED


def test_scan_dialog_says_so_for_a_damaged_picture(
    qtbot: QtBot, session: WalletSession, settle: Settle, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(qr_png("KR1:ABC")[:200])
    dialog = ScanDialog(session)
    qtbot.addWidget(dialog)
    dialog.scan_paths([broken])
    settle()
    assert dialog.results.count() == 0
    assert "broken.png" in dialog.message.text()


def test_share_wizard_lets_the_learner_hold_back_sd_jwt_claims(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN an SD-JWT VC with eight selectively disclosable claims, and an Open Badge
    keys = signers()
    sd_jwt = tmp_path / "learning.sd-jwt"
    sd_jwt.write_bytes(keys.sd_jwt(*sd_jwt_claims(keys.p256_did), with_key_binding=False))
    ids = _import(opened, sd_jwt, OB3)
    wizard = ShareWizard(session, ids, None)
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    # WHEN the learner goes on, the claims page lists the SD-JWT's claims, all ticked
    wizard.next()
    settle()
    assert wizard.currentPage() is wizard.reveal_page
    top = wizard.reveal_page.tree.topLevelItem(0)
    claims = {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}
    assert claims["family_name"] == "Nováková" and len(claims) == 8
    assert wizard.reveal_page.tree.topLevelItemCount() == 1  # the badge has nothing to choose
    # AND unticks the family name and the date of issuance
    wizard.reveal_page.set_claim(ids[0], "family_name", False)
    wizard.reveal_page.set_claim(ids[0], "date_of_issuance", False)
    wizard.next()
    assert wizard.currentPage() is wizard.form_page
    wizard.form_page.set_form("presentation")
    wizard.next()
    settle()
    assert wizard.done_page.ready, wizard.done_page.status.text()
    out = tmp_path / "vp.json"
    wizard.write_to(out)
    # THEN the presentation carries the SD-JWT without those two claims, and the badge whole
    presentation = json.loads(out.read_bytes())
    carried = [parse_credential(decode_data_url(c["id"])[1])
               for c in presentation["verifiableCredential"] if isinstance(c, dict)
               and str(c.get("id", "")).startswith("data:")]
    (shown,) = [c for c in carried if c.format is CredentialFormat.SD_JWT_VC]
    assert shown.document["given_name"] == "Jana"
    assert "family_name" not in shown.document and "date_of_issuance" not in shown.document
    report = verify_file_bytes(out.read_bytes(), options=VerifyOptions())
    assert report.check("holder").status.value == "ok"
    assert len(report.credentials) == 2


def test_share_wizard_skips_the_claims_page_without_sd_jwt(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    ids = _import(opened, OB3)
    wizard = ShareWizard(session, ids, None)
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    wizard.next()
    assert wizard.currentPage() is wizard.form_page


def test_share_wizard_names_issuers_as_the_cards_do_without_a_sideways_scroll(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN the Masaryk University EDC (named in cs and en) and the W3C work permit, whose
    # issuer is only a did:key, in a wallet used in Czech
    _import(opened, VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld",
            VECTORS / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json")
    session.lang = "cs"
    # WHEN the share wizard opens at its own size
    wizard = ShareWizard(session, [], None)
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    items = [wizard.choose.list.item(i) for i in range(wizard.choose.list.count())]
    lines = [item.text() for item in items]
    # THEN the university is named in Czech, the DID shortened (whole in the tooltip), and
    # the list needs no horizontal scroll bar
    assert "Základy analýzy dat v Pythonu — Masarykova univerzita" in lines
    permit = next(item for item in items if item.text().startswith("Employment"))
    assert permit.text() == "Employment Authorization Document — did:key:zDnaeg…TyfU76"
    assert permit.toolTip().startswith("did:key:zDnaegE6RR3at")
    assert wizard.choose.list.horizontalScrollBar().maximum() == 0
