"""The passphrase field shared by the start prompt and the lock screen: it says what went
wrong, keeps the field for another try, and after several wrong tries waits a growing time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.signal_emit import emit
from wallet.app.passphrase_rules import passphrase_strength, strength_hint

FREE_TRIES = 3  # wrong passphrases in a row before the next try has to wait
MAX_DELAY_SECONDS = 30


def retry_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passphrases in a row: none for the first few,
    then 2, 4, 8 … up to :data:`MAX_DELAY_SECONDS`. A guesser at the keyboard is slowed; a
    learner who mistyped is not."""
    if failures < FREE_TRIES:
        return 0
    return int(min(2 ** (failures - FREE_TRIES + 1), MAX_DELAY_SECONDS))


class PassphraseForm(QWidget):
    """A password field with its Unlock button; ``submitted`` carries what was typed."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.failures = 0
        self.wait_left = 0
        self.allow_empty = False  # the lock screen of a wallet kept in the keyring needs none
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wallet passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Wallet passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        self.button = QPushButton(self.tr("Unlock"))
        # Return in the field submits once: not a dialog's default button as well.
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._submit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("passphrase-problem")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.hide()
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.passphrase)

    def _submit(self) -> None:
        if self.wait_left > 0:
            return
        if not self.passphrase.text() and not self.allow_empty:
            self.ask_for_passphrase()
            return
        emit(self.submitted, self.passphrase.text())

    def ask_for_passphrase(self) -> None:
        self.show_problem(self.tr("Type the wallet passphrase first."))
        self.passphrase.setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def succeeded(self) -> None:
        self.failures = 0
        self.passphrase.clear()
        self.problem.hide()

    def wrong(self) -> None:
        """The passphrase did not open the wallet: say so, and make the next try wait when
        there were several wrong ones in a row."""
        self.failures += 1
        self.passphrase.selectAll()
        self.wait_left = retry_delay(self.failures)
        if self.wait_left:
            self._set_waiting(True)
            self._countdown.start()
            self._say_wait()
        else:
            self.show_problem(self._wrong_text())
        self.passphrase.setFocus()

    def _wrong_text(self) -> str:
        return self.tr("That passphrase does not open this wallet. Check Caps Lock and the "
                       "keyboard layout, and try again.")

    def _say_wait(self) -> None:
        self.show_problem(self._wrong_text() + " " + self.tr(
            "After %n wrong tries, wait %1 s before the next one.", "", self.failures
        ).replace("%1", str(self.wait_left)))

    def _tick(self) -> None:
        self.wait_left = max(self.wait_left - 1, 0)
        if self.wait_left:
            self._say_wait()
            return
        self._countdown.stop()
        self._set_waiting(False)
        self.show_problem(self.tr("Try again."))
        self.passphrase.setFocus()

    def _set_waiting(self, waiting: bool) -> None:
        self.passphrase.setEnabled(not waiting)
        self.button.setEnabled(not waiting)


class StrengthHint(QLabel):
    """Under a new passphrase (wallet or backup): how strong it is, as it is typed, after the
    same rule for all (:mod:`wallet.app.passphrase_rules`)."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase-strength")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Passphrase strength"))
        field.textChanged.connect(self._typed)
        self._typed(field.text())

    def _typed(self, text: str) -> None:
        self.strength = passphrase_strength(text)
        self.setText(strength_hint(text) if text else "")
