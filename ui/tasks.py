"""The one background-work helper: ``run_in_background(fn, on_done, on_error)``, in two lanes.

- ``Lane.DATABASE``: ONE worker thread. Every repository call runs here, so database access
  is serialized and a job never races another over the SQLCipher connection.
- ``Lane.NETWORK``: a few threads for work that waits on the world or the processor, not
  on the database: online verification, did:web, status lists, an issuer (OpenID4VCI),
  decoding camera frames and scanned pictures. A slow server never holds up the list.
  A job here never touches the repository; a use case that needs the database does its
  database steps on the database lane before and after (see ``WalletSession.call_networked``).

``fn`` runs on a worker and must not touch widgets; ``on_done``, ``on_error`` and
``on_progress`` run back on the GUI thread. See docs/adr/0007-two-worker-lanes.md.

Ownership rule (both lanes): a worker never holds the last reference to anything. Jobs,
their callbacks and their outcomes live in tables on the GUI side; the worker borrows the
job, drops its references, and only then signals. (Python objects freed on a worker thread
may be closures over widgets; a QObject freed there crashes PySide6.)

Order rule: a job's progress reports and its outcome travel through one queue, in the order
the worker made them, so ``on_progress`` always runs before ``on_done`` (the queue is drained
whenever any job signals, so a separate progress signal could arrive after its job was done
and be dropped).
"""

from __future__ import annotations

import concurrent.futures
import enum
import gc
import itertools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.signal_emit import emit

GC_INTERVAL_MS = 2_000
_PROGRESS = object()  # marks a progress report in the outcome queue
NETWORK_WORKERS = 4  # a slow issuer, an online check and the camera at the same time


class Lane(enum.Enum):
    """Where a job runs: the one database worker, or the network and processor workers."""

    DATABASE = "database"
    NETWORK = "network"


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


@dataclass
class _Job:
    fn: Callable[[TaskControl], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None
    control: TaskControl


class _Hub(QObject):
    """Lives on the GUI thread; the worker's signals are queued to it."""

    ready = Signal()


class BackgroundTasks(QObject):
    """Owns the worker threads. ``run`` for plain jobs, ``run_controlled`` for cancellable ones;
    both on the database lane unless told ``lane=Lane.NETWORK``."""

    def __init__(
        self, on_error: Callable[[BaseException], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pools = {
            Lane.DATABASE: ThreadPoolExecutor(max_workers=1, thread_name_prefix="kredo-db"),
            Lane.NETWORK: ThreadPoolExecutor(max_workers=NETWORK_WORKERS,
                                             thread_name_prefix="kredo-net"),
        }
        self._default_error = on_error
        self._jobs: dict[int, _Job] = {}
        self._running: dict[int, tuple[Lane, Future[None]]] = {}  # until delivered
        # (job, result, error) when it ended; (job, (done, total), _PROGRESS) on the way
        self._outcomes: queue.SimpleQueue[tuple[int, Any, BaseException | object | None]] = (
            queue.SimpleQueue()
        )
        self._numbers = itertools.count(1)
        self._hub = _Hub(self)
        self._hub.ready.connect(self._deliver)
        # Python's cyclic garbage collector runs on whichever thread happens to allocate;
        # collecting Qt wrappers while the worker runs crashed PySide6 6.12 about one GUI
        # test run in three. Collect on the GUI thread instead, when the worker is idle
        # (the way Anki does it: aqt/main.py, GC timer).
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self._stopped = False
        self._gc_timer = QTimer(self, interval=GC_INTERVAL_MS)
        self._gc_timer.timeout.connect(self.collect_garbage)
        self._gc_timer.start()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: Lane = Lane.DATABASE,
    ) -> TaskControl:
        return self.run_controlled(lambda _control: fn(), on_done, on_error, lane=lane)

    def run_controlled(
        self,
        fn: Callable[[TaskControl], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        *,
        lane: Lane = Lane.DATABASE,
    ) -> TaskControl:
        number = next(self._numbers)
        hub = self._hub
        outcomes = self._outcomes

        def report(done: int, total: int) -> None:
            outcomes.put((number, (done, total), _PROGRESS))
            emit(hub.ready)

        control = TaskControl(report)
        if self._stopped:
            # A window repainting while the app quits may still ask (a thumbnail, the
            # selection); nothing runs and nothing is reported any more.
            control.cancel()
            return control
        self._jobs[number] = _Job(fn, on_done, on_error or self._default_error, on_progress,
                                  control)
        self._running[number] = (lane, self._pools[lane].submit(self._work, number))
        return control

    def _work(self, number: int) -> None:
        """On the worker: borrow the job, run it, hand the outcome over, keep nothing."""
        job = self._jobs[number]
        fn, control = job.fn, job.control
        del job
        try:
            outcome: tuple[int, Any, BaseException | object | None] = (number, fn(control), None)
        except BaseException as exc:  # handed to on_error on the GUI thread
            outcome = (number, None, exc)
            del exc
        del fn, control
        self._outcomes.put(outcome)
        del outcome
        emit(self._hub.ready)

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                number, result, error = self._outcomes.get_nowait()
            except queue.Empty:
                return
            if error is _PROGRESS:
                job = self._jobs.get(number)
                if job is not None and job.on_progress is not None:
                    job.on_progress(*result)
                continue
            job = self._jobs.pop(number)
            self._running.pop(number, None)
            if isinstance(error, BaseException):
                job.on_error(error)
            else:
                job.on_done(result)

    def wait(self, msecs: int = 30_000, *, lane: Lane | None = None) -> bool:
        """Block until every job submitted so far (to ``lane``, or to both) has run: for
        locking, shutdown and tests. Their callbacks run when the event loop next delivers."""
        futures = [future for job_lane, future in self._running.values()
                   if lane is None or job_lane is lane]
        _done, not_done = concurrent.futures.wait(futures, timeout=msecs / 1000)
        return not not_done

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def collect_garbage(self) -> None:
        if not self._jobs:
            gc.collect()

    def shutdown(self) -> None:
        """Wait for the workers, stop them, and give garbage collection back to Python."""
        self.wait()
        self._stopped = True
        self._gc_timer.stop()
        for pool in self._pools.values():
            pool.shutdown(wait=True)
        gc.collect()
        if self._gc_was_enabled:
            gc.enable()
