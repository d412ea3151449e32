"""Scans run on the network lane, several at once (camera frames arrive faster than they are
decoded): the dialog shows the latest scan's outcome, never an older one that finished late."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.scan_dialog import ScanDialog
from ui.session import WalletSession
from wallet.app.scanning import VerifiedScan, scan_texts
from wallet.qr.compact import encode_compact
from wallet.qr.render import qr_png
from wallet.verify.options import VerifyOptions

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"


def test_an_older_scan_that_finishes_late_does_not_replace_the_latest(
    qtbot: QtBot, session: WalletSession, settle: Settle, tmp_path: Path
) -> None:
    dialog = ScanDialog(session)
    qtbot.addWidget(dialog)
    # GIVEN a scan that is slow to finish (it found nothing yet)
    release = threading.Event()

    def slow(options: VerifyOptions) -> VerifiedScan:
        release.wait(10)
        return scan_texts([], source="camera", options=options)

    dialog._verify(slow)
    # WHEN a later scan of a picture finds a credential and finishes first
    picture = tmp_path / "qr.png"
    picture.write_bytes(qr_png(encode_compact(OB3.read_bytes())))
    dialog.scan_paths([picture])
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=20_000)
    # AND the slow one finishes after it
    release.set()
    settle()
    # THEN the credential the later scan found is still shown
    assert dialog.results.count() == 1
    assert dialog.outcome is not None and dialog.outcome.credentials[0].source == "qr.png"
