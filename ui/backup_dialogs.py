"""Backup and restore from the GUI (the same encrypted format as ``kredo backup``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMainWindow, QWidget

from ui.errors import show_error
from ui.session import WalletSession
from wallet.app.backups import BackupSummary, RestoreReport, back_up, check_backup_passphrase
from wallet.app.backups import restore as restore_from
from wallet.errors import UserCancelled, WalletError


def _passphrase(parent: QWidget, title: str, *, confirm: bool) -> str:
    text, ok = QInputDialog.getText(parent, title, parent.tr("Backup passphrase:"),
                                    QLineEdit.EchoMode.Password)
    if not ok or not text:
        raise UserCancelled()
    if confirm:
        again, ok = QInputDialog.getText(parent, title, parent.tr("Repeat it:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            raise UserCancelled()
        check_backup_passphrase(text, again)
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
    def done(summary: BackupSummary) -> None:
        parent.statusBar().showMessage(
            parent.tr("Backed up %1 credentials.").replace("%1", str(summary.credentials)))

    session.call(lambda repo: back_up(repo, path, passphrase), done,
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
    def done(report: RestoreReport) -> None:
        parent.statusBar().showMessage(
            parent.tr("Restored %1 credentials; %2 were already here.")
            .replace("%1", str(report.restored))
            .replace("%2", str(report.duplicates)))
        session.changed.emit()

    session.call(lambda repo: restore_from(repo, path, passphrase), done,
                 lambda exc: show_error(parent, exc))
