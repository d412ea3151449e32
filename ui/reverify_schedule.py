"""When the wallet checks all its credentials online again: a credential can be revoked after
it was verified, and only its status list says so.

Only when the learner allowed online checks: then at start-up (and after unlocking) if the
last whole-wallet check is older than ``max_age``, and every ``every`` while the app runs.
Without that permission no timer runs and nothing is ever due. The intervals are arguments,
so that a test can use short ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.verify_habits import VerifyHabits, verify_habits

EVERY = timedelta(hours=6)
MAX_AGE = timedelta(days=1)


def _now() -> datetime:
    return datetime.now(UTC)


class ReverifySchedule(QObject):
    due = Signal()  # time to check the whole wallet online

    def __init__(self, session: WalletSession, parent: QObject | None = None, *,
                 every: timedelta = EVERY, max_age: timedelta = MAX_AGE,
                 clock: Callable[[], datetime] = _now) -> None:
        super().__init__(parent)
        self.session = session
        self.max_age = max_age
        self._clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(every.total_seconds() * 1000)))
        self.timer.timeout.connect(self._tick)
        self._stopped = False
        session.locked_changed.connect(self._locked_changed)

    def stop(self) -> None:
        """For good: no timer, and neither unlocking nor the settings start it again."""
        self._stopped = True
        self.timer.stop()

    def refresh(self) -> None:
        """Read the learner's choice again (at start-up, after the settings were saved, after
        unlocking): start or stop the timer, and ask for a check now if one is overdue."""
        if not self.session.locked and not self._stopped:
            self.session.call(verify_habits, self._habits_read, lambda _exc: None)

    def _habits_read(self, habits: VerifyHabits) -> None:
        if not habits.online or self.session.locked or self._stopped:
            self.timer.stop()
            return
        if not self.timer.isActive():
            self.timer.start()
        if habits.reverify_due(self._clock(), self.max_age):
            emit(self.due)

    def _tick(self) -> None:
        """The interval passed: check again, if online checks are still allowed."""
        if self.session.locked:
            return
        self.session.call(verify_habits, self._ticked, lambda _exc: None)

    def _ticked(self, habits: VerifyHabits) -> None:
        if habits.online and not self.session.locked and not self._stopped:
            emit(self.due)
        else:
            self.timer.stop()

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            self.timer.stop()
        else:
            self.refresh()
