"""The History view: the shares just made (an answer to a verifier, a QR code) with when, to
whom, which credentials and claims; search; export as JSON; delete after a confirmation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from tests.ui.conftest import Settle
from tests.ui.learner_wallet import LEARNING_QUERY, fill_wallet, link_by_value, loopback
from ui.history_view import HistoryView
from ui.main_window import MainWindow
from ui.session import WalletSession
from wallet.app.history import history
from wallet.app.qr_sharing import stored_credential_qr_image
from wallet.app.responding import default_consent, match_wallet, read_verifier_request, respond
from wallet.store.wallet import OpenWallet

__all__ = ["loopback", "scripted_issuer"]
pytestmark = pytest.mark.usefixtures("loopback")


@pytest.fixture
def shared(opened: OpenWallet, scripted_issuer: ScriptedIssuer, tmp_path: Path) -> OpenWallet:
    """A wallet that answered a verifier (OpenID4VP), then saved a QR code of a credential."""
    fill_wallet(opened)
    repository = opened.repository
    scripted_issuer.answer("POST", "/answer", 200, {})
    request = read_verifier_request(
        link_by_value(f"{scripted_issuer.base}/answer", {"credentials": [LEARNING_QUERY]}),
        timeout=5)
    match = match_wallet(repository, request)
    respond(repository, request, match, default_consent(match), timeout=5)
    course = next(s.id for s in repository.list() if s.format.value == "vc-jwt")
    stored_credential_qr_image(repository, course, tmp_path / "course.png")
    return opened


def _view(qtbot: QtBot, session: WalletSession, settle: Settle) -> HistoryView:
    view = HistoryView(session)
    qtbot.addWidget(view)
    view.show()
    settle()
    return view


def _rows(view: HistoryView) -> list[list[str]]:
    proxy = view.proxy
    return [[str(proxy.index(row, column).data()) for column in range(proxy.columnCount())]
            for row in range(proxy.rowCount())]


def test_the_history_lists_each_share_with_whom_and_which_claims(
    qtbot: QtBot, session: WalletSession, shared: OpenWallet, settle: Settle,
) -> None:
    # WHEN the learner opens the history
    view = _view(qtbot, session, settle)
    # THEN both shares are there, newest first: the QR code, then the verifier's answer
    rows = _rows(view)
    assert [row[1] for row in rows] == ["QR code", "answer to a verifier (OpenID4VP)"]
    answered = rows[1]
    assert answered[2].startswith("Example Employer (")
    assert "not confirmed" in answered[2]
    assert "(family_name, given_name, ects)" in answered[3]
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}", answered[0])  # 7 Dec 2026 04:02
    assert not view.empty.isVisible()
    # WHEN they search for the verifier THEN only its entry remains
    view.search.setText("employer")
    assert [row[1] for row in _rows(view)] == ["answer to a verifier (OpenID4VP)"]


def test_the_history_exports_what_it_shows_as_json(
    qtbot: QtBot, session: WalletSession, shared: OpenWallet, settle: Settle, tmp_path: Path,
) -> None:
    # GIVEN the history narrowed to the verifier's answer
    view = _view(qtbot, session, settle)
    view.search.setText("given_name")
    # WHEN the learner exports it
    target = tmp_path / "history.json"
    view.export_to(target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    settle()
    # THEN the file is the JSON export of that entry, claims and verifier included
    exported: Any = json.loads(target.read_text(encoding="utf-8"))
    (entry,) = exported["sharing_history"]
    assert entry["form"] == "openid4vp"
    assert entry["recipient"] == "Example Employer"
    assert entry["verifier"]["confirmed"] is False
    assert entry["credentials"][0]["claims"] == ["family_name", "given_name", "ects"]


def test_deleting_asks_first_and_forgets_only_the_selected_entry(
    qtbot: QtBot, session: WalletSession, shared: OpenWallet, settle: Settle,
) -> None:
    view = _view(qtbot, session, settle)
    # GIVEN the QR code entry selected
    view.table.selectRow(0)
    assert len(view.selected_ids()) == 1
    # WHEN the learner asks to delete and says No THEN nothing is forgotten
    view.ask_delete()
    box = view.findChild(QMessageBox)
    assert box is not None and "Forget 1 entry" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    settle()
    assert len(history(shared.repository)) == 2
    # WHEN they ask again and say Yes
    view.ask_delete()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in view.findChildren(QMessageBox)))
    box = next(b for b in view.findChildren(QMessageBox) if b.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    settle()
    # THEN only the verifier's answer is left, in the wallet and in the view
    (left,) = history(shared.repository)
    assert left.form == "openid4vp"
    assert [row[1] for row in _rows(view)] == ["answer to a verifier (OpenID4VP)"]


def test_an_empty_history_says_so(
    qtbot: QtBot, session: WalletSession, settle: Settle,
) -> None:
    view = _view(qtbot, session, settle)
    assert view.proxy.rowCount() == 0
    assert view.empty.isVisible()


def test_the_main_window_opens_the_history(qtbot: QtBot, window: MainWindow,
                                           settle: Settle) -> None:
    # WHEN the learner picks Tools → Sharing history
    window.act_history.trigger()
    settle()
    # THEN the History view is open over the window
    assert window.history_view.isVisible()
    assert window.history_view.parent() is window
