"""The welcome after a wallet is created: shown at start until the learner says "Don't show
this again"; never for a wallet that was in use before; open again from the Help menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE
from ui.app import KredoApp, open_or_create
from ui.first_run import WELCOME_SETTING, FirstRunDialog
from ui.main_window import MainWindow
from ui.unlock import CreateWalletDialog
from wallet.store.wallet import OpenWallet, open_wallet

NEW_PASSPHRASE = "a long enough passphrase"


def _create_through_the_dialog(qtbot: QtBot, home: Path) -> OpenWallet:
    """The first start: the creation dialog, filled in and confirmed as a learner would."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CreateWalletDialog)
        dialog.use_passphrase.setChecked(True)
        dialog.passphrase.setText(NEW_PASSPHRASE)
        dialog.repeat.setText(NEW_PASSPHRASE)
        dialog._create()

    QTimer.singleShot(0, fill)
    return open_or_create(home)


def _start(qtbot: QtBot, opened: OpenWallet) -> KredoApp:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kredo = KredoApp(app, opened, "en")
    assert kredo.window is not None
    qtbot.addWidget(kredo.window)
    return kredo


def _welcome(window: MainWindow) -> FirstRunDialog | None:
    dialog = getattr(window, "welcome", None)
    return dialog if isinstance(dialog, FirstRunDialog) and dialog.isVisible() else None


def test_a_new_wallet_is_welcomed_until_dont_show_again(qtbot: QtBot, tmp_path: Path) -> None:
    # GIVEN no wallet yet WHEN the learner creates one and the app starts
    home = tmp_path / "wallet"
    kredo = _start(qtbot, _create_through_the_dialog(qtbot, home))
    assert kredo.window is not None
    window = kredo.window
    # THEN the welcome opens over the window: what Kredo is and the three steps
    qtbot.waitUntil(lambda: _welcome(window) is not None)
    welcome = _welcome(window)
    assert welcome is not None
    qtbot.addWidget(welcome)
    assert not welcome.dont_show.isChecked()
    # WHEN the learner opens the user guide from it THEN the guide opens
    welcome.guide_button.click()
    assert window.help_window is not None and window.help_window.isVisible()
    window.help_window.close()
    # WHEN the learner ticks "Don't show this again" and starts
    welcome.dont_show.setChecked(True)
    welcome.start_button.click()
    kredo.tasks.wait()
    QApplication.processEvents()
    assert not welcome.isVisible()
    kredo.shutdown()
    # THEN the choice is kept in the wallet, and the next start has no welcome
    with open_wallet(home, passphrase_provider=lambda: NEW_PASSPHRASE) as reopened:
        assert reopened.repository.get_setting(WELCOME_SETTING) == "0"
    again = _start(qtbot, open_wallet(home, passphrase_provider=lambda: NEW_PASSPHRASE))
    assert again.window is not None
    qtbot.wait(50)
    assert _welcome(again.window) is None
    again.shutdown()


def test_closing_the_welcome_without_ticking_shows_it_next_time(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a wallet just created, and its welcome
    home = tmp_path / "wallet"
    kredo = _start(qtbot, _create_through_the_dialog(qtbot, home))
    assert kredo.window is not None
    window = kredo.window
    qtbot.waitUntil(lambda: _welcome(window) is not None)
    welcome = _welcome(window)
    assert welcome is not None
    qtbot.addWidget(welcome)
    # WHEN it is closed with Escape, nothing ticked
    welcome.reject()
    kredo.tasks.wait()
    kredo.shutdown()
    # THEN it comes back at the next start
    again = _start(qtbot, open_wallet(home, passphrase_provider=lambda: NEW_PASSPHRASE))
    assert again.window is not None
    second = again.window
    qtbot.waitUntil(lambda: _welcome(second) is not None)
    welcome_again = _welcome(second)
    assert welcome_again is not None
    qtbot.addWidget(welcome_again)
    welcome_again.close()
    again.tasks.wait()
    again.shutdown()


def test_a_wallet_in_use_before_is_not_welcomed_but_help_offers_it(
    qtbot: QtBot, home: Path
) -> None:
    # GIVEN a wallet that existed before the welcome (no setting about it)
    kredo = _start(qtbot, open_wallet(home, passphrase_provider=lambda: PASSPHRASE))
    assert kredo.window is not None
    window = kredo.window
    # WHEN the app starts THEN no welcome interrupts
    qtbot.wait(50)
    assert _welcome(window) is None
    # WHEN the learner asks for it (Help → Welcome screen)
    window.act_welcome.trigger()
    welcome = _welcome(window)
    assert welcome is not None
    qtbot.addWidget(welcome)
    # THEN it opens, already set not to come back at start (it was asked for)
    assert welcome.dont_show.isChecked()
    welcome.start_button.click()
    kredo.tasks.wait()
    kredo.shutdown()
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as reopened:
        assert reopened.repository.get_setting(WELCOME_SETTING) == "0"


def test_locking_while_the_welcome_is_open_closes_it_quietly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a wallet just created, its welcome open
    home = tmp_path / "wallet"
    kredo = _start(qtbot, _create_through_the_dialog(qtbot, home))
    assert kredo.window is not None
    window = kredo.window
    qtbot.waitUntil(lambda: _welcome(window) is not None)
    # WHEN the wallet locks (the idle timer, or Ctrl+L)
    window.act_lock.trigger()
    kredo.tasks.wait()
    QApplication.processEvents()
    # THEN the welcome is gone, and no error about the locked wallet pops up
    assert _welcome(window) is None
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]
    assert kredo.lock_screen is not None
    kredo.lock_screen.close()
    kredo.shutdown()
