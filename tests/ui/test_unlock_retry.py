"""Unlocking forgives a typing mistake: the prompt stays for another try, several wrong tries
in a row make the next one wait, and a new wallet opens without asking again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE
from ui.app import KredoApp
from ui.passphrase_form import FREE_TRIES, MAX_DELAY_SECONDS, retry_delay
from ui.unlock import PASSPHRASE_ENV, CreateWalletDialog, UnlockDialog


@pytest.fixture(autouse=True)
def _nothing_preset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_wrong_wrong_right_opens_the_wallet(qtbot: QtBot, home: Path) -> None:
    # GIVEN the start prompt of a real passphrase-protected wallet
    dialog = UnlockDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the learner mistypes twice
    for wrong in ("ui test passphrasE", "ui test pasphrase"):
        _type(qtbot, dialog.form.passphrase, wrong)
        # THEN the prompt stays open and says why, the field ready for another try
        assert dialog.isVisible() and dialog.opened is None
        assert "does not open this wallet" in dialog.form.problem.text()
        assert dialog.form.passphrase.isEnabled()
    # AND the right passphrase opens the wallet
    _type(qtbot, dialog.form.passphrase, PASSPHRASE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.opened is not None
    assert dialog.opened.repository.count() == 0
    dialog.opened.close()


def test_the_delay_grows_after_several_wrong_tries() -> None:
    assert [retry_delay(n) for n in range(FREE_TRIES)] == [0] * FREE_TRIES
    delays = [retry_delay(n) for n in range(FREE_TRIES, FREE_TRIES + 8)]
    assert delays[:3] == [2, 4, 8]
    assert delays == sorted(delays) and delays[-1] == MAX_DELAY_SECONDS


def test_after_several_wrong_tries_the_field_waits_then_takes_the_right_one(
    qtbot: QtBot, home: Path
) -> None:
    # GIVEN the start prompt
    dialog = UnlockDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    # WHEN the learner types a wrong passphrase as many times as is free
    for _ in range(FREE_TRIES):
        _type(qtbot, dialog.form.passphrase, "not it")
    # THEN the field waits, and says for how long
    assert not dialog.form.passphrase.isEnabled() and not dialog.form.button.isEnabled()
    assert dialog.form.wait_left == retry_delay(FREE_TRIES) == 2
    assert "wait 2 s" in dialog.form.problem.text()
    # AND Return meanwhile tries nothing; the wait ends by itself
    QTest.keyClick(dialog.form.passphrase, Qt.Key.Key_Return)
    assert dialog.form.failures == FREE_TRIES
    qtbot.waitUntil(dialog.form.passphrase.isEnabled, timeout=5_000)
    assert dialog.form.wait_left == 0
    # AND then the right passphrase opens the wallet
    _type(qtbot, dialog.form.passphrase, PASSPHRASE)
    assert dialog.opened is not None
    dialog.opened.close()


def test_the_lock_screen_has_the_field_and_retries(qtbot: QtBot, kredo: KredoApp) -> None:
    assert kredo.window is not None
    # GIVEN a locked wallet
    kredo.window.act_lock.trigger()
    screen = kredo.lock_screen
    assert screen is not None and screen.isVisible()
    qtbot.waitExposed(screen)
    # THEN the passphrase field is on the lock screen itself, its text not cut
    assert screen.form.passphrase.isVisible()
    for label in screen.findChildren(type(screen.form.problem)):
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    # WHEN a wrong passphrase is typed, then the right one
    _type(qtbot, screen.form.passphrase, "wrong passphrase")
    assert kredo.session.locked and screen.isVisible()
    assert "does not open this wallet" in screen.form.problem.text()
    QApplication.processEvents()
    problem = screen.form.problem
    assert problem.height() >= problem.heightForWidth(problem.width())  # all its lines shown
    _type(qtbot, screen.form.passphrase, PASSPHRASE)
    # THEN the wallet is open again and the window back
    assert not kredo.session.locked
    assert kredo.lock_screen is None and kredo.window.isVisible()


def test_a_new_wallet_opens_without_asking_for_its_passphrase_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN the first-run dialog with a passphrase typed twice
    dialog = CreateWalletDialog(tmp_path / "new")
    qtbot.addWidget(dialog)
    dialog.use_passphrase.setChecked(True)
    dialog.passphrase.setText("a long enough passphrase")
    dialog.repeat.setText("a long enough passphrase")
    # WHEN it is confirmed
    dialog._create()
    # THEN the wallet it made is already open: nothing asks a second time
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.opened is not None
    assert dialog.opened.repository.count() == 0
    dialog.opened.close()
