"""The verification desk goes online only when the person ticks "Verify online": an SD-JWT VC
whose issuer publishes its key only in JWT VC Issuer Metadata, served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec
from pytestqt.qtbot import QtBot

from tests.net.local_server import LocalServer, local_server
from tests.ui.conftest import Settle
from tests.verify.test_online_issuer_keys import _publish_metadata, _sd_jwt_vc
from ui.session import WalletSession
from ui.verification_desk import VerificationDesk
from wallet.net import allow_loopback_http
from wallet.verify.jwt_issuer_metadata import DEFAULT_CACHE
from wallet.verify.report import CheckMode, CheckStatus

__all__ = ["local_server"]


def _signature_status(desk: VerificationDesk) -> tuple[CheckStatus, CheckMode]:
    scanned = desk.current_report()
    assert scanned is not None
    check = scanned.report.check("signature")
    assert check is not None
    return check.status, check.mode


def test_nothing_goes_online_until_verify_online_is_ticked(
    qtbot: QtBot, session: WalletSession, settle: Settle, local_server: LocalServer,
    tmp_path: Path,
) -> None:
    DEFAULT_CACHE.clear()
    # GIVEN a received SD-JWT VC whose issuer's key is published only online
    key = ec.generate_private_key(ec.SECP256R1())
    path = tmp_path / "learning-credential.sd-jwt"
    path.write_bytes(_sd_jwt_vc(key, _publish_metadata(local_server, key), "key-1"))
    desk = VerificationDesk(session)
    qtbot.addWidget(desk)
    with allow_loopback_http():
        # WHEN it is opened in the desk as it comes up
        assert not desk.online_check.isChecked()
        desk.scan_paths([path])
        settle()
        # THEN no server was asked, and the signature could not be checked
        assert local_server.requests == []
        assert _signature_status(desk) == (CheckStatus.SKIPPED, CheckMode.OFFLINE)
        # WHEN the person ticks "Verify online" and checks again
        desk.online_check.setChecked(True)
        desk.check_again()
        settle()
    # THEN the issuer's metadata was fetched and the signature is proven
    assert [r[0] for r in local_server.requests] == ["/.well-known/jwt-vc-issuer/issuers/uni"]
    assert _signature_status(desk) == (CheckStatus.OK, CheckMode.NETWORK)
