"""A note is never lost: it is saved as it is typed, when another card is opened, and
before the wallet locks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE, VECTORS, Settle
from ui.app import KredoApp
from ui.detail_panel import NOTE_SAVE_DELAY_MS
from ui.main_window import MainWindow
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet, open_wallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
NOTE = "Ask the faculty for the Czech copy"


def _click_card(window: MainWindow, row: int) -> None:
    index = window.proxy.index(row, 0)
    centre = window.cards.visualRect(index).center()
    QTest.mouseClick(window.cards.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, centre)


def _two_cards(qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle) -> None:
    list(import_paths(opened.repository, [SEALED, MUNI]))
    window.reload()
    settle()
    window.show()
    qtbot.waitExposed(window)
    assert window.proxy.rowCount() == 2


def test_a_note_survives_clicking_another_card(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN two real credentials and the first one open, its notes page shown
    _two_cards(qtbot, window, opened, settle)
    _click_card(window, 0)
    settle()
    first = window.detail.current
    assert first is not None
    window.detail.tabs.setCurrentIndex(window.detail.tabs.count() - 1)
    # WHEN the learner types a note and at once clicks the other card (no Save, no pause)
    QTest.keyClicks(window.detail.note, NOTE)
    _click_card(window, 1)
    settle()
    assert window.detail.current is not None
    assert window.detail.current.stored.id != first.stored.id
    assert window.detail.note.toPlainText() == ""
    # THEN the note is in the database
    assert opened.repository.get(first.stored.id).note == NOTE
    # AND it is there on coming back to the first card
    _click_card(window, 0)
    settle()
    assert window.detail.note.toPlainText() == NOTE


def test_a_note_is_saved_a_moment_after_the_last_key(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN a credential open
    _two_cards(qtbot, window, opened, settle)
    _click_card(window, 1)
    settle()
    current = window.detail.current
    assert current is not None
    # WHEN a note is typed and the learner stops typing
    QTest.keyClicks(window.detail.note, NOTE)
    assert opened.repository.get(current.stored.id).note is None  # not at every key
    # THEN it is saved shortly after, the text in the editor untouched
    qtbot.waitUntil(lambda: opened.repository.get(current.stored.id).note == NOTE,
                    timeout=NOTE_SAVE_DELAY_MS + 5_000)
    settle()
    assert window.detail.note.toPlainText() == NOTE
    assert window.detail.notes_state.text() == "Saved."


def test_a_note_typed_just_before_locking_is_kept(qtbot: QtBot, kredo: KredoApp) -> None:
    window = kredo.window
    assert window is not None
    # GIVEN a credential open in the whole app
    list(import_paths(kredo.session.repository(), [MUNI]))
    window.reload()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=20_000)
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    qtbot.waitUntil(lambda: window.detail.current is not None, timeout=20_000)
    credential_id = window.detail.current.stored.id  # type: ignore[union-attr]
    home = kredo.session.home
    # WHEN a note is typed and the wallet is locked at once (Ctrl+L)
    QTest.keyClicks(window.detail.note, NOTE)
    window.act_lock.trigger()
    # THEN the note reached the database before it closed
    assert kredo.session.locked
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as again:
        assert again.repository.get(credential_id).note == NOTE
