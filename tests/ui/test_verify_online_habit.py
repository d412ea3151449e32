"""F5 follows the learner's choice about going online: with online checks allowed in Settings
it verifies online and says so in the status bar; without, offline as before. "Verify
online…" stays the explicit way to go online this once. The credential is a real did:key one,
so going online reaches no server."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.importing import import_paths
from wallet.app.verify_habits import ONLINE_CHECKS_SETTING, note_reverified
from wallet.store.wallet import OpenWallet

DIDKEY = VECTORS.parent / "realworld" / "dcc" / "v2-eddsa-rdfc-2022-didkey-minimal.json"


def _window_on_the_credential(qtbot: QtBot, session: WalletSession, opened: OpenWallet,
                              settle: Settle, *, online: bool) -> tuple[MainWindow, int]:
    """The main window showing one unverified credential; online checks allowed or not (and,
    when allowed, the wallet just re-verified, so no start-up run gets in the way)."""
    [outcome] = import_paths(opened.repository, [DIDKEY])
    assert outcome.id is not None
    if online:
        opened.repository.set_setting(ONLINE_CHECKS_SETTING, "1")
        note_reverified(opened.repository, datetime.now(UTC))
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    assert window.detail.current is not None
    assert opened.repository.latest_verification(outcome.id) is None
    return window, outcome.id


def _mode(opened: OpenWallet, credential_id: int) -> str:
    record = opened.repository.latest_verification(credential_id)
    assert record is not None
    return record.mode


def test_f5_goes_online_when_the_learner_allowed_it_and_says_so(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN online checks allowed in Settings, and a credential shown
    window, credential_id = _window_on_the_credential(qtbot, session, opened, settle,
                                                      online=True)
    # WHEN the learner presses F5
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.act_verify.trigger()
    # THEN the status bar says it verifies online because Settings allow it
    qtbot.waitUntil(lambda: "Verifying online, as allowed in Settings." in said,
                    timeout=20_000)
    settle()
    # AND the verdict the wallet remembers was reached online, shown on the Verification tab
    assert _mode(opened, credential_id) == "network"
    assert window.detail.tabs.currentWidget() is window.detail.verify_panel


def test_f5_stays_offline_without_permission(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN online checks not allowed, and a credential shown
    window, credential_id = _window_on_the_credential(qtbot, session, opened, settle,
                                                      online=False)
    # WHEN the learner presses F5
    window.act_verify.trigger()
    settle()
    # THEN it was verified offline, and nothing claims it went online
    assert _mode(opened, credential_id) == "offline"
    assert "online" not in window.statusBar().currentMessage()


def test_verify_online_goes_online_this_once_without_permission(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN online checks not allowed, and a credential shown
    window, credential_id = _window_on_the_credential(qtbot, session, opened, settle,
                                                      online=False)
    # WHEN the learner answers Yes to "Verify online…" (the panel's question)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    emit(window.detail.verify_panel.verify_requested, True)
    # (recorded as it is said: the verdict's own message may replace it at once)
    qtbot.waitUntil(lambda: "Verifying online, this once." in said, timeout=20_000)
    settle()
    # THEN this check ran online
    assert _mode(opened, credential_id) == "network"
    # AND the next F5 is offline again: the setting was not changed by it
    window.act_verify.trigger()
    settle()
    assert _mode(opened, credential_id) == "offline"
