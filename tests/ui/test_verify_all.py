"""Verify all: every card's chip changes as its verdict arrives, progress in the status bar,
Stop, a summary in the verdict model's words; and the online re-verification schedule, which
does nothing without the learner's permission to go online."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.credential_model import CredentialRoles
from ui.main_window import MainWindow
from ui.reverify_schedule import ReverifySchedule
from ui.session import WalletSession
from ui.verify_all import WalletVerification
from wallet.app.importing import import_paths
from wallet.app.verify_habits import (
    LAST_REVERIFIED_SETTING,
    ONLINE_CHECKS_SETTING,
    note_reverified,
)
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import OpenWallet
from wallet.verify.report import OverallStatus

REALWORLD = VECTORS.parent / "realworld"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"  # seal holds, test CA on no list
DIDKEY = REALWORLD / "dcc" / "v2-eddsa-rdfc-2022-didkey-minimal.json"  # proven, issuer unlisted
HTTPS_KEY = REALWORLD / "1edtech" / "validator-ob3-ed25519signature2020-https-key.json"
# (its key is published at an https URL: offline it could not be checked)


def _tampered(tmp_path: Path) -> Path:
    raw = SEALED.read_bytes()
    position = raw.index(b"University of Zed")
    tampered = tmp_path / "tampered.jsonld"
    tampered.write_bytes(raw[:position] + b"Universitx" + raw[position + 10:])
    return tampered


def _fill(repository: CredentialRepository, *paths: Path) -> None:
    """Credentials stored through the application layer: nobody verified them yet."""
    outcomes = list(import_paths(repository, list(paths)))
    assert [o.status for o in outcomes] == ["imported"] * len(paths)


def _chips(window: MainWindow) -> list[str]:
    return sorted(window.model.index(r).data(CredentialRoles.STATE)
                  for r in range(window.model.rowCount()))


def _records(repository: CredentialRepository) -> list[tuple[str, str] | None]:
    found = []
    for credential_id in repository.ids():
        record = repository.latest_verification(credential_id)
        found.append(None if record is None else (record.status, record.mode))
    return found


def test_verify_all_updates_every_card_as_it_goes_and_counts_the_verdicts(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle, tmp_path: Path,
) -> None:
    # GIVEN a wallet with four credentials nobody has checked, one of them altered
    _fill(opened.repository, SEALED, _tampered(tmp_path), DIDKEY, HTTPS_KEY)
    window.reload()
    settle()
    assert _chips(window) == ["unchecked"] * 4
    # AND the first card open in the detail, on its Verification tab: "not checked yet"
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    shown = window.detail.current
    assert shown is not None
    # WHEN the learner chooses Verify all, and watches the cards and the status bar
    checked_so_far: list[int] = []
    progress: list[str] = []
    window.verification.verdict.connect(
        lambda _v: checked_so_far.append(sum(s != "unchecked" for s in _chips(window))))
    window.verification.verifier.progressed.connect(
        lambda _d, _t: progress.append(window.verification.progress.label.text()))
    window.act_verify_all.trigger()
    qtbot.waitUntil(lambda: window.verification.last_run is not None, timeout=60_000)
    settle()
    # THEN each card changed as its own verdict arrived, one after another, not at the end
    assert checked_so_far == [1, 2, 3, 4]
    assert progress[0] == "Verifying 1 of 4…" and "Verifying 4 of 4…" in progress
    assert window.verification.progress.isHidden()
    # AND every card shows its verdict: the altered one failed
    assert _chips(window) == ["failed", "indeterminate", "partially_verified",
                              "partially_verified"]
    assert sorted(r[0] for r in _records(opened.repository) if r) == _chips(window)
    # AND the status filter finds the one that could not be checked
    window.state_filter.setCurrentIndex(window.state_filter.findData("indeterminate"))
    assert window.proxy.rowCount() == 1
    window.state_filter.setCurrentIndex(0)
    # AND the detail shows the verdict of the credential it holds
    assert window.detail.verify_panel.status == opened.repository.latest_verification(
        shown.stored.id).status
    # AND the summary counts them in the verdict model's words
    run = window.verification.last_run
    assert run is not None and not run.cancelled
    assert [run.count(s) for s in OverallStatus] == [0, 2, 1, 1]
    box = window.verification.summary_box
    assert box is not None and not box.isHidden()
    assert box.text().startswith("4 credential")  # the plural comes with the catalogue
    assert box.informativeText() == (
        "Verified: 0 · Partially verified: 2 · Could not be checked: 1 · Failed: 1")
    # AND offline it stayed: online checks were never allowed, so no schedule was noted
    assert {r[1] for r in _records(opened.repository) if r} == {"offline"}
    assert opened.repository.get_setting(LAST_REVERIFIED_SETTING) is None


def test_stop_ends_verify_all_after_the_credential_in_hand(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle, tmp_path: Path,
) -> None:
    # GIVEN a wallet with four unchecked credentials, and Verify all running
    _fill(opened.repository, SEALED, _tampered(tmp_path), DIDKEY, HTTPS_KEY)
    window.reload()
    settle()
    stop = window.verification.progress.stop
    # WHEN the learner presses Stop as soon as the first verdict is in
    window.verification.verdict.connect(lambda _v: stop.click() if not stop.isHidden() else None)
    window.act_verify_all.trigger()
    qtbot.waitUntil(lambda: window.verification.last_run is not None, timeout=60_000)
    settle()
    # THEN only that first credential was checked: one card changed, three still unchecked
    run = window.verification.last_run
    assert run is not None and run.cancelled
    assert (run.done, run.total) == (1, 4)
    assert _chips(window).count("unchecked") == 3
    assert sum(r is not None for r in _records(opened.repository)) == 1
    # AND the summary says it stopped, and how far it came
    box = window.verification.summary_box
    assert box is not None
    assert box.informativeText().startswith("Verification stopped: 1 of 4 checked.")
    # AND nothing more runs afterwards
    qtbot.wait(300)
    settle()
    assert sum(r is not None for r in _records(opened.repository)) == 1


def test_verify_all_has_a_shortcut_no_other_action_uses(window: MainWindow) -> None:
    # GIVEN the main window's actions
    shortcuts = [a.shortcut() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    # THEN Verify all is Ctrl+Shift+F5, in the Credential menu and on the toolbar
    assert window.act_verify_all.shortcut() == QKeySequence("Ctrl+Shift+F5")
    assert shortcuts.count(QKeySequence("Ctrl+Shift+F5")) == 1
    assert len(shortcuts) == len({s.toString() for s in shortcuts})
    assert window.act_verify_all.associatedObjects()


def test_verify_all_on_an_empty_wallet_says_so(
    window: MainWindow, settle: Settle,
) -> None:
    # WHEN Verify all is chosen in an empty wallet
    window.act_verify_all.trigger()
    settle()
    # THEN the status bar says there is nothing to verify, and no run started
    assert window.statusBar().currentMessage() == "No credentials to verify."
    assert window.verification.last_run is None


# --- the online re-verification schedule ------------------------------------------------


def test_nothing_is_scheduled_and_nothing_verified_without_online_permission(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN a wallet with credentials, online checks not allowed, never re-verified
    _fill(opened.repository, SEALED, DIDKEY)
    host = QMainWindow()
    qtbot.addWidget(host)
    # WHEN the wallet's verification starts with a very short interval
    verification = WalletVerification(session, host, every=timedelta(milliseconds=100),
                                      max_age=timedelta(0))
    due: list[bool] = []
    verification.schedule.due.connect(lambda: due.append(True))
    verification.start()
    settle()
    qtbot.wait(500)
    settle()
    # THEN no timer runs, nothing fell due, and no credential was verified
    assert not verification.schedule.timer.isActive()
    assert due == []
    assert _records(opened.repository) == [None, None]


def test_with_online_allowed_an_overdue_wallet_is_checked_online_at_start(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN online checks allowed, and a wallet never re-verified
    _fill(opened.repository, SEALED, DIDKEY)
    opened.repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    # WHEN the window opens
    window = MainWindow(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.verification.last_run is not None, timeout=60_000)
    settle()
    # THEN every credential was checked online, quietly (no summary box), and the chips show it
    assert _records(opened.repository) == [("partially_verified", "network")] * 2
    assert _chips(window) == ["partially_verified"] * 2
    assert window.verification.summary_box is None
    # AND the time is noted, so the next start does not check again the same day
    noted = opened.repository.get_setting(LAST_REVERIFIED_SETTING)
    assert noted is not None
    assert datetime.now(UTC) - datetime.fromisoformat(noted) < timedelta(minutes=5)
    # AND the timer runs until the window closes, and not after (a window replaced in
    # another language never checks the wallet beside its successor)
    assert window.verification.schedule.timer.isActive()
    window.close()
    assert not window.verification.schedule.timer.isActive()
    window.verification.settings_changed()
    settle()
    assert not window.verification.schedule.timer.isActive()


def test_the_schedule_fires_at_its_interval_while_online_is_allowed(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN online checks allowed and the wallet checked a moment ago (nothing overdue)
    _fill(opened.repository, DIDKEY)
    opened.repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    note_reverified(opened.repository, datetime.now(UTC))
    host = QMainWindow()
    qtbot.addWidget(host)
    verification = WalletVerification(session, host, every=timedelta(milliseconds=400))
    # WHEN it starts
    verification.start()
    settle()
    # THEN nothing runs at once, but a timer is set
    assert verification.schedule.timer.isActive()
    assert _records(opened.repository) == [None]
    # AND when the interval has passed, the whole wallet is checked online
    qtbot.waitUntil(lambda: verification.last_run is not None, timeout=20_000)
    settle()
    assert _records(opened.repository) == [("partially_verified", "network")]
    # WHEN the learner withdraws the permission (written on the database lane, like the
    # Settings dialog does, while the timer goes on)
    verification.last_run = None
    session.call(lambda repo: repo.set_setting(ONLINE_CHECKS_SETTING, "0"), lambda _n: None)
    # THEN the next tick stops the timer and checks nothing
    qtbot.waitUntil(lambda: not verification.schedule.timer.isActive(), timeout=5_000)
    settle()
    assert verification.last_run is None
    verification.cancel()


def test_a_locked_wallet_is_not_reverified(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
) -> None:
    # GIVEN online checks allowed and a running schedule
    opened.repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    note_reverified(opened.repository, datetime.now(UTC))
    schedule = ReverifySchedule(session, every=timedelta(milliseconds=50))
    due: list[bool] = []
    schedule.due.connect(lambda: due.append(True))
    schedule.refresh()
    settle()
    assert schedule.timer.isActive()
    # WHEN the wallet locks
    session.lock()
    # THEN the timer stops, and nothing falls due while it is locked
    assert not schedule.timer.isActive()
    due.clear()
    qtbot.wait(300)
    assert due == []
