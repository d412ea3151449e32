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
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from wallet.errors import BackupError, WalletError


def default_backup_path() -> Path:
    return Path.home() / f"kredo-backup-{date.today().isoformat()}.kredo"


class _FileTaskDialog(QDialog):
    """What backing up and restoring share: a file row, a sentence for a problem, a busy bar
    while the database worker runs, the outcome, and a Close that waits for the worker."""

    def __init__(self, session: WalletSession, parent: QWidget | None, *, intro: str,
                 start: str, progress_name: str, problem_name: str) -> None:
        super().__init__(parent)
        self.session = session
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Backup file"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose the backup file"))
        self.browse.clicked.connect(self._choose_file)
        self.path_row = QHBoxLayout()
        self.path_row.addWidget(self.path, 1)
        self.path_row.addWidget(self.browse)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Backup passphrase"))
        self.problem = QLabel()
        self.problem.setObjectName(problem_name)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the worker does not know the total in advance
        self.progress.setAccessibleName(progress_name)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start = self.buttons.addButton(start, QDialogButtonBox.ButtonRole.ActionRole)
        self.start.setDefault(True)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self, form: QFormLayout, *after_outcome: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        for shown in (self.problem, self.progress, self.outcome):
            layout.addWidget(shown)
        for widget in after_outcome:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _choose_file(self) -> None:
        raise NotImplementedError

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.path, self.browse, self.passphrase, self.start)

    def _set_busy(self, busy: bool) -> None:
        self.problem.hide()
        self.outcome.hide()
        self.progress.setVisible(busy)
        for widget in self._inputs():
            widget.setEnabled(not busy)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setEnabled(not busy)  # the worker is writing or adding: let it finish

    def reject(self) -> None:
        if self.progress.isVisible():
            return  # never abandon a backup being written or a restore half-way
        super().reject()


class BackupDialog(_FileTaskDialog):
    """Choose the file and passphrase, watch the backup being written, see where it went."""

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(
            session, parent,
            intro=self.tr(
                "The backup is one encrypted file with every credential, note, tag and "
                "collection. Its passphrase is all that protects it: keep both somewhere other "
                "than this computer."),
            start=self.tr("Back up"), progress_name=self.tr("Backup progress"),
            problem_name="backup-problem")
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Back up the wallet"))
        self.path.setText(str(default_backup_path()))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the backup passphrase"))
        self.hint = StrengthHint(self.passphrase)
        form = QFormLayout()
        form.addRow(self.tr("Save to:"), self.path_row)
        form.addRow(self.tr("Backup passphrase:"), self.passphrase)
        form.addRow("", self.hint)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        self.show_folder = QPushButton(self.tr("Show in folder"))
        self.show_folder.setAccessibleName(self.tr("Show the backup in its folder"))
        self.show_folder.clicked.connect(self.open_folder)
        self.show_folder.hide()
        self.start.clicked.connect(self.start_backup)
        self._lay_out(form, self.show_folder)

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

    def _inputs(self) -> tuple[QWidget, ...]:
        return (*super()._inputs(), self.repeat)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.show_folder.hide()

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


def backup(session: WalletSession, parent: QWidget) -> BackupDialog:
    dialog = BackupDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class RestoreDialog(_FileTaskDialog):
    """Choose the backup and type its passphrase, watch it being read, see what came back.

    A wrong passphrase or a damaged file leaves the wallet as it was (the core checks the
    whole file before it adds anything) and the dialog open for another try."""

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(
            session, parent,
            intro=self.tr(
                "Restoring adds the backup's credentials, with their notes, tags and "
                "collections, to this wallet; nothing in this wallet is deleted or replaced, "
                "and credentials already here are not added twice."),
            start=self.tr("Restore"), progress_name=self.tr("Restore progress"),
            problem_name="restore-problem")
        self.report: RestoreReport | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.path.setPlaceholderText(self.tr("A .kredo file"))
        self.passphrase.returnPressed.connect(self.start_restore)
        self.reveal = QCheckBox(self.tr("Show the passphrase"))
        self.reveal.toggled.connect(self._reveal)
        form = QFormLayout()
        form.addRow(self.tr("Backup file:"), self.path_row)
        form.addRow(self.tr("Backup passphrase:"), self.passphrase)
        form.addRow("", self.reveal)
        self.start.clicked.connect(self.start_restore)
        self._lay_out(form)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), self.path.text() or str(Path.home()),
            self.tr("Kredo backups (*.kredo);;All files (*)"))
        if name:
            self.path.setText(name)

    def _reveal(self, shown: bool) -> None:
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                    else QLineEdit.EchoMode.Password)

    def start_restore(self) -> None:
        """Check what was typed, then read and apply the backup on the database worker."""
        if self.progress.isVisible():
            return
        text = self.path.text().strip()
        passphrase = self.passphrase.text()
        if not text:
            self._say(self.tr("Choose the backup file to restore."), self.browse)
            return
        if not passphrase:
            self._say(self.tr("Type the passphrase the backup was made with."), self.passphrase)
            return
        path = Path(text).expanduser()
        self._set_busy(True)
        self.session.call(lambda repo: restore_from(repo, path, passphrase),
                          lambda report: self._finished(path, report), self._failed)

    def _inputs(self) -> tuple[QWidget, ...]:
        return (*super()._inputs(), self.reveal)

    def _finished(self, path: Path, report: RestoreReport) -> None:
        self._set_busy(False)
        self.report = report
        self.passphrase.clear()
        self.start.setEnabled(False)  # done: a second run would only find them all here
        text = self.tr("Done — restored %n credential(s) from %1.", "", report.restored) \
            .replace("%1", path.name)
        if report.duplicates:
            text += " " + self.tr("Skipped %n credential(s) already in this wallet.", "",
                                  report.duplicates)
        self.outcome.setText(text)
        self.outcome.show()
        emit(self.session.changed)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, WalletError):
            show_error(self, exc)  # logs it; says Kredo did not expect it
            self._say(self.tr("The restore stopped before it finished. What it added is in "
                              "the wallet; running it again adds the rest."), self.start)
            return
        if not isinstance(exc, BackupError):  # the wallet's own fault (a full disk, locked)
            self._say(exc.message, self.start)
            return
        # The core reads the whole file before it adds anything: the wallet is as it was.
        self._say(exc.message + " " + self.tr(
            "Your wallet is unchanged: type the passphrase again, or choose another file."),
            self.passphrase)
        self.passphrase.selectAll()

    def _say(self, sentence: str, focus: QWidget) -> None:
        self.problem.setText(sentence)
        self.problem.show()
        focus.setFocus()


def restore(session: WalletSession, parent: QWidget) -> RestoreDialog:
    dialog = RestoreDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
