"""The one list model over the wallet: it holds ids and cached rows, never runs SQL itself.

Rows arrive from the background worker (``set_rows``); thumbnails arrive later, one by one
(``set_thumbnail``), and so do the verdicts of background verifications (``set_state``).
The model shows its rows in the order given (best match first) or in a ``RowOrder``
(``set_order``): Python sorts 10,000 rows by a key in a few milliseconds, where
a sorting proxy asks Python ``lessThan`` 90,000 times (0.5 s). Filtering lives in the proxy of
``ui.credential_filter``, which also names the orders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage

from ui.signal_emit import emit
from wallet.store.records import CredentialSummary

ModelIndex = QModelIndex | QPersistentModelIndex

_ROLE = Qt.ItemDataRole.UserRole


class CredentialRoles:
    ID = _ROLE + 1
    SUMMARY = _ROLE + 2
    TITLE = _ROLE + 3
    ISSUER = _ROLE + 4
    ISSUED = _ROLE + 5
    ECTS = _ROLE + 6
    EQF = _ROLE + 7
    FORMAT = _ROLE + 8
    STATE = _ROLE + 9  # the status chip word, "unchecked" when never verified
    THUMBNAIL = _ROLE + 10
    IMPORTED = _ROLE + 11
    KIND = _ROLE + 12  # the view kind: micro-credential, open-badge, generic ("": unknown)


UNCHECKED = "unchecked"


def state_word(row: CredentialSummary) -> str:
    """The status chip word of a row: its last verdict, or "unchecked"."""
    return row.verification_status or UNCHECKED


@dataclass(frozen=True)
class RowOrder:
    """Sort by ``key`` (stable: rows with equal keys keep the order they were given in)."""

    key: Callable[[CredentialSummary], Any]
    descending: bool = False


class CredentialListModel(QAbstractListModel):
    thumbnail_wanted = Signal(int)  # a credential id whose thumbnail is not loaded yet

    def __init__(self, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._given: list[CredentialSummary] = []  # as set_rows had them
        self._given_at: dict[int, int] = {}  # credential id -> its place in _given
        self._order: RowOrder | None = None
        self._rows: list[CredentialSummary] = []  # as shown
        self._row_of: dict[int, int] = {}
        self._thumbnails: dict[int, QImage | None] = {}  # None: asked for, not there yet

    def set_rows(self, rows: Sequence[CredentialSummary]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._given_at = {row.id: n for n, row in enumerate(self._given)}
        self._arrange()
        self.endResetModel()

    def set_order(self, order: RowOrder | None) -> None:
        """Show the rows sorted by ``order``, or as given with None. Selections are kept."""
        self._order = order
        self._rearrange()

    def _arrange(self) -> None:
        order = self._order
        self._rows = (list(self._given) if order is None else
                      sorted(self._given, key=order.key, reverse=order.descending))
        self._row_of = {row.id: n for n, row in enumerate(self._rows)}

    def _rearrange(self) -> None:
        """A layout change, not a reset: views and proxies keep their selections."""
        if not self._rows:
            self._arrange()
            return
        emit(self.layoutAboutToBeChanged)
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._arrange()
        self.changePersistentIndexList(before, [self.index(self._row_of[i]) for i in ids])
        emit(self.layoutChanged)

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            if self._order is not None:
                self._rearrange()  # an order by title depends on the language
            emit(self.dataChanged, self.index(0), self.index(len(self._rows) - 1))

    def set_thumbnail(self, credential_id: int, image: QImage) -> None:
        self._thumbnails[credential_id] = image
        row = self._row_of.get(credential_id)
        if row is not None:
            index = self.index(row)
            emit(self.dataChanged, index, index, [CredentialRoles.THUMBNAIL])

    def set_state(self, credential_id: int, state: str) -> None:
        """A verdict just remembered (a background verification): the row's status chip
        changes at once, without listing the wallet again."""
        row = self._row_of.get(credential_id)
        given = self._given_at.get(credential_id)
        if row is None or given is None:
            return
        updated = replace(self._rows[row], verification_status=state)
        self._rows[row] = self._given[given] = updated
        index = self.index(row)
        emit(self.dataChanged, index, index, [CredentialRoles.STATE, CredentialRoles.SUMMARY])

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def summary(self, credential_id: int) -> CredentialSummary | None:
        row = self._row_of.get(credential_id)
        return None if row is None else self._rows[row]

    def row_of(self, credential_id: int) -> int | None:
        return self._row_of.get(credential_id)

    def row_at(self, row: int) -> CredentialSummary:
        """The summary shown in ``row`` (for the proxy: no QModelIndex, no QVariant)."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def title_of(self, row: CredentialSummary) -> str:
        return row.index.title.pick(self._lang) if row.index.title else self.tr("(untitled)")

    def issuer_of(self, row: CredentialSummary) -> str:
        """The awarding body's name in the interface language (else English, else any)."""
        return row.index.issuer_text(self._lang) or ""

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        field = _ROW_FIELDS.get(role)
        if field is not None:
            return field(row)
        if role == CredentialRoles.THUMBNAIL:
            return self._thumbnail(row)
        return self._text(row, role)

    def _text(self, row: CredentialSummary, role: int) -> str | None:
        """The sentences a view shows or reads out for a row (they depend on the language)."""
        if role in (Qt.ItemDataRole.DisplayRole, CredentialRoles.TITLE):
            return self.title_of(row)
        if role == CredentialRoles.ISSUER:
            return self.issuer_of(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.title_of(row)}\n{self.issuer_of(row)}\n{row.format.display_name}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.title_of(row)}, {self.issuer_of(row)}"
        return None

    def _thumbnail(self, row: CredentialSummary) -> QImage | None:
        """The row's picture once loaded; the first ask sends for it."""
        if row.id not in self._thumbnails:
            self._thumbnails[row.id] = None
            emit(self.thumbnail_wanted, row.id)
        return self._thumbnails[row.id]


# The roles that read one field of a row as it is (no language, no loading).
_ROW_FIELDS: dict[int, Callable[[CredentialSummary], Any]] = {
    CredentialRoles.ID: lambda row: row.id,
    CredentialRoles.SUMMARY: lambda row: row,
    CredentialRoles.ISSUED: lambda row: (row.index.issued or "")[:10],
    CredentialRoles.ECTS: lambda row: row.index.ects,
    CredentialRoles.EQF: lambda row: row.index.eqf_level,
    CredentialRoles.FORMAT: lambda row: row.format.value,
    CredentialRoles.STATE: state_word,
    CredentialRoles.IMPORTED: lambda row: row.imported_at,
    CredentialRoles.KIND: lambda row: row.index.view_kind or "",
}
