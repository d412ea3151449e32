"""Filters and sort orders over the credential list (a proxy: the model stays untouched)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from ui.credential_model import CredentialRoles
from wallet.store.records import CredentialSummary

ModelIndex = QModelIndex | QPersistentModelIndex


class SortKey(enum.Enum):
    RELEVANCE = "relevance"  # as the repository gave them: best match, else import order
    NEWEST = "newest"
    TITLE = "title"
    ISSUER = "issuer"
    ECTS = "ects"


@dataclass(frozen=True)
class CredentialFilter:
    issuer: str | None = None
    format: str | None = None
    state: str | None = None
    min_ects: float | None = None
    eqf_level: int | None = None
    recent_since: str | None = None  # ISO date: imported on or after

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


class CredentialFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = CredentialFilter()
        self._sort = SortKey.RELEVANCE
        self.setDynamicSortFilter(False)

    @property
    def current_filter(self) -> CredentialFilter:
        return self._filter

    def set_filter(self, value: CredentialFilter) -> None:
        self.beginFilterChange()
        self._filter = value
        self.endFilterChange()

    def set_sort(self, key: SortKey) -> None:
        self._sort = key
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        row = model.data(index, CredentialRoles.SUMMARY)
        state = model.data(index, CredentialRoles.STATE)
        return row is not None and self._filter.accepts(row, state)

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:
        model = self.sourceModel()
        a = model.data(left, CredentialRoles.SUMMARY)
        b = model.data(right, CredentialRoles.SUMMARY)
        if self._sort is SortKey.NEWEST:
            return (b.index.issued or "", b.id) < (a.index.issued or "", a.id)
        if self._sort is SortKey.TITLE:
            return str(model.data(left)).casefold() < str(model.data(right)).casefold()
        if self._sort is SortKey.ISSUER:
            return (a.index.issuer_name or "").casefold() < (b.index.issuer_name or "").casefold()
        if self._sort is SortKey.ECTS:
            return (b.index.ects or 0) < (a.index.ects or 0)
        return left.row() < right.row()
