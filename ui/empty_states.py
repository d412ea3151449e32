"""What takes the place of the credential cards when there are none to show: the first step
in an empty wallet, or a sentence saying that nothing matches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def heading_font(base: QFont, scale: float) -> QFont:
    """``base`` larger by ``scale`` and bold, for a heading over a short text."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(True)
    return font


class EmptyWallet(QWidget):
    """An empty wallet: how to begin, and the button that begins."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Import your first credential"))
        self.heading.setFont(heading_font(self.heading.font(), 1.3))
        self.explanation = QLabel(self.tr(
            "Your wallet is empty. To start, import a credential file you were given "
            "(File → Import, or drop it here), or receive one straight from your school "
            "(Tools → Receive from an issuer)."))
        self.import_button = QPushButton(self.tr("Import a credential…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addStretch(1)
        for label in (self.heading, self.explanation):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


def no_match_label() -> QLabel:
    """The sentence shown when a search or the filters leave no card."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMargin(12)
    return label
