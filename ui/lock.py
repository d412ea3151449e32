"""Locking: after an idle time (a setting), or at once with Ctrl+L."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.passphrase_form import PassphraseForm

DEFAULT_LOCK_MINUTES = 10
_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
}


class IdleWatch(QObject):
    """Emits ``idle`` when no key, mouse or touch input arrived for ``minutes``."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()  # 0: never lock by itself

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.minutes > 0:
            self._timer.start(self.minutes * 60_000)
        return False


class LockScreen(QWidget):
    """What shows while the wallet is locked: the passphrase field is right on it.
    ``unlock_requested`` carries what was typed (empty for a wallet kept in the keyring)."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kredo — locked"))
        title = QLabel(self.tr("Your wallet is locked."))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        hint = QLabel(self.tr("Nothing of your credentials is in memory until you unlock it."))
        for label in (title, hint):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PassphraseForm()
        self.form.allow_empty = True
        self.form.submitted.connect(self.unlock_requested)
        column = QWidget()
        column.setFixedWidth(420)  # word-wrapped labels need a width to wrap in
        column_layout = QVBoxLayout(column)
        for widget in (title, hint, self.form):
            column_layout.addWidget(widget)
        centred = QHBoxLayout()  # not an alignment flag: that would cut wrapped lines
        centred.addStretch(1)
        centred.addWidget(column)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(1)
        self.resize(520, 340)
        self.form.setFocus()
