"""Imported credentials are verified in the background, without pressing anything (Kredo
issue 19: every card used to say "Not yet checked" until F5); a setting turns it off; F5 shows
the Verification tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.credential_model import CredentialRoles
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.settings_dialog import SettingsDialog
from wallet.app.verify_habits import VERIFY_AFTER_IMPORT_SETTING
from wallet.store.wallet import OpenWallet
from wallet.trust.user_trust import add_trusted_issuer

# A VC 2.0 signed with eddsa-rdfc-2022 by its issuer's did:key: proven offline, and verified
# once the learner trusts that issuer.
DIDKEY = VECTORS.parent / "realworld" / "dcc" / "v2-eddsa-rdfc-2022-didkey-minimal.json"
DIDKEY_ISSUER = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"


def _drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def _states(window: MainWindow) -> list[str]:
    return [window.model.index(r).data(CredentialRoles.STATE)
            for r in range(window.model.rowCount())]


def test_a_dropped_credential_is_verified_without_pressing_anything(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN a wallet whose learner trusts the issuer of a signed credential
    add_trusted_issuer(opened.repository, DIDKEY_ISSUER)
    # WHEN the credential file is dropped on the window, and nothing else is done
    _drop(window, DIDKEY)
    # THEN its card's chip turns to Verified by itself
    qtbot.waitUntil(lambda: _states(window) == ["verified"], timeout=20_000)
    settle()
    # AND the verdict is remembered, checked offline (online checks were not allowed)
    record = opened.repository.latest_verification(opened.repository.ids()[0])
    assert record is not None
    assert (record.status, record.mode) == ("verified", "offline")
    # AND the status bar's progress is gone again
    assert window.verification.progress.isHidden()


def test_a_pasted_credential_is_verified_too(
    qtbot: QtBot, window: MainWindow, settle: Settle,
) -> None:
    # GIVEN a sealed European credential on the clipboard
    QGuiApplication.clipboard().setText(SEALED.read_text(encoding="utf-8"))
    # WHEN it is pasted
    window.paste()
    # THEN it is checked in the background: its seal holds, its test CA is on no list
    qtbot.waitUntil(lambda: _states(window) == ["partially_verified"], timeout=20_000)
    settle()


def test_with_the_setting_off_an_import_stays_not_yet_checked(
    qtbot: QtBot, window: MainWindow, session: WalletSession, opened: OpenWallet,
    settle: Settle,
) -> None:
    # GIVEN the Settings dialog: "Verify credentials after import" is on in a new wallet
    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    settle()
    assert dialog.verify_after_import.isChecked()
    # WHEN the learner turns it off and saves
    dialog.verify_after_import.setChecked(False)
    dialog.save()
    settle()
    # THEN the choice is kept in the wallet, and a new Settings dialog shows it
    assert opened.repository.get_setting(VERIFY_AFTER_IMPORT_SETTING) == "0"
    again = SettingsDialog(session, window)
    qtbot.addWidget(again)
    settle()
    assert not again.verify_after_import.isChecked()
    # WHEN a credential is dropped on the window
    add_trusted_issuer(opened.repository, DIDKEY_ISSUER)
    _drop(window, DIDKEY)
    settle()
    # THEN it is stored but not checked: its card says so and nothing was remembered
    assert _states(window) == ["unchecked"]
    assert opened.repository.latest_verification(opened.repository.ids()[0]) is None


def test_f5_verifies_the_selected_card_on_the_verification_tab(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN an imported credential, shown in the detail on its Overview tab
    _drop(window, SEALED)
    settle()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    window.detail.tabs.setCurrentIndex(0)
    # WHEN the learner presses F5 (the Verify action)
    window.act_verify.trigger()
    # THEN the Verification tab opens and shows the fresh verdict
    assert window.detail.tabs.currentWidget() is window.detail.verify_panel
    settle()
    assert window.detail.verify_panel.status == "partially_verified"
    assert window.act_verify.shortcut().toString() == "F5"
