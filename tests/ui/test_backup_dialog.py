"""Backing up from the GUI: the wallet's passphrase rule with a strength hint, a busy bar while
the worker writes, "Done — saved to …" with a button for the folder, errors as sentences, and
nothing half-written left behind. The file restores through the application layer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from tests.ui.conftest import FAST_KDF, VECTORS, Settle
from ui.backup_dialogs import BackupDialog
from ui.main_window import MainWindow
from ui.session import WalletSession
from wallet.app.backups import restore
from wallet.app.importing import import_paths
from wallet.app.passphrase_rules import PassphraseStrength
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
BACKUP_PASSPHRASE = "seven lonely pianos hum"


def _dialog(qtbot: QtBot, session: WalletSession, out: Path) -> BackupDialog:
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(out))
    return dialog


def _type(dialog: BackupDialog, passphrase: str, repeat: str | None = None) -> None:
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(passphrase if repeat is None else repeat)


def test_a_two_character_passphrase_is_refused_with_a_sentence(
    qtbot: QtBot, session: WalletSession, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN the backup dialog
    out = tmp_path / "short.kredo"
    dialog = _dialog(qtbot, session, out)
    # WHEN the learner types a two-character passphrase
    _type(dialog, "ab")
    # THEN the hint says it is too short before anything is pressed
    assert dialog.hint.strength is PassphraseStrength.TOO_SHORT
    assert dialog.hint.text() == "Too short: use at least 8 characters."
    # AND pressing Back up refuses it in a sentence, writes nothing and keeps the dialog open
    dialog.start.click()
    settle()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "A backup passphrase needs at least 8 characters, like the wallet's; this one has 2. "
        "Nothing was written.")
    assert not out.exists() and dialog.isVisible() and not dialog.progress.isVisible()


def test_the_strength_hint_follows_the_typing(
    qtbot: QtBot, session: WalletSession, tmp_path: Path
) -> None:
    # GIVEN the backup dialog WHEN a long but repetitive, then a several-word passphrase
    # is typed THEN the hint moves from weak to strong
    dialog = _dialog(qtbot, session, tmp_path / "x.kredo")
    dialog.passphrase.setText("aaaaaaaaaa")
    assert dialog.hint.strength is PassphraseStrength.WEAK
    assert dialog.hint.text().startswith("Weak: easy to guess.")
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    assert dialog.hint.strength is PassphraseStrength.STRONG and dialog.hint.text() == "Strong."


def test_a_backup_completes_with_where_it_went_and_restores(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a wallet holding an Open Badge, and the backup dialog
    [outcome] = import_paths(opened.repository, [OB3])
    assert outcome.id is not None
    folder = tmp_path / "backups"
    folder.mkdir()
    out = folder / "my-wallet.kredo"
    dialog = _dialog(qtbot, session, out)
    # WHEN the learner types a good passphrase twice and starts the backup
    _type(dialog, BACKUP_PASSPHRASE)
    dialog.start.click()
    # THEN the dialog shows a busy bar and locks its fields while the worker writes
    assert dialog.progress.isVisible() and not dialog.start.isEnabled()
    settle()
    # AND then says where the file went, with its name and a button for the folder
    assert not dialog.progress.isVisible() and dialog.outcome.isVisible()
    assert dialog.outcome.text() == (
        f"Done — saved to {folder}.\nFile: my-wallet.kredo. Credentials backed up: 1.")
    assert dialog.show_folder.isVisible() and dialog.show_folder.text() == "Show in folder"
    assert dialog.folder_url() == QUrl.fromLocalFile(str(folder))
    # AND the file is there, nothing partial beside it
    assert sorted(p.name for p in folder.iterdir()) == ["my-wallet.kredo"]
    # AND it restores into a new wallet through the application layer
    other = tmp_path / "other"
    init_wallet(other, passphrase="another wallet 123", use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(other, passphrase_provider=lambda: "another wallet 123") as fresh:
        report = restore(fresh.repository, out, BACKUP_PASSPHRASE)
        assert report.restored == 1 and fresh.repository.count() == 1


def test_a_backup_that_cannot_be_written_says_so_and_leaves_nothing(
    qtbot: QtBot, session: WalletSession, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a backup file in a folder that does not exist
    out = tmp_path / "missing" / "wallet.kredo"
    dialog = _dialog(qtbot, session, out)
    # WHEN the backup is started
    _type(dialog, BACKUP_PASSPHRASE)
    dialog.start.click()
    settle()
    # THEN the dialog says so in a sentence, offers no folder, and nothing was written
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("The backup file could not be written")
    assert not dialog.outcome.isVisible() and not dialog.show_folder.isVisible()
    assert not out.parent.exists()
    assert dialog.start.isEnabled()


def test_the_backup_action_opens_the_dialog_instead_of_closing_silently(
    qtbot: QtBot, window: MainWindow
) -> None:
    # GIVEN the main window WHEN Backup is chosen THEN the backup dialog is open on it
    window.act_backup.trigger()
    dialogs = window.findChildren(BackupDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
