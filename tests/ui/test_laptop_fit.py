"""The main window fits a laptop screen (1280×720) in English and in Czech, and remembers
where it was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.i18n import Translation
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.window_settings import window_settings
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet

LAPTOP = QSize(1280, 720)
REAL = [VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld",
        VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld",
        VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld"]


@pytest.fixture(params=["en", "cs"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.use(str(request.param))
    yield str(request.param)
    translation.use("en")


def _open_first_card(qtbot: QtBot, session: WalletSession, settle: Settle) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    assert window.detail.current is not None
    return window


def _clipped(window: MainWindow) -> list[str]:
    """Visible widgets smaller than the least they need to show what they hold."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        need, have = widget.minimumSizeHint(), widget.size()
        if need.width() > have.width() or need.height() > have.height():
            found.append(f"{type(widget).__name__} {widget.objectName()!r} needs "
                         f"{need.width()}×{need.height()}, has {have.width()}×{have.height()}")
    return found


def test_the_window_fits_1280x720_without_clipping(
    qtbot: QtBot, language: str, opened: OpenWallet, session: WalletSession, settle: Settle
) -> None:
    # GIVEN a wallet holding real credentials, the interface in English or Czech
    outcomes = list(import_paths(opened.repository, REAL))
    assert [o.status for o in outcomes] == ["imported"] * 3
    # WHEN the window shows a credential in full
    window = _open_first_card(qtbot, session, settle)
    window.detail.tabs.setCurrentIndex(window.detail.tabs.count() - 1)  # the notes page too
    window.detail.tabs.setCurrentIndex(0)
    # THEN it asks for no more than a 1024-pixel-wide screen
    assert window.minimumSizeHint().width() <= 1024, language
    assert window.minimumSizeHint().height() <= LAPTOP.height()
    # AND at 1280×720 every visible widget gets at least the room it needs
    window.resize(LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    settle()
    assert window.size() == LAPTOP
    assert _clipped(window) == []
    # AND the three panes are all there, side by side
    assert all(width > 0 for width in window.splitter.sizes())


def test_the_window_comes_back_at_the_size_it_was_left(
    qtbot: QtBot, session: WalletSession, settle: Settle
) -> None:
    # GIVEN a window resized to a laptop screen, then closed
    first = MainWindow(session)
    qtbot.addWidget(first)
    settle()
    first.resize(QSize(1100, 650))
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([160, 400, 500])
    panes = first.splitter.saveState()
    first.close()
    # WHEN the window is built again for the same wallet
    second = MainWindow(session)
    qtbot.addWidget(second)
    settle()
    second.show()
    qtbot.waitExposed(second)
    # THEN it has the height it was left with (a new window is 700 high; the test screen is
    # 800 pixels wide, so the width is fitted to it)
    assert second.height() == 650
    # AND the pane widths were kept beside the wallet for it
    assert window_settings(session.home).value("main-window/splitter") == panes


@pytest.mark.parametrize("name", ["Naboo Theed University", "Data analysis (2 ECTS)",
                                  "Masarykova univerzita"])
def test_the_sidebar_shows_a_typical_name_in_full_and_can_be_widened(
    qtbot: QtBot, session: WalletSession, settle: Settle, name: str
) -> None:
    # GIVEN a new window on a 1366×768 screen
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    window.resize(QSize(1366, 768))
    window.show()
    qtbot.waitExposed(window)
    settle()
    sidebar = window.sidebar
    # THEN the sidebar pane has room for a typical name under its heading, uncut
    room = window.splitter.sizes()[0] - 2 * sidebar.indentation() - 2 * sidebar.frameWidth()
    assert sidebar.fontMetrics().horizontalAdvance(name) <= room
    # AND it is a pane of the splitter the learner can drag wider
    window.splitter.setSizes([360, 400, 606])
    assert window.splitter.sizes()[0] == 360
