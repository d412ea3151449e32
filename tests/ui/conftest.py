"""GUI fixtures: a real encrypted wallet, the real worker thread, real widgets (offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import KredoApp
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.tasks import BackgroundTasks
from wallet.store.kdf import Argon2Params
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "ui test passphrase"

Settle = Callable[[], None]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    init_wallet(tmp_path / "wallet", passphrase=PASSPHRASE, use_keyring=False,
                kdf_params=FAST_KDF)
    return tmp_path / "wallet"


@pytest.fixture
def opened(home: Path) -> Iterator[OpenWallet]:
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as wallet:
        yield wallet


@pytest.fixture
def errors() -> list[BaseException]:
    return []


@pytest.fixture
def session(qtbot: QtBot, opened: OpenWallet, errors: list[BaseException]) -> Iterator[
        WalletSession]:
    tasks = BackgroundTasks(errors.append)
    yield WalletSession(opened, tasks, "en")
    tasks.shutdown()


@pytest.fixture
def settle(qtbot: QtBot, session: WalletSession) -> Settle:
    """Wait until the worker is idle and its results were delivered to the widgets."""

    def wait() -> None:
        for _ in range(4):
            qtbot.waitUntil(lambda: not session.tasks.busy, timeout=20_000)
            QApplication.processEvents()

    return wait


@pytest.fixture
def window(qtbot: QtBot, session: WalletSession, settle: Settle) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    return window


@pytest.fixture
def kredo(qtbot: QtBot, home: Path) -> Iterator[KredoApp]:
    """The whole app in this process (controller, window, idle lock) on the test wallet."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kredo = KredoApp(app, open_wallet(home, passphrase_provider=lambda: PASSPHRASE), "en")
    assert kredo.window is not None
    qtbot.addWidget(kredo.window)
    yield kredo
    kredo.tasks.wait()
    kredo.shutdown()
