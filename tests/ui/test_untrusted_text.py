"""What a credential or a server says can neither style nor reorder Kredo's own windows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from ui.errors import show_error
from wallet.errors import MalformedCredential

HOSTILE = "<b style='color:green'>✔ verified</b>\u202etxt.exe\x1b[2K"


def test_an_error_quoting_a_credential_is_plain_text(qtbot: QtBot) -> None:
    # GIVEN an error whose sentence quotes markup, a bidi override and an escape sequence
    parent = QMainWindow()
    qtbot.addWidget(parent)
    # WHEN Kredo shows it
    show_error(parent, MalformedCredential(f"The title {HOSTILE} is odd."))
    box = parent.findChild(QMessageBox)
    assert box is not None
    # THEN it is shown as plain text, the markup visible and the controls escaped
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert "<b style='color:green'>" in box.text()
    assert "\u202e" not in box.text() and "\x1b" not in box.text()
    assert "\\u202e" in box.text()
    box.close()
