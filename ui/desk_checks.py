"""One check on the desk: its outcome in words, its sentence, and the expert details as
readable text with a copy button."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.desk_details import details_text, in_current_language
from ui.desk_wording import check_outcome, check_title, outcome_colour, outcome_symbol, outcome_text
from ui.status_chip import on_background
from wallet.verify.report import CheckResult


class DeskCheck(QFrame):
    """A check: "✔ Signature or seal — OK", its sentence, and details behind a toggle."""

    def __init__(self, check: CheckResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_id = check.id
        self.outcome = check_outcome(check)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        background = QApplication.palette().color(QPalette.ColorRole.Window)
        colour = on_background(outcome_colour(self.outcome), background).name()
        self.title = QLabel(
            f"<span style='color:{colour}; font-weight:bold'>{outcome_symbol(self.outcome)} "
            f"{escape(check_title(check.id))} — {escape(outcome_text(self.outcome))}</span>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(in_current_language(check.message))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(f"{check_title(check.id)}: {outcome_text(self.outcome)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        self.details = QLabel(details_text(check.details))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        if self.details.text():
            self._add_details_toggle(layout)

    def _add_details_toggle(self, layout: QVBoxLayout) -> None:
        toggle = QToolButton()
        toggle.setText(self.tr("Expert details"))
        toggle.setCheckable(True)
        toggle.setAccessibleName(self.tr("Show expert details"))
        copy = QPushButton(self.tr("Copy"))
        copy.setAccessibleName(self.tr("Copy the expert details"))
        copy.hide()
        copy.clicked.connect(self.copy_details)
        toggle.toggled.connect(self.details.setVisible)
        toggle.toggled.connect(copy.setVisible)
        row = QHBoxLayout()
        row.addWidget(toggle)
        row.addWidget(copy)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.details)

    def copy_details(self) -> None:
        heading = f"{check_title(self.check_id)} — {outcome_text(self.outcome)}"
        text = f"{heading}\n{self.message.text()}\n\n{self.details.text()}"
        QGuiApplication.clipboard().setText(text)
