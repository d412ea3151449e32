"""The two worker lanes of ``ui.tasks``: the database is never held up by the network, and
database jobs still run one at a time, in order (docs/adr/0007-two-worker-lanes.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.session import WalletSession
from ui.tasks import BackgroundTasks, Lane, TaskControl
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import OpenWallet

SLOW_SECONDS = 10.0


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[BackgroundTasks]:
    errors: list[BaseException] = []
    tasks = BackgroundTasks(errors.append)
    yield tasks
    tasks.shutdown()
    assert errors == []


def test_a_slow_network_job_does_not_delay_a_database_job(
    qtbot: QtBot, tasks: BackgroundTasks
) -> None:
    # GIVEN a network job that hangs until released (an issuer that does not answer)
    release = threading.Event()
    network_done: list[str] = []
    tasks.run(lambda: release.wait(SLOW_SECONDS) and "answered", network_done.append,
              lane=Lane.NETWORK)
    # WHEN a database job is asked for after it
    database_done: list[str] = []
    started = time.monotonic()
    tasks.run(lambda: "listed", database_done.append)
    # THEN the database job finishes and is delivered while the network job still waits
    qtbot.waitUntil(lambda: database_done == ["listed"], timeout=5_000)
    assert time.monotonic() - started < SLOW_SECONDS / 2
    assert network_done == [] and tasks.busy
    # AND the network job is delivered once it is answered
    release.set()
    qtbot.waitUntil(lambda: network_done == ["answered"], timeout=5_000)
    assert not tasks.busy


def test_database_jobs_run_one_at_a_time_in_order(qtbot: QtBot, tasks: BackgroundTasks) -> None:
    # GIVEN several database jobs, the first of them slow
    inside = 0
    most_inside = 0
    order: list[int] = []
    guard = threading.Lock()

    def job(number: int, seconds: float) -> int:
        nonlocal inside, most_inside
        with guard:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(seconds)
        with guard:
            inside -= 1
        return number

    # WHEN they are submitted one after another
    for number in range(5):
        tasks.run(lambda n=number: job(n, 0.2 if n == 0 else 0.01), order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=10_000)
    # THEN they ran one at a time, in the order asked
    assert order == [0, 1, 2, 3, 4]
    assert most_inside == 1


def test_wait_for_the_database_lane_does_not_wait_for_the_network(
    qtbot: QtBot, tasks: BackgroundTasks
) -> None:
    # GIVEN a hanging network job and a quick database job
    release = threading.Event()
    tasks.run(lambda: release.wait(SLOW_SECONDS), lambda _: None, lane=Lane.NETWORK)
    tasks.run(lambda: None, lambda _: None)
    # WHEN the database lane is waited for (as locking the wallet does)
    started = time.monotonic()
    idle = tasks.wait(msecs=5_000, lane=Lane.DATABASE)
    # THEN it returns at once, while waiting for both lanes would time out
    assert idle and time.monotonic() - started < SLOW_SECONDS / 2
    assert not tasks.wait(msecs=100)
    release.set()
    assert tasks.wait()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)


def test_a_networked_call_reads_on_the_database_lane_and_works_on_the_network_lane(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet
) -> None:
    # GIVEN a setting in the wallet
    opened.repository.set_setting("greeting", "ahoj")
    threads: dict[str, str] = {}

    def read(repo: CredentialRepository) -> str:
        threads["read"] = threading.current_thread().name
        return repo.get_setting("greeting") or ""

    def work(greeting: str) -> str:
        threads["work"] = threading.current_thread().name
        return greeting.upper()

    # WHEN a networked job reads it and works on it
    result: list[str] = []
    session.call_networked(read, work, result.append)
    qtbot.waitUntil(lambda: result == ["AHOJ"], timeout=5_000)
    # THEN the read ran on the database worker and the work on a network worker
    assert threads["read"].startswith("kredo-db")
    assert threads["work"].startswith("kredo-net")


def test_a_jobs_progress_is_delivered_before_its_outcome_even_when_another_job_ends_first(
    qtbot: QtBot, tasks: BackgroundTasks
) -> None:
    # GIVEN a quick job that has ended, its result not yet delivered (the GUI was busy)
    events: list[object] = []
    tasks.run(lambda: "quick", events.append, lane=Lane.NETWORK)
    assert tasks.wait()

    # AND a job that reports progress three times and ends, also before the GUI looks
    def counted(control: TaskControl) -> str:
        for done in range(1, 4):
            control.progress(done, 3)
        return "counted"

    tasks.run_controlled(counted, events.append, None,
                         lambda done, total: events.append((done, total)), lane=Lane.NETWORK)
    assert tasks.wait()
    # WHEN the GUI thread delivers what arrived (the first job's signal drains everything)
    qtbot.waitUntil(lambda: "counted" in events, timeout=5_000)
    # THEN every progress report reached its job, in order, before that job's outcome
    assert events == ["quick", (1, 3), (2, 3), (3, 3), "counted"]
