"""The sidebar: All, Recently added, Collections (with their ECTS as the Stacks window adds
them up), Tags, Issuers (by name in the interface language; an issuer known only by its
identifier by a short form of it, the whole identifier as the tooltip)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from ui.dates_shown import number_text
from ui.issuer_names import IssuerEntry
from ui.signal_emit import emit
from wallet.app.stacks import CollectionTotal

_KIND = Qt.ItemDataRole.UserRole + 1
_VALUE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class SidebarChoice:
    kind: str  # all | recent | collection | tag | issuer
    value: object = None


class Sidebar(QTreeWidget):
    chosen = Signal(object)  # SidebarChoice

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._issuer_entries: list[IssuerEntry] = []
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
        collections: Sequence[CollectionTotal],
        tags: Sequence[str],
        issuers: Sequence[IssuerEntry],
    ) -> None:
        self._issuer_entries = list(issuers)
        self.blockSignals(True)
        self._fill(self._collections, [
            (self._collection_text(c), "collection", c.collection.id, None) for c in collections])
        self._fill(self._tags, [(t, "tag", t, None) for t in tags])
        self._fill_issuers()
        self.blockSignals(False)

    def set_language(self, lang: str) -> None:
        """Name the issuers in ``lang`` from now on (the choice stays)."""
        self._lang = lang
        self.blockSignals(True)
        self._fill_issuers()
        self.blockSignals(False)

    def issuer_texts(self) -> list[str]:
        """The issuers as shown, in order."""
        children = (self._issuers.child(n) for n in range(self._issuers.childCount()))
        return [child.text(0) for child in children if child is not None]

    def _fill_issuers(self) -> None:
        named = sorted(((e.text(self._lang), e) for e in self._issuer_entries),
                       key=lambda pair: pair[0].casefold())
        # a narrow sidebar cuts long names short; an identifier is shown whole as the tooltip
        self._fill(self._issuers, [(text, "issuer", e.key, e.full_text(self._lang))
                                   for text, e in named])

    def _collection_text(self, item: CollectionTotal) -> str:
        """``Name  (6 ECTS)``: each credential once, failed ones left out."""
        ects = self.tr("%1 ECTS").replace("%1", number_text(item.totals.total.ects))
        return f"{item.collection.name}  ({ects})"

    def _fill(self, heading: QTreeWidgetItem,
              entries: Sequence[tuple[str, str, object, str | None]]) -> None:
        heading.takeChildren()
        for text, kind, value, tooltip in entries:
            child = QTreeWidgetItem([text])
            child.setToolTip(0, tooltip or text)
            child.setData(0, _KIND, kind)
            child.setData(0, _VALUE, value)
            heading.addChild(child)
            if self._choice == SidebarChoice(kind, value):
                self.setCurrentItem(child)
        heading.setExpanded(True)

    def select_all(self) -> None:
        self.setCurrentItem(self._all)
