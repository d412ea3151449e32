"""How files reach the desk ("verify, don't import" from the desktop and from a second
launch), and how the desk words verdicts it does not know yet and a check's details."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from tests.ui.desk_files import SEALED
from ui.app import KredoApp, _parse_args, verify_targets
from ui.desk_details import details_text
from ui.desk_wording import verdict_words
from ui.single_instance import InstanceServer, hand_over
from ui.verification_desk import VerificationDesk
from wallet.verify.report import OverallStatus


def test_verify_mode_opens_the_files_in_the_desk_and_imports_nothing(
    qtbot: QtBot, kredo: KredoApp
) -> None:
    # GIVEN the app, and a sealed credential opened from the desktop with "verify"
    window = kredo.window
    assert window is not None
    assert _parse_args(["--verify", str(SEALED)]).verify
    # WHEN it arrives as a file:// URL
    verify_targets(kredo, [QUrl.fromLocalFile(str(SEALED)).toString()])
    desk = window.scan_dialog
    assert isinstance(desk, VerificationDesk)
    qtbot.waitUntil(lambda: desk.results.count() == 1, timeout=30_000)
    # THEN the desk shows it, and the wallet stays empty
    assert "Digital micro-credential" in desk.results.tabText(0)
    kredo.tasks.wait()
    assert kredo.session.repository().count() == 0


def test_a_second_launch_with_verify_hands_its_files_over_for_checking(
    qtbot: QtBot, kredo: KredoApp
) -> None:
    # GIVEN a running instance listening for later launches
    name = f"kredo-desk-test-{uuid.uuid4().hex[:8]}"
    server = InstanceServer(name)
    server.verify_received.connect(lambda targets: kredo.bring_forward(targets, verify=True))
    try:
        # WHEN a launch with --verify hands a file over
        with qtbot.waitSignal(server.verify_received, timeout=5000) as got:
            assert hand_over(name, [str(SEALED)], verify=True)
        # THEN it arrives as files to verify, and the desk checks them
        assert got.args == [[str(SEALED)]]
        window = kredo.window
        assert window is not None
        desk = window.scan_dialog
        qtbot.waitUntil(lambda: desk.results.count() == 1, timeout=30_000)
        # AND a plain launch still means import
        with qtbot.waitSignal(server.received, timeout=5000) as plain:
            assert hand_over(name, [str(Path("x.json").resolve())])
        assert plain.args[0][0].endswith("x.json")
    finally:
        server.close()


def test_a_verdict_the_desk_does_not_know_is_still_worded(qtbot: QtBot) -> None:
    # GIVEN the verdicts of today, "indeterminate" and one the core may add tomorrow
    known = verdict_words(OverallStatus.FAILED)
    indeterminate = verdict_words("indeterminate")
    unknown = verdict_words("needs_review")
    # THEN each has a label and a sentence; the unknown one is named, never called a pass
    assert known.label == "Failed" and "Do not rely" in known.meaning
    assert indeterminate.label == "Could not be checked"
    assert "not mean the credential is false" in indeterminate.meaning
    assert unknown.label == "Needs review" and "Read the checks" in unknown.meaning
    assert unknown.symbol == "?"


def test_expert_details_read_as_lines_not_json(qtbot: QtBot) -> None:
    # GIVEN a seal's details as the signature check records them
    details = {
        "algorithm": "RS256",
        "seal_subject": "CN=University of Zed, O=Zed, C=BE",
        "qualified_eseal": True,
        "certificate_chain": ["CN=University of Zed", "CN=Zed CA"],
        "timestamps": [{"kind": "signature", "time": "2024-05-02T10:14:03+00:00",
                        "authority": "CN=TSA"}],
        "problems": [],
        "revocation": None,
    }
    # WHEN they are written for a person
    text = details_text(details)
    # THEN each fact is a labelled line, lists are bullets, times are readable
    assert "Algorithm: RS256" in text
    assert "Certificate subject: CN=University of Zed, O=Zed, C=BE" in text
    assert "Qualified electronic seal: yes" in text
    assert "• CN=Zed CA" in text
    assert "Time: 2024-05-02 10:14:03 UTC" in text
    assert "Problems" not in text and "None" not in text and "{" not in text
