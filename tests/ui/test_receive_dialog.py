"""The receive dialog against an issuer on 127.0.0.1: preview, redeem, store; while the issuer
keeps the learner waiting, the database worker stays free."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.app.scripted_offers import serve_offer
from tests.issuance.scripted_issuer import Request, ScriptedIssuer, scripted_issuer
from tests.robustness.corpus import signers, vc_jwt_payload
from tests.ui.conftest import Settle
from ui.receive_dialog import ReceiveDialog
from ui.session import WalletSession
from wallet.net import allow_loopback_http
from wallet.store.wallet import OpenWallet

__all__ = ["scripted_issuer"]
pytestmark = pytest.mark.network


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


def test_a_slow_issuer_does_not_hold_up_the_wallet_and_the_credential_is_stored(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN an offer whose issuer takes its time to hand the credential over
    keys = signers()
    credential = keys.vc_jwt(vc_jwt_payload(keys.ed_did))
    offer = serve_offer(scripted_issuer, credential)
    release = threading.Event()

    def slow_credential(_request: Request) -> tuple[int, object]:
        release.wait(20)
        return 200, {"credentials": [{"credential": credential.decode("ascii")}]}

    scripted_issuer.on("POST", "/credential", slow_credential)
    dialog = ReceiveDialog(session, offer=offer)
    qtbot.addWidget(dialog)
    # WHEN the learner asks who offers it (after agreeing to go online)
    dialog.fetch_preview()
    settle()
    # THEN the issuer and the offered credential are shown
    assert "Masarykova univerzita" in dialog.details.text()
    assert dialog.accept_button.isEnabled()
    # WHEN the learner receives it and the issuer is slow to answer
    dialog.redeem()
    qtbot.waitUntil(lambda: bool(scripted_issuer.sent("/nonce")), timeout=10_000)
    # THEN the wallet's own work (listing, searching) is not held up meanwhile
    counted: list[int] = []
    session.call(lambda repo: repo.count(), counted.append)
    qtbot.waitUntil(lambda: counted == [0], timeout=5_000)
    assert not release.is_set() and not dialog.store_button.isEnabled()
    # WHEN the issuer answers
    release.set()
    settle()
    # THEN the credential is shown as checked and can be added to the wallet
    assert dialog.store_button.isEnabled(), dialog.details.text()
    dialog.store()
    settle()
    assert opened.repository.count() == 1
    assert "1 credential(s) added" in dialog.details.text()
