"""Stacks: ECTS totals by EQF level and field for chosen credentials, and a goal the
learner names (a collection with a target in ECTS) with the progress toward it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.session import WalletSession
from wallet.app.stacks import StackTotals, save_goal, stack_totals


class StacksDialog(QDialog):
    def __init__(self, session: WalletSession, ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids = ids
        self.setWindowTitle(self.tr("Stacks"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setHeaderLabels([self.tr("Group"), self.tr("ECTS")])
        self.table.setAccessibleName(self.tr("ECTS totals"))
        self.goal_name = QLineEdit()
        self.goal_name.setAccessibleName(self.tr("Goal"))
        self.goal_name.setPlaceholderText(self.tr("e.g. Master in Data Science"))
        self.goal_target = QDoubleSpinBox()
        self.goal_target.setAccessibleName(self.tr("Target ECTS"))
        self.goal_target.setRange(1, 600)
        self.goal_target.setValue(60)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.totals: StackTotals | None = None
        self.goal_target.valueChanged.connect(self._show_progress)
        self.resize(520, 520)
        lang = session.lang
        session.call(lambda repo: stack_totals(repo, ids, lang), self._loaded)

    def _loaded(self, totals: StackTotals) -> None:
        self.totals = totals
        self.summary.setText(
            self.tr("%1 credential(s), %2 ECTS in total.").replace("%1", str(totals.credentials))
            .replace("%2", f"{totals.ects:g}")
            + (" " + self.tr("%1 without ECTS.").replace("%1", str(totals.without_ects))
               if totals.without_ects else ""))
        self.table.clear()
        for heading, groups in ((self.tr("By EQF level"), totals.by_level),
                                (self.tr("By field"), totals.by_field)):
            top = QTreeWidgetItem([heading, ""])
            for name, ects in sorted(groups.items()):
                top.addChild(QTreeWidgetItem([name, f"{ects:g}"]))
            self.table.addTopLevelItem(top)
            top.setExpanded(True)
        self._show_progress()

    def _show_progress(self) -> None:
        if self.totals is None:
            return
        self.progress.setMaximum(int(self.goal_target.value()))
        self.progress.setValue(int(min(self.totals.ects, self.goal_target.value())))

    def save_as_goal(self) -> None:
        name = self.goal_name.text().strip()
        if not name:
            self.goal_name.setFocus()
            return
        target = self.goal_target.value()
        ids = self.ids
        self.session.call(lambda repo: save_goal(repo, name, target, ids),
                          lambda _: self.session.changed.emit())
