"""The open wallet as the windows see it: the repository, reached only through the worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ui.tasks import BackgroundTasks, TaskControl
from wallet.errors import WalletLocked
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import OpenWallet

T = TypeVar("T")


class WalletSession(QObject):
    """Owns the open wallet while unlocked. Every repository call runs on the one worker."""

    changed = Signal()  # credentials were added, removed or edited
    locked_changed = Signal(bool)

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

    def lock(self) -> None:
        """Close the database (after the worker is idle); the key leaves memory with it."""
        if self._opened is None:
            return
        self.tasks.wait()
        self._opened.close()
        self._opened = None
        self.locked_changed.emit(True)

    def unlock(self, opened: OpenWallet) -> None:
        self._opened = opened
        self.locked_changed.emit(False)
        self.changed.emit()

    def close(self) -> None:
        self.lock()
