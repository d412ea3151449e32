"""Kredo without a mouse: every command is in a menu that opens by keyboard, no two commands
share a shortcut, Tab moves through the window in reading order, and a screen reader has a
name for every widget that shows no words of its own."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.i18n import Translation
from ui.main_window import MainWindow
from ui.qr_widget import QrWidget
from ui.session import WalletSession
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)


def _menus(window: MainWindow) -> list[QMenu]:
    found: list[QMenu] = []
    pending = [a.menu() for a in window.menuBar().actions() if a.menu()]
    while pending:
        menu = pending.pop(0)
        assert isinstance(menu, QMenu)
        found.append(menu)
        pending.extend(a.menu() for a in menu.actions() if a.menu())
    return found


def _mnemonic(text: str) -> str | None:
    found = _MNEMONIC.findall(text)
    return found[0].casefold() if len(found) == 1 else None


@pytest.fixture
def shown(window: MainWindow, opened: OpenWallet, settle: Settle) -> MainWindow:
    """The window at a laptop's size with one real credential open in the detail."""
    list(import_paths(opened.repository, [SEALED]))
    window.reload()
    settle()
    window.resize(1280, 720)
    window.show()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    return window


def test_no_two_commands_share_a_shortcut(window: MainWindow) -> None:
    # GIVEN every action and shortcut object of the main window and its parts
    actions = set(window.findChildren(QAction))
    for menu in _menus(window):
        actions.update(menu.actions())
    keys = [seq.toString(QKeySequence.SequenceFormat.PortableText)
            for action in actions for seq in action.shortcuts() if not seq.isEmpty()]
    keys += [s.key().toString(QKeySequence.SequenceFormat.PortableText)
             for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    # THEN there are shortcuts, and each key combination does one thing only
    assert len(keys) >= 10
    clashes = {key: n for key, n in Counter(keys).items() if n > 1}
    assert clashes == {}


def test_every_command_of_the_window_is_in_a_menu(window: MainWindow) -> None:
    # GIVEN the commands the window offers (its actions carry the shortcuts)
    in_menus = {action for menu in _menus(window) for action in menu.actions()}
    # THEN each one can also be reached through a menu, by keyboard
    missing = [a.text() for a in window.actions() if a not in in_menus]
    assert missing == []
    assert window.act_help.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


@pytest.fixture(params=["en", "cs"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translation = Translation(qapp)
    translation.use(str(request.param))
    yield str(request.param)
    translation.use("en")


def test_menus_open_with_alt_and_a_letter_of_their_own(
    qtbot: QtBot, session: WalletSession, settle: Settle, language: str
) -> None:
    # GIVEN the main window in this language
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    # THEN each menu has its own Alt letter
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [_mnemonic(t) for t in titles]
    assert None not in letters, titles
    assert len(set(letters)) == len(letters), titles
    # AND inside each menu every command has a letter no other command there uses
    for menu in _menus(window):
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        letters = [_mnemonic(t) for t in texts]
        assert None not in letters, (language, menu.title(), texts)
        assert len(set(letters)) == len(letters), (language, menu.title(), texts)


def _tab_through(window: MainWindow, presses: int) -> list[QWidget]:
    window.activateWindow()
    window.search.setFocus()
    QApplication.processEvents()
    visited: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return visited


def test_tab_moves_in_reading_order_and_comes_round(shown: MainWindow) -> None:
    # GIVEN the window with a credential open WHEN the learner presses Tab from the search
    visited = _tab_through(shown, 16)
    # THEN the focus goes search → filters → cards → the detail's tabs, in that order
    expected = [shown.search, shown.state_filter, shown.format_filter, shown.eqf_filter,
                shown.ects_filter, shown.sort_choice, shown.cards]
    assert visited[:len(expected)] == expected
    assert isinstance(visited[len(expected)], QTabBar)
    assert visited[len(expected)].parentWidget() is shown.detail.tabs
    # AND on through the detail to the sidebar, and round to the search again
    assert shown.sidebar in visited
    assert visited.index(shown.sidebar) > len(expected)
    assert shown.search in visited[1:]


def _needs_a_name(widget: QWidget) -> bool:
    """A widget a screen reader could not announce from words it shows."""
    if isinstance(widget, QAbstractButton):
        return not widget.text().replace("&", "").strip()
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        return not widget.text() and not pixmap.isNull()
    if isinstance(widget, _INPUTS):
        return not any(label.buddy() is widget
                       for label in widget.window().findChildren(QLabel))
    if isinstance(widget, (QAbstractItemView, QProgressBar, QAbstractSlider, QrWidget)):
        return True
    # anything else the Tab key stops at itself (a scroll area, a custom widget); a tab
    # widget hands its focus to its tab bar, which shows the tabs' words
    if widget.focusProxy() is not None or isinstance(widget, QTabBar):
        return False
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _nameless(top: QWidget) -> list[str]:
    nameless = []
    for widget in [top, *top.findChildren(QWidget)]:
        if (widget.objectName().startswith("qt_") or widget.window() is not top
                or isinstance(widget, (QScrollBar, QHeaderView))):
            continue  # Qt's own parts, pop-ups, and headers that show their words
        if isinstance(widget, QAbstractScrollArea) and widget.viewport() is None:
            continue
        if _needs_a_name(widget) and not widget.accessibleName().strip():
            nameless.append(f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}")
    return nameless


def test_widgets_without_words_have_names_in_the_window_and_its_dialogs(
    qtbot: QtBot, shown: MainWindow, settle: Settle
) -> None:
    # GIVEN the main window with a credential open
    # THEN every widget that shows no words has a name for a screen reader
    assert _nameless(shown) == []
    # WHEN each dialog of the window is opened THEN the same holds there
    openers = {"share": shown.share, "scan": shown.scan, "stacks": shown.stacks,
               "settings": shown.settings, "receive": shown.receive,
               "europass": shown.export_europass, "help": shown.show_help,
               "welcome": shown.show_welcome}
    before = set(QApplication.topLevelWidgets())
    for name, open_dialog in openers.items():
        open_dialog()
        settle()
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if w not in before and w.isVisible()]
        assert dialogs, name
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            assert _nameless(dialog) == [], name
            dialog.close()
        before.update(dialogs)
