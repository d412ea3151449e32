"""The consent dialog against real verifiers on 127.0.0.1: the OpenWallet Foundation's
``@openid4vc/openid4vp`` verifier (npm) and Kredo's scripted one. The learner sees who asks
and what, unticks an optional claim, picks among combinations, shares or declines; a QR code
shown on the screen leads to the same dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from tests.oid4vp.owf_verifier import OwfVerifier, owf_verifier
from tests.ui.conftest import Settle
from tests.ui.learner_wallet import (
    LEARNING_QUERY,
    VC_QUERY,
    fill_wallet,
    link_by_value,
    loopback,
)
from ui.consent_dialog import ConsentDialog
from ui.session import WalletSession
from wallet.app.history import history
from wallet.qr.render import qr_png
from wallet.store.wallet import OpenWallet

__all__ = ["loopback", "owf_verifier", "scripted_issuer"]
pytestmark = pytest.mark.usefixtures("loopback")


@pytest.fixture
def learner(opened: OpenWallet) -> OpenWallet:
    fill_wallet(opened)
    return opened


def _dialog(qtbot: QtBot, session: WalletSession, link: str | None = None) -> ConsentDialog:
    dialog = ConsentDialog(session, link=link)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _wait_for_request(qtbot: QtBot, dialog: ConsentDialog) -> None:
    try:
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    except qtbot.TimeoutError:
        pytest.fail(f"the request was not shown: {dialog.status.text()}")


class _Browser(QObject):
    """The desktop's handler for https links, as QDesktopServices calls it."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_unticking_an_optional_claim_keeps_it_from_the_owf_verifier(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the npm verifier asking for the learning credential, given_name optional
    verifier_session = owf_verifier.create({"credentials": [LEARNING_QUERY]})
    # WHEN the learner opens its link
    dialog = _dialog(qtbot, session, verifier_session.link)
    _wait_for_request(qtbot, dialog)
    # THEN the dialog says who asks, that Kredo could not confirm it, and what it asks for
    shown = dialog.verifier.text()
    assert "Example Employer (OpenWallet Foundation verifier)" in shown
    assert "could not confirm" in shown
    picker = dialog.pickers["learning"]
    assert picker.combo.count() == 1  # the one SD-JWT VC bound to the wallet's key
    assert not picker.claim_boxes["family_name"].isEnabled()  # required
    assert "(required)" in picker.claim_boxes["family_name"].text()
    assert picker.claim_boxes["given_name"].isEnabled()
    assert picker.claim_boxes["given_name"].isChecked()
    assert owf_verifier.state(verifier_session)["answers"] == []  # nothing sent yet
    # WHEN they untick given_name and press Share
    picker.claim_boxes["given_name"].setChecked(False)
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.share_button.isEnabled(),
                    timeout=20_000)
    # THEN the verifier accepted an answer that holds family_name and ects, not given_name
    (answer,) = owf_verifier.state(verifier_session)["answers"]
    assert answer["accepted"], answer
    (presented,) = answer["checked"]["presented"]["learning"]
    assert presented["claims"]["family_name"] == "Nováková"
    assert presented["claims"]["ects"] == 4
    assert "given_name" not in presented["claims"]
    assert "Shared with" in dialog.status.text()
    # AND the history records the claims that went
    (entry,) = history(learner.repository)
    assert entry.form == "openid4vp"
    assert entry.credentials[0].claims == ("family_name", "ects")
    # AND the verifier's page to continue at opens in the system browser on request
    assert dialog.browser_button.isVisibleTo(dialog)
    browser = _Browser()
    # PySide6 takes the slot name as str, whatever its stubs say
    QDesktopServices.setUrlHandler("https", browser, "open")  # type: ignore[arg-type]
    try:
        dialog.browser_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == [f"https://verifier.example/done/{verifier_session.id}"]


def test_decline_tells_the_verifier_access_denied_and_shares_nothing(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier's request the wallet could answer
    scripted_issuer.answer("POST", "/answer", 200, {})
    link = link_by_value(f"{scripted_issuer.base}/answer", {"credentials": [LEARNING_QUERY]})
    dialog = _dialog(qtbot, session, link)
    _wait_for_request(qtbot, dialog)
    assert dialog.share_button.isEnabled()
    # WHEN the learner declines
    dialog.decline_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    # THEN the verifier got access_denied for its state and no credential
    (sent,) = scripted_issuer.sent("/answer")
    form = sent.form()
    assert form["error"] == "access_denied" and form["state"] == "gui-state"
    assert "vp_token" not in form
    assert "Nothing was shared" in dialog.status.text()
    # AND nothing went into the history, and the buttons cannot send again
    assert history(learner.repository) == []
    assert not dialog.share_button.isEnabled() and not dialog.decline_button.isEnabled()


def test_the_learner_picks_another_combination_of_a_credential_set(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier accepting either the course VC or the learning credential
    scripted_issuer.answer("POST", "/answer", 200, {})
    query = {"credentials": [VC_QUERY, LEARNING_QUERY],
             "credential_sets": [{"options": [["course"], ["learning"]]}]}
    dialog = _dialog(qtbot, session, link_by_value(f"{scripted_issuer.base}/answer", query))
    _wait_for_request(qtbot, dialog)
    # THEN the verifier's first choice is offered first, the other one greyed out
    (chooser,) = dialog.set_choosers
    assert chooser.chosen_queries() == ("course",)
    assert dialog.pickers["course"].isEnabled() and not dialog.pickers["learning"].isEnabled()
    note = dialog.pickers["course"].claims.findChild(QLabel)
    assert note is not None and "whole credential" in note.text()
    # WHEN the learner chooses the learning credential instead and shares
    chooser.group.button(1).click()
    assert dialog.pickers["learning"].isEnabled() and not dialog.pickers["course"].isEnabled()
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.share_button.isEnabled(),
                    timeout=20_000)
    # THEN only the learning credential went, with every claim of the preferred combination
    (sent,) = scripted_issuer.sent("/answer")
    vp_token = json.loads(sent.form()["vp_token"])
    assert set(vp_token) == {"learning"}, dialog.status.text()
    (entry,) = history(learner.repository)
    assert entry.credentials[0].claims == ("family_name", "given_name", "ects")


def test_the_verifiers_refusal_is_shown_as_a_sentence(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier that finds every answer invalid
    scripted_issuer.answer("POST", "/answer", 400, {"error": "invalid_request",
                                                    "error_description": "nonce mismatch"})
    link = link_by_value(f"{scripted_issuer.base}/answer", {"credentials": [LEARNING_QUERY]})
    dialog = _dialog(qtbot, session, link)
    _wait_for_request(qtbot, dialog)
    # WHEN the learner shares
    dialog.share_button.click()
    qtbot.waitUntil(lambda: "did not accept" in dialog.status.text(), timeout=20_000)
    # THEN a sentence says so, nothing is in the history, and the learner may try again
    assert "127.0.0.1" in dialog.status.text()
    assert history(learner.repository) == []
    assert dialog.share_button.isEnabled()


def test_a_request_for_what_the_wallet_lacks_cannot_be_shared_but_can_be_declined(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier asking for a diploma the learner does not hold
    query = {"credentials": [{"id": "diploma", "format": "dc+sd-jwt",
                              "meta": {"vct_values": ["https://example.org/diploma"]}}]}
    dialog = _dialog(qtbot, session, link_by_value(f"{scripted_issuer.base}/answer", query))
    _wait_for_request(qtbot, dialog)
    # THEN the dialog says what is missing; Share is off, Decline on
    assert "does not hold" in dialog.status.text()
    note = dialog.pickers["diploma"].findChild(QLabel)
    assert note is not None and "Nothing in your wallet matches" in note.text()
    assert not dialog.share_button.isEnabled()
    assert dialog.decline_button.isEnabled()


def test_a_bad_link_is_refused_with_a_sentence_and_nothing_is_contacted(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a link whose verifier claims to be a browser origin
    link = (f"openid4vp://?client_id=origin:{scripted_issuer.base}&response_type=vp_token"
            f"&response_mode=direct_post&nonce=n&dcql_query=%7B%7D")
    # WHEN it is opened THEN a sentence says why it is refused, and the link can be changed
    dialog = _dialog(qtbot, session, link)
    qtbot.waitUntil(dialog.input.read_button.isEnabled, timeout=20_000)
    assert dialog.pages.currentIndex() == 0
    assert "refuses" in dialog.status.text()
    assert scripted_issuer.requests == []


def test_the_clipboards_request_link_is_offered_and_other_text_is_not(
    qtbot: QtBot, session: WalletSession,
) -> None:
    clipboard = QGuiApplication.clipboard()
    link = "haip-vp://?client_id=x509_hash%3Aabc&request_uri=https%3A%2F%2Fv.example%2Fr%2F1"
    # GIVEN a request link on the clipboard WHEN the dialog opens THEN it is in the field
    clipboard.setText(link)
    assert _dialog(qtbot, session).input.link.text() == link
    # GIVEN a web address that is no request THEN the field stays empty
    clipboard.setText("https://example.org/cv")
    assert _dialog(qtbot, session).input.link.text() == ""


def test_a_verifier_qr_code_on_the_screen_leads_to_the_consent_dialog(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
    settle: Settle,
) -> None:
    # GIVEN the verifier's page showing its request as a QR code on the screen
    link = link_by_value(f"{scripted_issuer.base}/answer", {"credentials": [LEARNING_QUERY]})
    page = QLabel()
    picture = QPixmap()
    assert picture.loadFromData(qr_png(link, scale=3))
    page.setPixmap(picture)
    page.setStyleSheet("background: white; padding: 12px")
    qtbot.addWidget(page)
    page.move(60, 60)
    page.show()
    qtbot.waitExposed(page)
    # WHEN the learner, in an empty dialog, reads the QR code on the screen
    dialog = _dialog(qtbot, session)
    dialog.input.link.clear()
    dialog.input.capture_screen()
    # THEN the link is found and the request shown: who asks and what
    _wait_for_request(qtbot, dialog)
    assert dialog.input.link.text() == link
    assert f"{scripted_issuer.base}/answer" in dialog.verifier.text()
    assert "learning" in dialog.pickers
    assert dialog.isVisible()  # back after stepping aside for the capture


def test_a_picture_file_without_a_verifier_code_says_so(
    qtbot: QtBot, session: WalletSession, tmp_path: Path,
) -> None:
    # GIVEN a picture holding a QR code with a plain web address
    path = tmp_path / "poster.png"
    path.write_bytes(qr_png("https://example.org/jobs"))
    dialog = _dialog(qtbot, session)
    # WHEN the learner reads it THEN the dialog says no verifier's code was found
    dialog.input.scan_file(path)
    qtbot.waitUntil(lambda: "No verifier" in dialog.input.status.text(), timeout=20_000)
    assert dialog.pages.currentIndex() == 0



def test_the_dialog_is_compact_until_a_request_is_read(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN the dialog opened empty, waiting for a link
    QGuiApplication.clipboard().setText("")
    empty = _dialog(qtbot, session)
    qtbot.waitExposed(empty)
    # THEN it is only as high as the link field, its buttons and the dialog's own: no empty
    # area between the field and the buttons
    field, read = empty.input.link, empty.input.read_button
    gap = read.mapTo(empty, read.rect().topLeft()).y() - field.mapTo(
        empty, field.rect().bottomLeft()).y()
    assert gap < 3 * field.height(), gap
    assert empty.height() < 300, empty.height()
    # WHEN a request is read THEN the dialog grows to show it
    query = {"credentials": [VC_QUERY]}
    dialog = _dialog(qtbot, session, link_by_value(f"{scripted_issuer.base}/answer", query))
    _wait_for_request(qtbot, dialog)
    assert dialog.height() >= 560 and dialog.pickers["course"].isVisible()
