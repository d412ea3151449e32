"""The wallet verifies its own credentials without being asked one by one: after an import,
on "Verify all", and online on a schedule when the learner allowed online checks.

:class:`WalletVerification` starts the runs (:mod:`ui.background_verify` does them) and shows
them: a progress bar with a Stop button in the status bar, and at the end the verdicts
counted by the verification model's names ("Verified: 12 · … · Failed: 0"), in a message
box when the learner asked ("Verify all"), in the status bar otherwise. The window turns each
verdict into its card's chip (:attr:`WalletVerification.verdict`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ui.background_verify import BackgroundVerifier, VerificationRun
from ui.reverify_schedule import EVERY, MAX_AGE, ReverifySchedule
from ui.session import WalletSession
from ui.signal_emit import emit
from ui.status_chip import chip_text
from wallet.app.importing import ImportOutcome
from wallet.app.verify_habits import VerifyHabits, note_reverified, verify_habits
from wallet.store.repository import CredentialRepository
from wallet.verify.report import OverallStatus

_VERDICTS = (OverallStatus.VERIFIED, OverallStatus.PARTIALLY_VERIFIED,
             OverallStatus.INDETERMINATE, OverallStatus.FAILED)


def run_summary(run: VerificationRun) -> str:
    """The verdicts of a run, counted: "Verified: 12 · Partially verified: 0 · Could not be
    checked: 1 · Failed: 0", and how far a stopped run came."""
    translate = QCoreApplication.translate
    parts = [f"{chip_text(status.value)}: {run.count(status)}" for status in _VERDICTS]
    if run.not_read:
        parts.append(translate("WalletVerification", "Could not be read: %1")
                     .replace("%1", str(run.not_read)))
    counts = " · ".join(parts)
    if not run.cancelled:
        return counts
    stopped = translate("WalletVerification", "Verification stopped: %1 of %2 checked.")
    return stopped.replace("%1", str(run.done)).replace("%2", str(run.total)) + " " + counts


class VerifyProgress(QWidget):
    """In the status bar while a run goes on: "Verifying 3 of 12…", a bar, and Stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Verification progress"))
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setAccessibleName(self.tr("Stop verifying"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop)
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        self.label.setText(self.tr("Verifying %1 of %2…").replace(
            "%1", str(min(done + 1, total))).replace("%2", str(total)))
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.show()


class WalletVerification(QObject):
    """Starts the background runs of one window and shows their progress and outcome."""

    verdict = Signal(object)  # a StoredVerdict the wallet now remembers: update its card

    def __init__(self, session: WalletSession, window: QMainWindow, *,
                 every: timedelta = EVERY, max_age: timedelta = MAX_AGE) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.verifier = BackgroundVerifier(session, window)
        self.verifier.verdict.connect(lambda verdict: emit(self.verdict, verdict))
        self.progress = VerifyProgress()
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.stop.clicked.connect(self.verifier.cancel)
        self.verifier.progressed.connect(self.progress.show_progress)
        self.verifier.finished.connect(self._finished)
        self.schedule = ReverifySchedule(session, self, every=every, max_age=max_age)
        self.schedule.due.connect(self.reverify)
        self.summary_box: QMessageBox | None = None
        self.last_run: VerificationRun | None = None

    def start(self) -> None:
        """At start-up: re-verify online if that is allowed and overdue, then on a timer."""
        self.schedule.refresh()

    def settings_changed(self) -> None:
        self.schedule.refresh()

    def verify_all(self) -> None:
        """Every credential in the wallet, online if the learner allowed it; a summary at
        the end."""
        self._verify_wallet(announce=True)

    def reverify(self) -> None:
        """The schedule's whole-wallet online check; quiet (the status bar says how it went)."""
        self._verify_wallet(announce=False, online_only=True)

    def after_import(self, outcomes: Sequence[ImportOutcome]) -> None:
        """Verify what was just imported, unless the learner turned that off."""
        ids = [o.id for o in outcomes if o.status == "imported" and o.id is not None]
        if not ids or self.session.locked:
            return

        def habits_read(habits: VerifyHabits) -> None:
            if habits.after_import:
                self.verifier.verify(ids, online=habits.online)

        self.session.call(verify_habits, habits_read)

    def cancel(self) -> None:
        self.verifier.cancel()

    def shutdown(self) -> None:
        """The window closes (quitting, or replaced in another language): its run stops and
        its schedule with it, so that a window on its way out never starts another."""
        self.verifier.cancel()
        self.schedule.stop()

    def _verify_wallet(self, *, announce: bool, online_only: bool = False) -> None:
        if self.session.locked:
            return

        def read(repo: CredentialRepository) -> tuple[VerifyHabits, list[int]]:
            return verify_habits(repo), repo.ids()

        def start(read_back: tuple[VerifyHabits, list[int]]) -> None:
            habits, ids = read_back
            if online_only and not habits.online:
                return  # withdrawn meanwhile: nothing goes online
            if not ids:
                if announce:
                    self.window.statusBar().showMessage(self.tr("No credentials to verify."))
                return
            self.verifier.verify(ids, online=habits.online, announce=announce,
                                 whole_wallet=True)

        self.session.call(read, start)

    def _finished(self, run: VerificationRun) -> None:
        self.last_run = run
        self.progress.hide()
        summary = run_summary(run)
        self.window.statusBar().showMessage(summary, 0 if run.announce else 15_000)
        if run.whole_wallet_online and not run.cancelled and not self.session.locked:
            now = datetime.now(UTC)
            self.session.call(lambda repo: note_reverified(repo, now), lambda _none: None)
        if run.announce:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Verify all"),
                              self.tr("%n credential(s) checked.", "", run.done),
                              QMessageBox.StandardButton.Close, self.window)
            box.setInformativeText(summary)
            box.open()  # window-modal, not blocking: the chips are already up to date
            self.summary_box = box
