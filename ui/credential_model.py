"""The one table model over the wallet: it holds ids and cached rows, never runs SQL itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from wallet.store.records import CredentialSummary

ModelIndex = QModelIndex | QPersistentModelIndex


class CredentialTableModel(QAbstractTableModel):
    """Columns: title, issuer, date of issue, format. ``ID_ROLE`` gives the credential id."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        load_rows: Callable[[str | None], Sequence[CredentialSummary]],
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._lang = lang
        self._rows: list[CredentialSummary] = []
        self._search: str | None = None
        self._headers = (self.tr("Title"), self.tr("Issuer"), self.tr("Issued"), self.tr("Format"))

    def refresh(self, search: str | None = None) -> None:
        self.beginResetModel()
        self._search = search or None
        self._rows = list(self._load_rows(self._search))
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.format.label
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return (
                    row.index.title.pick(self._lang) if row.index.title else self.tr("(untitled)")
                )
            if column == 1:
                return row.index.issuer_name or "—"
            if column == 2:
                return (row.index.issued or "—")[:10]
            if column == 3:
                return row.format.short_label
        return None
