"""Verifies the wallet's own credentials in the background, one after another, and says so
as each verdict arrives (the cards' chips change then, not at the end).

Each credential takes the three steps of ADR 0007: read on the database lane, verify on the
network lane, remember on the database lane. Only one credential is on the network lane at a
time, so that a whole-wallet run never takes the threads an issuer or the camera needs.
Credentials asked for while a run is going on join it (an import during "Verify all").
What starts a run (an import, "Verify all", the schedule) is :mod:`ui.verify_all`'s business.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.errors import show_error
from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.errors import WalletError, WalletLocked
from wallet.verify.report import OverallStatus

if TYPE_CHECKING:
    from wallet.app.verifying import StoredVerdict


@dataclass
class VerificationRun:
    """What one run did so far: how many it has, how many are done, and their verdicts."""

    total: int = 0
    done: int = 0
    verdicts: dict[OverallStatus, int] = field(
        default_factory=lambda: dict.fromkeys(OverallStatus, 0))
    not_read: int = 0  # gone meanwhile, or no longer readable
    cancelled: bool = False
    announce: bool = False  # someone asked for it ("Verify all"): show a summary at the end
    whole_wallet_online: bool = False  # every credential, online: the schedule counts from it

    def count(self, status: OverallStatus) -> int:
        return self.verdicts[status]


class BackgroundVerifier(QObject):
    """One run at a time over the wallet's credentials; cancel stops before the next one."""

    verdict = Signal(object)  # a StoredVerdict, once the wallet remembers it
    progressed = Signal(int, int)  # done, total
    finished = Signal(object)  # the VerificationRun, ended or cancelled

    def __init__(self, session: WalletSession, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self._window = window  # where an unexpected fault is shown
        self._queue: deque[tuple[int, bool]] = deque()  # credential id, online
        self._run: VerificationRun | None = None
        self._busy = False  # a credential is on its way through the three steps
        session.locked_changed.connect(self._locked_changed)

    @property
    def running(self) -> bool:
        return self._run is not None

    def verify(self, credential_ids: Iterable[int], *, online: bool, announce: bool = False,
               whole_wallet: bool = False) -> None:
        """Queue ``credential_ids`` (those already waiting are not queued twice) and start,
        unless a run is going on: they join it."""
        waiting = {credential_id for credential_id, _online in self._queue}
        added = [i for i in dict.fromkeys(credential_ids) if i not in waiting]
        if self._run is None and not added:
            return
        run = self._run = self._run or VerificationRun()
        run.announce = run.announce or announce
        run.whole_wallet_online = run.whole_wallet_online or (whole_wallet and online)
        self._queue.extend((credential_id, online) for credential_id in added)
        run.total += len(added)
        emit(self.progressed, run.done, run.total)
        if not self._busy:
            self._next(run)

    def cancel(self) -> None:
        """Stop after the credential in hand (its verdict is still remembered)."""
        run = self._run
        if run is None:
            return
        run.cancelled = True
        self._queue.clear()
        if not self._busy:
            self._finish(run)

    def _next(self, run: VerificationRun) -> None:
        # The engine loads on the first verification, not with the window (first paint).
        from wallet.app.verifying import VerifyRequest, prepare_stored_verification

        if not self._queue or self.session.locked:
            self._finish(run)
            return
        credential_id, online = self._queue.popleft()
        request = VerifyRequest(online=online)
        self._busy = True
        self.session.call_networked(
            lambda repo: prepare_stored_verification(repo, credential_id, request),
            lambda prepared: prepared.verify(),
            lambda verdict: self._verified(run, verdict),
            lambda exc: self._not_verified(run, exc))

    def _current(self, run: VerificationRun) -> bool:
        """Still the run going on (not one ended by locking, nor a window closed since)."""
        return shiboken6.isValid(self) and run is self._run

    def _verified(self, run: VerificationRun, verdict: StoredVerdict) -> None:
        from wallet.app.verifying import remember_verdict

        if self._current(run) and not self.session.locked:
            self.session.call(lambda repo: remember_verdict(repo, verdict),
                              lambda _none: self._remembered(run, verdict),
                              lambda exc: self._not_verified(run, exc))

    def _remembered(self, run: VerificationRun, verdict: StoredVerdict) -> None:
        if self._current(run):
            run.verdicts[verdict.report.status] += 1
            emit(self.verdict, verdict)
            self._step_done(run)

    def _not_verified(self, run: VerificationRun, exc: BaseException) -> None:
        """A credential deleted meanwhile, or one the engine cannot read: counted, and the
        run goes on. Anything else is a fault in Kredo, and is shown."""
        if not self._current(run):
            return
        if isinstance(exc, WalletLocked):
            run.cancelled = True
            self._busy = False
            self._finish(run)
            return
        run.not_read += 1
        if not isinstance(exc, WalletError):
            show_error(self._window, exc)
        self._step_done(run)

    def _step_done(self, run: VerificationRun) -> None:
        self._busy = False
        run.done += 1
        emit(self.progressed, run.done, run.total)
        if run.cancelled:
            self._finish(run)
        else:
            self._next(run)

    def _finish(self, run: VerificationRun) -> None:
        if run is self._run:
            self._run = None
            self._queue.clear()
            emit(self.finished, run)

    def _locked_changed(self, locked: bool) -> None:
        """Locking closes the wallet: the run ends where it is (a verdict still on its way
        is dropped with the database lane's jobs)."""
        run = self._run
        if locked and run is not None:
            run.cancelled = True
            self._busy = False
            self._finish(run)
