"""The share wizard's QR page tells the learner, in plain words, who can scan the code and how
long an animation takes; the figures wait behind the "Expert details" toggle."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.session import WalletSession
from ui.share_wizard import ShareWizard
from wallet.app.importing import import_paths
from wallet.app.qr_sharing import choose_qr_encoding
from wallet.qr.vpqr import decode_vpqr
from wallet.store.wallet import OpenWallet

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"


def _import(opened: OpenWallet, path: Path) -> list[int]:
    return [o.id for o in import_paths(opened.repository, [path]) if o.id is not None]


def _share_as_qr(qtbot: QtBot, wizard: ShareWizard, settle: Settle) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    wizard.form_page.set_form("qr")
    wizard.next()  # choose → form
    wizard.next()  # form → done: the worker signs and encodes
    settle()
    assert wizard.done_page.ready, wizard.done_page.status.text()


def test_a_small_presentation_is_a_vpqr_code_other_wallets_read(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN one Open Badge in the wallet
    wizard = ShareWizard(session, _import(opened, OB3), None)
    # WHEN the learner shares it as a QR code
    _share_as_qr(qtbot, wizard, settle)
    page = wizard.done_page
    # THEN the page says which wallets can scan it, without figures
    text = page.status.text()
    assert "Any wallet that reads DCC VPQR codes (such as the DCC Learner Credential" in text
    assert "bytes" not in text and "Only Kredo" not in text
    assert page.qr.frame_count == 1
    assert wizard.package is not None
    assert wizard.package.qr_details.startswith("1 QR code in the VPQR format:")
    # AND the figures are folded away until the expert toggle is pressed
    assert page.expert.isVisible() and not page.details.isVisible()
    qtbot.mouseClick(page.expert, Qt.MouseButton.LeftButton)
    assert page.details.isVisible()
    assert "characters of VP1- text" in page.details.text()
    qtbot.mouseClick(page.expert, Qt.MouseButton.LeftButton)
    assert not page.details.isVisible()


def test_a_sealed_edc_is_an_animation_only_kredo_reads_with_its_scanning_time(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN a 150 kB sealed EDC
    wizard = ShareWizard(session, _import(opened, SEALED), None)
    # WHEN the learner shares it as a QR code
    _share_as_qr(qtbot, wizard, settle)
    page = wizard.done_page
    # THEN the page is honest that only Kredo reads it and says how long to hold the phone
    text = page.status.text()
    assert "Only Kredo can read this animated code." in text
    assert "seconds of steady scanning: the code shows 5 frames a second" in text
    assert "bytes per frame" not in text
    assert page.qr.frame_count > 1
    # AND the frame figures are under the expert toggle
    page.expert.setChecked(True)
    assert page.details.isVisible() and "bytes per frame" in page.details.text()


def test_the_vpqr_text_scans_back_to_the_signed_presentation(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN a badge shared as a QR code
    wizard = ShareWizard(session, _import(opened, OB3), None)
    _share_as_qr(qtbot, wizard, settle)
    # WHEN the code's text is read back as VPQR
    assert wizard.package is not None
    choice = choose_qr_encoding(wizard.package.data)
    presentation = decode_vpqr(choice.encoding.frames[0])
    # THEN it is the signed presentation the wizard made
    assert presentation == json.loads(wizard.package.data)
