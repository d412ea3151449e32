"""Stacks: the ECTS credits and workload of what the learner chose to stack (the whole wallet,
a collection, a tag or the chosen cards), by EQF level, awarding body and field of study; what
was counted once and what was left out; and a goal (a collection with a target in ECTS).

The counting is :mod:`wallet.app.stacks`; the sentences about it :mod:`wallet.app.stack_notes`.
This window only asks what to stack and shows the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dates_shown import number_text
from ui.errors import show_error
from ui.session import WalletSession
from ui.signal_emit import emit
from ui.status_chip import chip_text
from wallet.app.stack_notes import (
    left_out_sentence,
    level_label,
    merged_sentence,
    name_label,
    scope_sentence,
    summary_sentences,
)
from wallet.app.stacks import (
    Figures,
    StackChoices,
    StackSelection,
    StackTotals,
    save_goal,
    stack_choices,
    stack_totals,
)

Rows = list[tuple[str, Figures]]


class StacksDialog(QDialog):
    def __init__(self, session: WalletSession, ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids = ids
        self.totals: StackTotals | None = None
        self.setWindowTitle(self.tr("Stacks"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("What to stack"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.heading = _plain_label()
        self.heading.setStyleSheet("font-weight: bold")
        self.summary = _plain_label()
        self.tabs = QTabWidget()
        self.level_table = self._table(self.tr("EQF level"), self.tr("ECTS totals by EQF level"))
        self.body_table = self._table(self.tr("Awarding body"),
                                      self.tr("ECTS totals by awarding body"))
        self.field_table = self._table(self.tr("Field of study"),
                                       self.tr("ECTS totals by field of study"))
        self.details = QTreeWidget()
        self.details.setHeaderHidden(True)
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Counted once and left out"))
        self.tabs.addTab(self.level_table, self.tr("By EQF level"))
        self.tabs.addTab(self.body_table, self.tr("By awarding body"))
        self.tabs.addTab(self.field_table, self.tr("By field of study"))
        self.tabs.addTab(self.details, self.tr("Counted once and left out"))
        layout = QVBoxLayout(self)
        chooser = QFormLayout()
        chooser.addRow(self.tr("Stack:"), self.scope)
        layout.addLayout(chooser)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._goal_form())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(880, 620)
        first = StackSelection.chosen(ids) if ids else StackSelection.everything()
        session.call(lambda repo: (stack_choices(repo), stack_totals(repo, first, session.lang)),
                     self._opened, self._failed)

    # --- building ----------------------------------------------------------------------

    def _table(self, group_title: str, name: str) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels([group_title, self.tr("Credentials"),
                                         self.tr("ECTS credits"), self.tr("Workload (hours)")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The group's column never gets narrower than its title: the table asks for the room.
        table.setMinimumWidth(sum(header.sectionSizeHint(c) for c in range(4))
                              + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width())
        return table

    def _goal_form(self) -> QFormLayout:
        self.goal_name = QLineEdit()
        self.goal_name.setAccessibleName(self.tr("Goal"))
        self.goal_name.setPlaceholderText(self.tr("e.g. Master in Data Science"))
        self.goal_target = QDoubleSpinBox()
        self.goal_target.setAccessibleName(self.tr("Target ECTS"))
        self.goal_target.setRange(1, 600)
        self.goal_target.setValue(60)
        self.goal_target.valueChanged.connect(self._show_progress)
        self.save_goal = QPushButton(self.tr("Save as a goal"))
        self.save_goal.clicked.connect(self.save_as_goal)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress toward the goal"))
        self.progress.setFormat(self.tr("%v of %m ECTS"))
        form = QFormLayout()
        form.addRow(self.tr("Goal:"), self.goal_name)
        form.addRow(self.tr("Target (ECTS):"), self.goal_target)
        form.addRow(self.save_goal)
        form.addRow(self.progress)
        return form

    # --- what to stack -----------------------------------------------------------------

    def _opened(self, loaded: tuple[StackChoices, StackTotals]) -> None:
        choices, totals = loaded
        if self.ids:
            self.scope.addItem(self.tr("The chosen cards (%1)").replace("%1", str(len(self.ids))),
                               StackSelection.chosen(self.ids))
        self.scope.addItem(self.tr("All credentials in the wallet (%1)")
                           .replace("%1", str(choices.everything)),
                           StackSelection.everything())
        for name, count in choices.collections:
            self.scope.addItem(_filled(self.tr("Collection “%1” (%2)"), name, count),
                               StackSelection.collection(name))
        for name, count in choices.tags:
            self.scope.addItem(_filled(self.tr("Tag “%1” (%2)"), name, count),
                               StackSelection.tag(name))
        self.scope.setCurrentIndex(0)
        self.scope.currentIndexChanged.connect(self._scope_chosen)
        self._loaded(totals)

    def _scope_chosen(self) -> None:
        selection = self.scope.currentData()
        if isinstance(selection, StackSelection):
            lang = self.session.lang
            self.session.call(lambda repo: stack_totals(repo, selection, lang), self._loaded,
                              self._failed)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    # --- showing -----------------------------------------------------------------------

    def _loaded(self, totals: StackTotals) -> None:
        self.totals = totals
        self.heading.setText(scope_sentence(totals.selection, totals.selected))
        self.summary.setText("\n".join(summary_sentences(totals)))
        _fill(self.level_table, [(level_label(t.level), t.figures) for t in totals.by_level])
        _fill(self.body_table, [(name_label(t.name), t.figures) for t in totals.by_body])
        _fill(self.field_table, [(name_label(t.name), t.figures) for t in totals.by_field])
        self._show_details(totals)
        self._show_progress()

    def _show_details(self, totals: StackTotals) -> None:
        self.details.clear()
        for credential in totals.merged:
            top = QTreeWidgetItem([merged_sentence(credential)])
            for copy in credential.copies:
                counted = self.tr(" (counted)") if copy.id == credential.entry.id else ""
                top.addChild(QTreeWidgetItem([
                    f"#{copy.id} · {copy.format.display_name} · "
                    f"{chip_text(copy.state.value if copy.state else '')}{counted}"]))
            self.details.addTopLevelItem(top)
            top.setExpanded(True)
        for item in totals.left_out:
            self.details.addTopLevelItem(QTreeWidgetItem([left_out_sentence(item)]))
        if self.details.topLevelItemCount() == 0:
            self.details.addTopLevelItem(QTreeWidgetItem(
                [self.tr("Every credential in the stack counted, each held once.")]))

    def _show_progress(self) -> None:
        if self.totals is None:
            return
        self.progress.setMaximum(int(self.goal_target.value()))
        self.progress.setValue(int(min(self.totals.total.ects, self.goal_target.value())))

    def save_as_goal(self) -> None:
        name = self.goal_name.text().strip()
        if not name or self.totals is None:
            self.goal_name.setFocus()
            return
        target = self.goal_target.value()
        ids = [c.entry.id for c in self.totals.counted]
        self.session.call(lambda repo: save_goal(repo, name, target, ids),
                          lambda _: emit(self.session.changed), self._failed)


def _filled(template: str, name: str, count: int) -> str:
    # %2 first: a name may itself hold "%2"
    return template.replace("%2", str(count)).replace("%1", name)


def _plain_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles come from credentials
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _fill(table: QTableWidget, rows: Rows) -> None:
    table.setRowCount(len(rows))
    for row, (name, figures) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        for column, value in ((1, str(figures.credentials)), (2, number_text(figures.ects)),
                              (3, number_text(figures.workload_hours))):
            cell = QTableWidgetItem(value)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, cell)
    table.resizeRowsToContents()
