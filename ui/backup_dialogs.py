"""Backup and restore from the GUI (the same encrypted format as ``kredo backup``).

Backing up happens in one dialog that stays open throughout: where to write, the passphrase
(the wallet's rule and a strength hint), a busy bar while the database worker writes the file
(off the GUI thread, replaced atomically, so nothing half-written is left), then "Done — saved
to …" with a button that shows the file's folder. Errors are sentences in the dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.passphrase_form import StrengthHint
from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.backups import BackupSummary, RestoreReport, back_up, check_backup_passphrase
from wallet.app.backups import restore as restore_from
from wallet.errors import UserCancelled, WalletError


def default_backup_path() -> Path:
    return Path.home() / f"kredo-backup-{date.today().isoformat()}.kredo"


class BackupDialog(QDialog):
    """Choose the file and passphrase, watch the backup being written, see where it went."""

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Back up the wallet"))
        intro = QLabel(self.tr(
            "The backup is one encrypted file with every credential, note, tag and "
            "collection. Its passphrase is all that protects it: keep both somewhere other "
            "than this computer."))
        intro.setWordWrap(True)
        self.path = QLineEdit(str(default_backup_path()))
        self.path.setAccessibleName(self.tr("Backup file"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose the backup file"))
        self.browse.clicked.connect(self._choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Backup passphrase"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the backup passphrase"))
        self.hint = StrengthHint(self.passphrase)
        form = QFormLayout()
        form.addRow(self.tr("Save to:"), path_row)
        form.addRow(self.tr("Backup passphrase:"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        self.problem = QLabel()
        self.problem.setObjectName("backup-problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the writer does not know the total in advance
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.show_folder = QPushButton(self.tr("Show in folder"))
        self.show_folder.setAccessibleName(self.tr("Show the backup in its folder"))
        self.show_folder.clicked.connect(self.open_folder)
        self.show_folder.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start = self.buttons.addButton(self.tr("Back up"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.start.setDefault(True)
        self.start.clicked.connect(self.start_backup)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.show_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Backup"), self.path.text())
        if name:
            self.path.setText(name)

    def start_backup(self) -> None:
        """Check what was typed, then write the backup on the database worker."""
        text = self.path.text().strip()
        passphrase = self.passphrase.text()
        try:
            if not text:
                raise WalletError(self.tr("Say where to save the backup."))
            check_backup_passphrase(passphrase, self.repeat.text())
        except WalletError as exc:
            self._say_problem(exc)
            return
        path = Path(text).expanduser()
        self._set_busy(True)
        self.session.call(lambda repo: back_up(repo, path, passphrase),
                          lambda summary: self._finished(path, summary), self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.problem.hide()
        self.outcome.hide()
        self.show_folder.hide()
        self.progress.setVisible(busy)
        for widget in (self.path, self.browse, self.passphrase, self.repeat, self.start):
            widget.setEnabled(not busy)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setEnabled(not busy)  # the worker is writing: let it finish

    def _finished(self, path: Path, summary: BackupSummary) -> None:
        self._set_busy(False)
        self.saved_to = path
        self.passphrase.clear()
        self.repeat.clear()
        self.outcome.setText(
            self.tr("Done — saved to %1.").replace("%1", str(path.parent)) + "\n"
            + self.tr("File: %1. Credentials backed up: %2.")
            .replace("%1", path.name).replace("%2", str(summary.credentials)))
        self.outcome.show()
        self.show_folder.show()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._say_problem(exc)

    def _say_problem(self, exc: BaseException) -> None:
        if isinstance(exc, WalletError):
            self.problem.setText(exc.message)
        else:
            show_error(self, exc)  # logs it; says Kredo did not expect it
            self.problem.setText(self.tr("The backup failed; nothing was written."))
        self.problem.show()

    def folder_url(self) -> QUrl | None:
        """The folder that holds the backup just written (file managers open folders)."""
        if self.saved_to is None:
            return None
        return QUrl.fromLocalFile(str(self.saved_to.parent))

    def open_folder(self) -> None:
        url = self.folder_url()
        if url is not None:
            QDesktopServices.openUrl(url)

    def reject(self) -> None:
        if self.progress.isVisible():
            return  # never abandon a backup being written
        super().reject()


def _passphrase(parent: QWidget, title: str) -> str:
    text, ok = QInputDialog.getText(parent, title, parent.tr("Backup passphrase:"),
                                    QLineEdit.EchoMode.Password)
    if not ok or not text:
        raise UserCancelled()
    return text


def backup(session: WalletSession, parent: QMainWindow) -> BackupDialog:
    dialog = BackupDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def restore(session: WalletSession, parent: QMainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("Restore from backup"))
    if not name:
        return
    try:
        passphrase = _passphrase(parent, parent.tr("Restore"))
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
        emit(session.changed)

    session.call(lambda repo: restore_from(repo, path, passphrase), done,
                 lambda exc: show_error(parent, exc))
