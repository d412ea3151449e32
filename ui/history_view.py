"""The sharing history: every time credentials left the wallet — answered verifiers,
presentation files, QR codes, PDFs, Europass exports — when, to whom, which credentials and
which claims. Search narrows the list; the learner can export it as JSON and forget entries.

The entries come from :mod:`wallet.app.history` on the database lane; the table is one model
with a filter proxy over it, and the view never touches the wallet itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.dates_shown import stored_moment_text
from ui.errors import show_error
from ui.session import WalletSession
from wallet.app.history import HistoryEntry, delete_entries, history, write_history
from wallet.store.repository import CredentialRepository
from wallet.terminal_text import printable

EXPORT_NAME = "kredo-sharing-history.json"
ENTRY_ID = Qt.ItemDataRole.UserRole + 1
SORT_KEY = Qt.ItemDataRole.UserRole + 2  # what a column sorts by: "When" by the instant itself
ModelIndex = QModelIndex | QPersistentModelIndex


def _instant(entry: HistoryEntry) -> str:
    """The entry's instant as a sortable key: ISO text in UTC, then the entry's number (two
    shares in one second keep the order they were made in)."""
    try:
        instant = datetime.fromisoformat(entry.shared_at).astimezone(UTC).isoformat()
    except ValueError:
        instant = entry.shared_at
    return f"{instant}\t{entry.id:012d}"


class HistoryModel(QAbstractTableModel):
    """The entries, newest first: when, how, to whom, what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self.headers = [self.tr("When"), self.tr("How"), self.tr("To whom"),
                        self.tr("What was shared")]

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ID:
            return entry.id
        if role == SORT_KEY:
            return _instant(entry) if index.column() == 0 else self.cell(entry, index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(entry, index.column())
        return None

    def cell(self, entry: HistoryEntry, column: int) -> str:
        if column == 0:
            return stored_moment_text(entry.shared_at)
        if column == 1:
            return self.form_name(entry.form)
        if column == 2:
            return self.recipient(entry)
        return "; ".join(self.credential(c.title, c.claims, c.credential_id)
                         for c in entry.credentials)

    def recipient(self, entry: HistoryEntry) -> str:
        verifier = entry.verifier
        name = printable(entry.recipient) if entry.recipient else self.tr("(not recorded)")
        if verifier is None:
            return name
        confirmed = (self.tr("confirmed") if verifier.confirmed
                     else self.tr("not confirmed"))
        return f"{name} ({printable(verifier.name)}, {confirmed})"

    def credential(self, title: str, claims: tuple[str, ...] | None,
                   credential_id: int | None) -> str:
        text = printable(title)
        if claims is not None:
            text += " (" + (", ".join(printable(c) for c in claims) or "—") + ")"
        if credential_id is None:
            text += " " + self.tr("(since deleted)")
        return text

    def form_name(self, form: str) -> str:
        names = {"openid4vp": self.tr("answer to a verifier (OpenID4VP)"),
                 "presentation": self.tr("presentation file"),
                 "clipboard": self.tr("presentation copied"),
                 "qr": self.tr("QR code"), "pdf": self.tr("PDF"),
                 "europass": self.tr("Europass wallet"),
                 "europass-cv": self.tr("Europass CV")}
        return names.get(form, printable(form))


class HistoryView(QDialog):
    """The history window: search, export as JSON, forget the selected entries."""

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sharing history"))
        self.model = HistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_KEY)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by recipient, credential or claim"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)  # by the instant (SORT_KEY), newest first
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing has been shared yet."))
        self.export_button = QPushButton(self.tr("Export as JSON…"))
        self.export_button.clicked.connect(self.choose_export)
        self.delete_button = QPushButton(self.tr("Delete selected…"))
        self.delete_button.clicked.connect(self.ask_delete)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(860, 480)
        self.reload()

    def reload(self) -> None:
        self.session.call(history, self._loaded, self._failed)

    def _loaded(self, entries: list[HistoryEntry]) -> None:
        self.model.set_entries(entries)
        self.empty.setVisible(not entries)
        self.table.resizeColumnsToContents()

    def visible_entries(self) -> list[HistoryEntry]:
        """The entries the search leaves, in the order shown."""
        return [self.model.entries[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]
                for row in range(self.proxy.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(self.proxy.data(index, ENTRY_ID)) for index in rows]

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the sharing history"),
                                              EXPORT_NAME, self.tr("JSON (*.json)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Save what the list shows (all of it, or what the search found)."""
        entries = self.visible_entries()
        self.session.run_network(lambda: write_history(path, entries), lambda _: None,
                                 self._failed)

    def ask_delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete from the history"),
                          self.tr("Forget %n entry(ies) of the sharing history? The "
                                  "credentials stay in your wallet; what was shared cannot "
                                  "be taken back from its recipient.", "", len(ids)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.delete(ids) if box.standardButton(button)
            == QMessageBox.StandardButton.Yes else None)
        # Window-modal and non-blocking, like every question that may wait on the worker.
        box.open()

    def delete(self, ids: list[int]) -> None:
        def forget(repo: CredentialRepository) -> int:
            return delete_entries(repo, ids)

        self.session.call(forget, lambda _: self.reload(), self._failed)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)
