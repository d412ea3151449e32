"""Filters and sort orders over the credential list.

Filtering is a proxy (the model stays untouched). Qt asks the proxy about every row each time
the rows change, so ``filterAcceptsRow`` reads the model's Python list directly (no index, no
QVariant) and answers at once when no filter is set. Sorting is done by the model in Python
(``row_order`` gives it a key); the proxy keeps the model's order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from ui.credential_model import CredentialListModel, RowOrder, state_word
from wallet.store.records import CredentialSummary

ModelIndex = QModelIndex | QPersistentModelIndex


class SortKey(enum.Enum):
    RELEVANCE = "relevance"  # as the repository gave them: best match, else import order
    NEWEST = "newest"
    TITLE = "title"
    ISSUER = "issuer"
    ECTS = "ects"


def row_order(key: SortKey, model: CredentialListModel) -> RowOrder | None:
    """The order ``key`` names, for ``CredentialListModel.set_order`` (None: as given)."""
    if key is SortKey.NEWEST:
        return RowOrder(lambda row: (row.index.issued or "", row.id), descending=True)
    if key is SortKey.TITLE:
        return RowOrder(lambda row: model.title_of(row).casefold())
    if key is SortKey.ISSUER:
        return RowOrder(lambda row: model.issuer_of(row).casefold())
    if key is SortKey.ECTS:
        return RowOrder(lambda row: row.index.ects or 0, descending=True)
    return None


def ranked(rows: list[CredentialSummary], ids: list[int]) -> list[CredentialSummary]:
    """The rows a search found, best match first (``ids`` from ``search_ids``)."""
    by_id = {row.id: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class CredentialFilter:
    issuer: str | None = None
    format: str | None = None
    state: str | None = None
    min_ects: float | None = None
    eqf_level: int | None = None
    recent_since: str | None = None  # ISO date: imported on or after

    @property
    def accepts_everything(self) -> bool:
        return self == _NO_FILTER

    def accepts(self, row: CredentialSummary, state: str) -> bool:
        index = row.index
        return (
            (self.issuer is None or (index.issuer_name or "") == self.issuer)
            and (self.format is None or row.format.value == self.format)
            and (self.state is None or state == self.state)
            and (self.min_ects is None or (index.ects or 0) >= self.min_ects)
            and (self.eqf_level is None or index.eqf_level == self.eqf_level)
            and (self.recent_since is None or row.imported_at >= self.recent_since)
        )


_NO_FILTER = CredentialFilter()


class CredentialFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = _NO_FILTER
        self._everything = True
        self._credentials: CredentialListModel | None = None
        # A chip that changes (a background verdict) re-filters its row: under "Verified" a
        # card just verified appears, one that failed leaves. The proxy never sorts, so being
        # dynamic costs only the changed rows' filterAcceptsRow.
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, CredentialListModel):
            raise TypeError("CredentialFilterProxy filters a CredentialListModel")
        self._credentials = model
        super().setSourceModel(model)

    @property
    def current_filter(self) -> CredentialFilter:
        return self._filter

    def set_filter(self, value: CredentialFilter) -> None:
        self.beginFilterChange()
        self._filter = value
        self._everything = value.accepts_everything
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if self._everything:
            return True
        model = self._credentials
        if model is None or source_parent.isValid():
            return False
        row = model.row_at(source_row)
        return self._filter.accepts(row, state_word(row))
