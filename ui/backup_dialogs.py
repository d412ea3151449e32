"""Backup and restore from the GUI (the same encrypted format as ``kredo backup``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QWidget

from ui.errors import show_error
from ui.session import WalletSession
from wallet.errors import UserCancelled, WalletError
from wallet.store.backup import restore_backup, write_backup


def _passphrase(parent: QWidget, title: str, *, confirm: bool) -> str:
    text, ok = QInputDialog.getText(parent, title, parent.tr("Backup passphrase:"),
                                    QLineEdit.EchoMode.Password)
    if not ok or not text:
        raise UserCancelled()
    if confirm:
        again, ok = QInputDialog.getText(parent, title, parent.tr("Repeat it:"),
                                         QLineEdit.EchoMode.Password)
        if not ok or again != text:
            raise WalletError(parent.tr("The two passphrases differ; nothing was written."))
    return text


def backup(session: WalletSession, parent: QMainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Backup"), "kredo-backup.kredo")
    if not name:
        return
    try:
        passphrase = _passphrase(parent, parent.tr("Backup"), confirm=True)
    except WalletError as exc:
        show_error(parent, exc)
        return
    run_backup(session, Path(name), passphrase, parent)


def run_backup(session: WalletSession, path: Path, passphrase: str, parent: QMainWindow) -> None:
    session.call(lambda repo: write_backup(repo, path, passphrase),
                 lambda summary: parent.statusBar().showMessage(
                     parent.tr("Backed up %1 credentials.").replace("%1",
                                                                    str(summary.credentials))),
                 lambda exc: show_error(parent, exc))


def restore(session: WalletSession, parent: QMainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("Restore from backup"))
    if not name:
        return
    try:
        passphrase = _passphrase(parent, parent.tr("Restore"), confirm=False)
    except WalletError as exc:
        show_error(parent, exc)
        return
    run_restore(session, Path(name), passphrase, parent)


def run_restore(session: WalletSession, path: Path, passphrase: str,
                parent: QMainWindow) -> None:
    def done(report: object) -> None:
        parent.statusBar().showMessage(
            parent.tr("Restored %1 credentials; %2 were already here.")
            .replace("%1", str(getattr(report, "restored", 0)))
            .replace("%2", str(getattr(report, "duplicates", 0))))
        session.changed.emit()

    session.call(lambda repo: restore_backup(path, passphrase, repo), done,
                 lambda exc: show_error(parent, exc))
