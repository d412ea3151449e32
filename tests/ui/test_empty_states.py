"""Empty states: an empty wallet says how to start; a search that finds nothing says so and
does not keep showing the credential from before."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.main_window import MainWindow
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def _search(qtbot: QtBot, window: MainWindow, settle: Settle, text: str) -> None:
    window.search.setText(text)
    qtbot.wait(200)  # search as you type waits for the last key
    settle()


def test_an_empty_wallet_shows_the_first_step(qtbot: QtBot, window: MainWindow) -> None:
    # GIVEN a new, empty wallet WHEN the window opens
    # THEN the list's place says how to begin: import a file, or receive from the school
    assert window.list_stack.currentWidget() is window.empty_hint
    assert window.empty_hint.heading.text() == "Import your first credential"
    text = window.empty_hint.explanation.text()
    assert "File → Import" in text and "Receive from an issuer" in text
    # AND the detail shows no empty tabs
    assert window.detail.pages.currentWidget() is window.detail.placeholder
    # WHEN the learner presses the button that is offered there
    chooser: list[str] = []

    def close_the_chooser() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            chooser.append(dialog.windowTitle())
            dialog.reject()

    QTimer.singleShot(100, close_the_chooser)
    window.empty_hint.import_button.click()
    # THEN the file chooser for importing credentials opens
    assert chooser == ["Import credentials"]


def test_the_empty_state_gives_way_to_the_first_credential(
    window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN an empty wallet WHEN a real credential is imported
    list(import_paths(opened.repository, [SEALED]))
    window.reload()
    settle()
    # THEN its card takes the place of the first-step hint
    assert window.list_stack.currentWidget() is window.cards
    assert window.proxy.rowCount() == 1


def test_a_search_without_results_says_so_and_clears_the_detail(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN two real credentials, one open in the detail
    list(import_paths(opened.repository, [SEALED, MUNI]))
    window.reload()
    settle()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    assert window.detail.current is not None
    # WHEN the learner searches for something no credential holds
    _search(qtbot, window, settle, "zzqxw")
    # THEN the list says nothing matches, naming the search
    assert window.proxy.rowCount() == 0
    assert window.list_stack.currentWidget() is window.no_match
    assert window.no_match.text() == "No credential matches “zzqxw”."
    # AND the old credential is no longer shown
    assert window.detail.current is None
    assert window.detail.pages.currentWidget() is window.detail.placeholder
    assert window.detail.heading.text() == ""
    # WHEN the search is cleared THEN the cards come back, and nothing stale is in the detail
    _search(qtbot, window, settle, "")
    assert window.proxy.rowCount() == 2
    assert window.list_stack.currentWidget() is window.cards
    assert "zzqxw" not in window.detail.placeholder.text()


def test_filters_without_results_say_so(
    window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN two credentials of EQF level 6
    list(import_paths(opened.repository, [SEALED, MUNI]))
    window.reload()
    settle()
    # WHEN the learner asks for EQF level 8
    window.eqf_filter.setCurrentIndex(window.eqf_filter.findData(8))
    # THEN the list says that nothing matches these filters
    assert window.proxy.rowCount() == 0
    assert window.list_stack.currentWidget() is window.no_match
    assert window.no_match.text() == "No credential matches these filters."
