"""The main window lists the wallet's credentials, searches them, and imports dropped files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from ui.app import main as gui_main
from ui.main_window import MainWindow
from wallet.store.kdf import Argon2Params
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[OpenWallet]:
    init_wallet(tmp_path, passphrase="ui test passphrase", use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(tmp_path, passphrase_provider=lambda: "ui test passphrase") as wallet:
        yield wallet


def _titles(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_lists_searches_and_imports_by_drop(qtbot: QtBot, opened: OpenWallet) -> None:
    window = MainWindow(opened)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 0
    assert not window.empty_hint.isHidden()
    # WHEN two credential files are dropped on the window
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld")),
            QUrl.fromLocalFile(str(VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld")),
        ]
    )
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    # THEN both are stored and listed with title, issuer and date
    assert sorted(_titles(window)) == [
        "Digital micro-credential creation",
        "Foundations of Data Analysis in Python",
    ]
    assert opened.repository.count() == 2
    assert window.empty_hint.isHidden()
    row = _titles(window).index("Digital micro-credential creation")
    assert window.model.index(row, 1).data() == "University of Zed"
    assert window.model.index(row, 2).data() == "2023-09-27"
    # AND search without diacritics narrows the list (debounced typing)
    window.search.setText("zaklady")  # the Czech title "Základy analýzy dat v Pythonu"
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert _titles(window) == ["Foundations of Data Analysis in Python"]


def test_screenshot_of_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    home = tmp_path / "wallet"
    init_wallet(home, passphrase="shot passphrase", use_keyring=False, kdf_params=FAST_KDF)
    monkeypatch.setenv("KREDO_PASSPHRASE", "shot passphrase")
    out = tmp_path / "shot.png"
    assert gui_main(["--home", str(home), "--screenshot", str(out), "--lang", "en"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
