"""The open wallet as the windows see it: the repository, reached only through the database
worker; network and processor work goes to the other lane (``ui.tasks.Lane``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ui.signal_emit import emit
from ui.tasks import BackgroundTasks, Lane, TaskControl
from wallet.errors import WalletLocked
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import OpenWallet

T = TypeVar("T")
P = TypeVar("P")


class WalletSession(QObject):
    """Owns the open wallet while unlocked. Every repository call runs on the one worker."""

    changed = Signal()  # credentials were added, removed or edited
    locked_changed = Signal(bool)
    about_to_lock = Signal()  # the last moment to queue a write (an unsaved note)

    def __init__(
        self,
        opened: OpenWallet,
        tasks: BackgroundTasks,
        lang: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._opened: OpenWallet | None = opened
        self.home = opened.home
        self.tasks = tasks
        self.lang = lang

    @property
    def locked(self) -> bool:
        return self._opened is None

    def repository(self) -> CredentialRepository:
        """For code running on the worker."""
        if self._opened is None:
            raise WalletLocked("The wallet is locked; unlock it to continue.")
        return self._opened.repository

    def call(
        self,
        fn: Callable[[CredentialRepository], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskControl:
        return self.tasks.run(lambda: fn(self.repository()), on_done, on_error)

    def call_controlled(
        self,
        fn: Callable[[CredentialRepository, TaskControl], Any],
        on_done: Callable[[Any], None],
        on_progress: Callable[[int, int], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskControl:
        return self.tasks.run_controlled(
            lambda control: fn(self.repository(), control), on_done, on_error, on_progress
        )

    def run_network(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskControl:
        """Work that needs no repository (an issuer, an online check, a camera frame), on the
        network lane: it never waits for the database, nor the database for it."""
        return self.tasks.run(fn, on_done, on_error, lane=Lane.NETWORK)

    def call_networked(
        self,
        read: Callable[[CredentialRepository], P],
        work: Callable[[P], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``read`` what the work needs on the database lane, then ``work`` on the network
        lane. A step that must write afterwards is another ``call`` from ``on_done``."""

        def read_done(prepared: P) -> None:
            if not self.locked:  # locked meanwhile: the job is dropped with the wallet
                self.run_network(lambda: work(prepared), on_done, on_error)

        self.call(read, read_done, on_error)

    def lock(self) -> None:
        """Close the database (after its worker is idle; network jobs go on without it);
        the key leaves memory with it."""
        if self._opened is None:
            return
        emit(self.about_to_lock)
        self.tasks.wait(lane=Lane.DATABASE)
        self._opened.close()
        self._opened = None
        emit(self.locked_changed, True)

    def unlock(self, opened: OpenWallet) -> None:
        self._opened = opened
        emit(self.locked_changed, False)
        emit(self.changed)

    def close(self) -> None:
        self.lock()
