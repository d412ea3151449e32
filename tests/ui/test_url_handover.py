"""A verifier's ``openid4vp://`` or ``haip-vp://`` link clicked on the desktop reaches the
running Kredo: the platform files declare the schemes, a second launch hands the link over
(two real processes), and macOS's open event is taken the same way."""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from tests.ui.conftest import PASSPHRASE
from tests.ui.learner_wallet import LEARNING_QUERY, link_by_value, loopback
from ui.app import KredoApp
from ui.single_instance import InstanceServer, OpenedByDesktop, absolute_targets, server_name
from wallet.app_identity import DESKTOP_FILE, REQUEST_URL_SCHEMES

__all__ = ["loopback", "scripted_issuer"]

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
REQUEST = "openid4vp://?client_id=x509_san_dns%3Averifier.example&request_uri=https%3A%2F%2F" \
          "verifier.example%2Fr%2F1%3Fa%3D1%26b%3D2"


def test_the_linux_desktop_file_handles_the_request_schemes() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PACKAGING / "linux" / DESKTOP_FILE, encoding="utf-8")
    mime_types = parser["Desktop Entry"]["MimeType"].split(";")
    assert {"x-scheme-handler/openid4vp", "x-scheme-handler/haip-vp"} <= set(mime_types)
    assert "x-scheme-handler/openid-credential-offer" in mime_types  # offers as before


def test_the_macos_bundle_declares_the_request_schemes() -> None:
    with (PACKAGING / "macos" / "Info.plist").open("rb") as handle:
        plist = plistlib.load(handle)
    by_name = {url_type["CFBundleURLName"]: url_type["CFBundleURLSchemes"]
               for url_type in plist["CFBundleURLTypes"]}
    assert by_name["org.kredo.Kredo.presentation-request"] == ["openid4vp", "haip-vp"]
    assert by_name["org.kredo.Kredo.credential-offer"] == ["openid-credential-offer"]


def test_the_windows_installer_registers_the_request_schemes() -> None:
    script = (PACKAGING / "windows" / "kredo.iss").read_text(encoding="utf-8")
    for scheme in REQUEST_URL_SCHEMES:
        # (subkey under the scheme, value name, value data) of its [Registry] lines
        rows = re.findall(
            rf'^Root: HKA; Subkey: "Software\\Classes\\{re.escape(scheme)}([^"]*)"; '
            r'ValueType: string; ValueName: "([^"]*)"; ValueData: "(.*?)"(?:; Flags: .*)?$',
            script, re.MULTILINE)
        assert ("", "URL Protocol", "") in rows
        assert ("\\shell\\open\\command", "", '""{app}\\{#GuiExe}"" ""%1""') in rows
        assert any(sub == "" and name == "" and data.startswith("URL:")
                   for sub, name, data in rows)


def test_a_request_link_stays_as_it_is_when_handed_over() -> None:
    # A link is not a file: it must not become a path in the first instance's folder.
    assert absolute_targets([REQUEST, "haip-vp://?client_id=a"], cwd=Path("/")) == [
        REQUEST, "haip-vp://?client_id=a"]


@pytest.mark.usefixtures("loopback")
@pytest.mark.slow
def test_a_second_kredo_gui_hands_its_request_link_to_the_running_window(
    qtbot: QtBot, kredo: KredoApp, home: Path, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN Kredo running on this wallet and listening for later launches
    server = InstanceServer(server_name(home))
    server.received.connect(kredo.bring_forward)
    link = link_by_value(f"{scripted_issuer.base}/answer", {"credentials": [LEARNING_QUERY]})
    try:
        # WHEN the desktop starts kredo-gui for the verifier's link
        env = {**os.environ, "KREDO_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
        second = subprocess.Popen(
            [sys.executable, "-m", "ui.app", "--home", str(home), "--lang", "en", link],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        # THEN the second launch ends at once, and the running window reads the request
        assert second.returncode == 0, second.communicate()
        window = kredo.window
        assert window is not None
        qtbot.waitUntil(lambda: getattr(window, "consent_dialog", None) is not None,
                        timeout=20_000)
        dialog = window.consent_dialog
        assert dialog.isVisible()
        assert dialog.input.link.text() == link
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
        assert "Example Employer" in dialog.verifier.text()
        assert scripted_issuer.sent("/answer") == []  # nothing is sent before Share
    finally:
        server.close()


def test_a_macos_open_event_hands_the_link_over_unchanged(qtbot: QtBot) -> None:
    # GIVEN the filter the app installs to hear macOS open links in the running app
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desktop = OpenedByDesktop()
    app.installEventFilter(desktop)
    try:
        # WHEN macOS opens a verifier's link THEN it arrives percent-encoded as it was
        with qtbot.waitSignal(desktop.received, timeout=5000) as got:
            QApplication.sendEvent(app, QFileOpenEvent(QUrl(REQUEST)))
        assert got.args == [[REQUEST]]
        # AND a credential file opened the same way arrives as its path
        with qtbot.waitSignal(desktop.received, timeout=5000) as got:
            QApplication.sendEvent(app, QFileOpenEvent("/tmp/badge.jsonld"))
        assert got.args == [["/tmp/badge.jsonld"]]
    finally:
        app.removeEventFilter(desktop)
