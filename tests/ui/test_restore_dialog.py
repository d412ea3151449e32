"""Restoring from the GUI: one dialog with the file, a masked passphrase that can be shown,
what restoring does to this wallet, a busy bar while the worker reads, then "Done — restored N
credentials from …"; a wrong passphrase or a damaged file is a sentence, the wallet stays as it
was and the dialog open for another try. The backups are real ones of a real wallet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FAST_KDF, VECTORS, Settle
from ui.backup_dialogs import BackupDialog, RestoreDialog
from ui.i18n import Translation
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.settings_dialog import SettingsDialog
from wallet.app.backups import back_up
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
EDC = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
BACKUP_PASSPHRASE = "seven lonely pianos hum"
NOTE = "Shown at the interview in May."
UNCHANGED = "Your wallet is unchanged: type the passphrase again, or choose another file."


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    """A backup of another learner's wallet: an Open Badge and a sealed EDC, one with a note."""
    source = tmp_path / "source"
    init_wallet(source, passphrase="source wallet 123", use_keyring=False, kdf_params=FAST_KDF)
    out = tmp_path / "learner.kredo"
    with open_wallet(source, passphrase_provider=lambda: "source wallet 123") as wallet:
        badge, edc = import_paths(wallet.repository, [OB3, EDC])
        assert badge.id is not None and edc.id is not None
        wallet.repository.set_note(edc.id, NOTE)
        summary = back_up(wallet.repository, out, BACKUP_PASSPHRASE)
    assert summary.credentials == 2
    return out


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The English catalogue, which says "1 credential" and "2 credentials"."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.use("en")
    yield
    translation.use("en")


def _dialog(qtbot: QtBot, session: WalletSession, path: Path) -> RestoreDialog:
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(path))
    return dialog


def _hashes(opened: OpenWallet) -> set[str]:
    repo = opened.repository
    return {repo.get(i).content_hash for i in repo.ids()}


def test_a_wrong_passphrase_is_a_sentence_and_the_right_one_restores(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
    backup_file: Path,
) -> None:
    # GIVEN an empty wallet and the restore dialog on a real backup
    assert opened.repository.count() == 0
    dialog = _dialog(qtbot, session, backup_file)
    # WHEN the learner types a wrong passphrase and presses Restore
    dialog.passphrase.setText("seven lonely pianos hmm")
    dialog.start.click()
    # THEN a busy bar shows and the fields wait while the worker reads
    assert dialog.progress.isVisible() and not dialog.passphrase.isEnabled()
    settle()
    # AND the dialog says so in a sentence, stays open, and nothing came into the wallet
    assert dialog.problem.isVisible() and not dialog.outcome.isVisible()
    assert dialog.problem.text() == (
        "The backup passphrase is wrong, or the file was altered; nothing was restored. "
        + UNCHANGED)
    assert opened.repository.count() == 0
    assert dialog.isVisible() and dialog.start.isEnabled()
    # AND the passphrase is selected, ready to be typed again
    assert dialog.passphrase.selectedText() == "seven lonely pianos hmm"
    # WHEN the right passphrase is typed and Restore pressed again
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    with qtbot.waitSignal(session.changed, timeout=20_000):
        dialog.start.click()
    settle()
    # THEN it says what came back and from where
    assert not dialog.problem.isVisible() and dialog.outcome.isVisible()
    assert dialog.outcome.text() == "Done — restored 2 credentials from learner.kredo."
    # AND both credentials are in the wallet, the note with its credential
    repo = opened.repository
    assert repo.count() == 2
    assert NOTE in {repo.get(i).note for i in repo.ids()}
    # AND the passphrase does not linger in the dialog
    assert dialog.passphrase.text() == ""


def test_a_damaged_backup_is_a_sentence_and_the_wallet_keeps_what_it_had(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
    backup_file: Path, tmp_path: Path,
) -> None:
    # GIVEN a wallet holding one credential, and a backup cut short on its way (a USB stick
    # pulled too early)
    [kept] = import_paths(opened.repository, [OB3])
    assert kept.id is not None
    before = _hashes(opened)
    cut = tmp_path / "cut.kredo"
    data = backup_file.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    dialog = _dialog(qtbot, session, cut)
    # WHEN the learner restores it with the right passphrase
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.start.click()
    settle()
    # THEN the dialog says the file is damaged, and the wallet holds what it held
    assert dialog.problem.text() == (
        "The backup file is cut short; nothing was restored. " + UNCHANGED)
    assert _hashes(opened) == before


def test_credentials_already_here_are_counted_not_added_twice(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
    backup_file: Path,
) -> None:
    # GIVEN a wallet that already holds the Open Badge that is in the backup
    [kept] = import_paths(opened.repository, [OB3])
    assert kept.id is not None
    dialog = _dialog(qtbot, session, backup_file)
    # WHEN the backup is restored
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    dialog.start.click()
    settle()
    # THEN one came back, one was already here, and the wallet has each once
    assert dialog.outcome.text() == ("Done — restored 1 credential from learner.kredo. "
                                     "Skipped 1 credential already in this wallet.")
    assert opened.repository.count() == 2
    assert dialog.report is not None and dialog.report.duplicates == 1


def test_the_passphrase_is_masked_until_shown_and_nothing_starts_half_typed(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
    backup_file: Path,
) -> None:
    # GIVEN the restore dialog with no file chosen
    dialog = _dialog(qtbot, session, Path())
    dialog.path.clear()
    # THEN the passphrase is masked, and "Show the passphrase" shows it and hides it again
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    dialog.reveal.setChecked(True)
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Normal
    dialog.reveal.setChecked(False)
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    # WHEN Restore is pressed without a file, then with a file but no passphrase
    dialog.start.click()
    # THEN each time a sentence says what is missing, and nothing runs
    assert dialog.problem.text() == "Choose the backup file to restore."
    dialog.path.setText(str(backup_file))
    dialog.start.click()
    assert dialog.problem.text() == "Type the passphrase the backup was made with."
    assert not dialog.progress.isVisible() and not session.tasks.busy
    assert opened.repository.count() == 0


def test_the_restore_action_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    # GIVEN the main window WHEN File → Restore is chosen THEN the restore dialog is open on it
    window.act_restore.trigger()
    dialogs = window.findChildren(RestoreDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    # AND it says in one sentence what restoring does to this wallet
    assert dialogs[0].intro.text() == (
        "Restoring adds the backup's credentials, with their notes, tags and collections, to "
        "this wallet; nothing in this wallet is deleted or replaced, and credentials already "
        "here are not added twice.")
    dialogs[0].reject()


def test_backing_up_and_restoring_from_settings_keeps_settings_open(
    qtbot: QtBot, window: MainWindow, settle: Settle
) -> None:
    # GIVEN Settings open on its Backup tab
    window.settings()
    settings = window.settings_dialog
    assert isinstance(settings, SettingsDialog)
    settle()
    # WHEN "Back up now…" is pressed
    settings.backup_button.click()
    # THEN the backup dialog opens on top of Settings, which stays open beneath it
    [backup] = settings.findChildren(BackupDialog)
    assert backup.isVisible() and backup.parent() is settings and settings.isVisible()
    # WHEN the backup dialog is closed and "Restore from a backup…" pressed
    backup.reject()
    settings.restore_button.click()
    # THEN the restore dialog is on top of Settings, and Settings is still there after it
    [restore] = settings.findChildren(RestoreDialog)
    assert restore.isVisible() and restore.parent() is settings and settings.isVisible()
    restore.reject()
    assert settings.isVisible()
    settings.reject()


def test_the_done_sentence_in_czech(
    qtbot: QtBot, session: WalletSession, settle: Settle, backup_file: Path
) -> None:
    # GIVEN the interface in Czech and the restore dialog on a backup of two credentials
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.use("cs")
    try:
        dialog = _dialog(qtbot, session, backup_file)
        # WHEN it is restored
        dialog.passphrase.setText(BACKUP_PASSPHRASE)
        dialog.start.click()
        settle()
        # THEN the outcome is a Czech sentence with the Czech plural for two
        assert dialog.outcome.text() == (
            "Hotovo — ze souboru learner.kredo byly obnoveny 2 certifikáty.")
        assert dialog.start.text() == "Obnovit"
    finally:
        translation.use("en")
