"""Bulk import with a progress bar, cancel, and a summary of what happened to every file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.session import WalletSession
from ui.tasks import TaskControl
from wallet.app.importing import ImportOutcome, import_paths, import_text
from wallet.store.repository import CredentialRepository


def _import_files(
    repo: CredentialRepository, paths: Sequence[Path], control: TaskControl
) -> list[ImportOutcome]:
    return list(import_paths(repo, paths, cancelled=lambda: control.cancelled,
                             progress=control.progress))


class ImportSummary(QDialog):
    def __init__(self, outcomes: Sequence[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        imported = sum(o.status == "imported" for o in outcomes)
        duplicates = sum(o.status == "duplicate" for o in outcomes)
        errors = [o for o in outcomes if o.status == "error"]
        text = (
            self.tr("Imported: %1 · Already in the wallet: %2 · Not imported: %3")
            .replace("%1", str(imported))
            .replace("%2", str(duplicates))
            .replace("%3", str(len(errors)))
        )
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("File"), self.tr("Result")])
        self.list.setAccessibleName(self.tr("Import results"))
        words = {"imported": self.tr("imported"), "duplicate": self.tr("already in the wallet")}
        for outcome in outcomes:
            result = words.get(outcome.status) or outcome.error or self.tr("not imported")
            item = QTreeWidgetItem([Path(outcome.source).name, result])
            item.setToolTip(0, outcome.source)
            item.setToolTip(1, result)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)


class ImportFlow:
    """Runs one import on the worker; the window stays responsive and can cancel it."""

    def __init__(
        self,
        session: WalletSession,
        parent: QWidget,
        on_finished: Callable[[list[ImportOutcome]], None],
    ) -> None:
        self.session = session
        self.parent = parent
        self.on_finished = on_finished
        self.progress: QProgressDialog | None = None

    def import_paths(self, paths: Sequence[Path]) -> TaskControl:
        progress = QProgressDialog(
            self.parent.tr("Importing credentials…"), self.parent.tr("Cancel"), 0, 0, self.parent
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self.progress = progress
        control = self.session.call_controlled(
            lambda repo, c: _import_files(repo, list(paths), c),
            self._done,
            on_progress=self._progress,
            on_error=self._failed,
        )
        progress.canceled.connect(control.cancel)
        return control

    def import_text(self, text: str, source: str) -> TaskControl:
        return self.session.call(lambda repo: import_text(repo, text, source=source), self._done)

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, outcomes: list[ImportOutcome]) -> None:
        self._close_progress()
        self.on_finished(outcomes)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        show_error(self.parent, exc)
