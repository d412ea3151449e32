"""The one background-work helper: ``run_in_background(fn, on_done, on_error)``.

Every piece of work runs on ONE worker thread, so database access is serialized and a
job never races another. ``fn`` runs on the worker and must not touch widgets; ``on_done``,
``on_error`` and ``on_progress`` run back on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskControl:
    """Handed to a controlled job: report progress, notice a cancel request."""

    def __init__(self, emit_progress: Callable[[int, int], None]) -> None:
        self._emit = emit_progress
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by the worker are queued to it."""

    finished = Signal(object, object)  # (result, error)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
        forget: Callable[[_Relay], None],
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._forget = forget
        self.finished.connect(self._finish)
        self.progressed.connect(self._progress)

    @Slot(object, object)
    def _finish(self, result: Any, error: BaseException | None) -> None:
        self._forget(self)
        if error is not None:
            self._on_error(error)
        else:
            self._on_done(result)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay
        self.control = TaskControl(relay.progressed.emit)

    def run(self) -> None:
        try:
            result = self._fn(self.control)
        except BaseException as exc:  # handed to on_error on the GUI thread
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class BackgroundTasks(QObject):
    """Owns the worker thread. ``run`` for plain jobs, ``run_controlled`` for cancellable ones."""

    def __init__(
        self, on_error: Callable[[BaseException], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._default_error = on_error
        self._relays: set[_Relay] = set()  # keep them alive until their job finishes

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskControl:
        return self.run_controlled(lambda _control: fn(), on_done, on_error)

    def run_controlled(
        self,
        fn: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskControl:
        relay = _Relay(on_done, on_error or self._default_error, on_progress, self._relays.discard)
        self._relays.add(relay)
        job = _Job(fn, relay)
        self._pool.start(job)
        return job.control

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._relays)
