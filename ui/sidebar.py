"""The sidebar: All, Recently added, Collections, Tags, Issuers (by name; an issuer known only
by its identifier by a short form of it, the whole identifier as the tooltip)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ui.issuer_names import issuer_label
from ui.signal_emit import emit
from wallet.store.records import Collection

_KIND = Qt.ItemDataRole.UserRole + 1
_VALUE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class SidebarChoice:
    kind: str  # all | recent | collection | tag | issuer
    value: object = None


class Sidebar(QTreeWidget):
    chosen = Signal(object)  # SidebarChoice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Credential groups"))
        self.setMinimumWidth(150)
        self._all = self._top(self.tr("All credentials"), "all")
        self._recent = self._top(self.tr("Recently added"), "recent")
        self._collections = self._top(self.tr("Collections"), "heading")
        self._tags = self._top(self.tr("Tags"), "heading")
        self._issuers = self._top(self.tr("Issuers"), "heading")
        for heading in (self._collections, self._tags, self._issuers):
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
        self.setCurrentItem(self._all)
        self.currentItemChanged.connect(self._changed)
        self._choice = SidebarChoice("all")

    def _top(self, text: str, kind: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, _KIND, kind)
        self.addTopLevelItem(item)
        return item

    @property
    def choice(self) -> SidebarChoice:
        return self._choice

    def _changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None or current.data(0, _KIND) == "heading":
            return
        self._choice = SidebarChoice(str(current.data(0, _KIND)), current.data(0, _VALUE))
        emit(self.chosen, self._choice)

    def set_groups(
        self,
        collections: Sequence[Collection],
        tags: Sequence[str],
        issuers: Sequence[str],
    ) -> None:
        self.blockSignals(True)
        for heading, entries in (
            (self._collections, [
                (f"{c.name}  ({c.ects_total:g} ECTS)", "collection", c.id) for c in collections
            ]),
            (self._tags, [(t, "tag", t) for t in tags]),
            (self._issuers, [(issuer_label(i), "issuer", i) for i in issuers]),
        ):
            heading.takeChildren()
            for text, kind, value in entries:
                child = QTreeWidgetItem([text])
                # a narrow sidebar cuts long names short; an identifier is shown whole here
                child.setToolTip(0, str(value) if kind == "issuer" else text)
                child.setData(0, _KIND, kind)
                child.setData(0, _VALUE, value)
                heading.addChild(child)
                if self._choice == SidebarChoice(kind, value):
                    self.setCurrentItem(child)
            heading.setExpanded(True)
        self.blockSignals(False)

    def select_all(self) -> None:
        self.setCurrentItem(self._all)
