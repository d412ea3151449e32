"""The desk's table of everything received at once: file, verdict, title, learner, issuer.

Sorting goes through a proxy; the verdict column sorts by severity (failed first), not by the
alphabet of the word.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.desk_wording import verdict_words
from wallet.app.desk import ReceivedItem

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_SEVERITY = {"failed": 0, "indeterminate": 1, "partially_verified": 2, "verified": 3}
Index = QModelIndex | QPersistentModelIndex


def _joined(values: list[str | None]) -> str:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return "; ".join(seen)


class DeskTableModel(QAbstractTableModel):
    """One row per file, code or attachment received (a presentation is one row)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.items: list[ReceivedItem] = []

    def set_items(self, items: list[ReceivedItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("File"), self.tr("Verdict"), self.tr("Title"), self.tr("Learner"),
                self.tr("Issuer"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE,
                                               Qt.ItemDataRole.ForegroundRole):
            return None
        item = self.items[index.row()]
        column = index.column()
        if column == 1:
            words = verdict_words(item.status)
            if role == SORT_ROLE:
                return _SEVERITY.get(item.status.value, 1)
            if role == Qt.ItemDataRole.ForegroundRole:
                return words.colour
            return f"{words.symbol} {words.label}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        return self.cell(item, column).casefold() if role == SORT_ROLE else self.cell(item, column)

    def cell(self, item: ReceivedItem, column: int) -> str:
        credentials = item.credentials
        if column == 0:
            return item.source
        if column == 2:
            return _joined([c.title(self.lang) for c in credentials])
        if column == 3:
            return _joined([c.learner(self.lang) for c in credentials])
        return _joined([c.issuer(self.lang) for c in credentials])


def sorting_proxy(model: DeskTableModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
