"""The user guide: F1 opens it in the interface's language; its pages exist in Czech and
English with links that lead somewhere; links stay inside the guide, websites go to the
system browser, and nothing remote is ever loaded into it."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.help_window import HELP_PAGES, HelpWindow, help_folder, page_title
from ui.i18n import Translation
from ui.main_window import MainWindow
from ui.status_chip import chip_colour, chip_text
from wallet.bundled_resources import resource_path

LANGUAGES = ("en", "cs")
VERDICTS = ("verified", "partially_verified", "indeterminate", "failed")


class _Page(HTMLParser):
    """The links, anchors and verdict cells of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.cell_colours: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "td" and found.get("class") and found.get("bgcolor"):
            self.cell_colours[str(found["class"])] = str(found["bgcolor"])


def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture
def czech(qapp: QApplication) -> Iterator[None]:
    translation = Translation(qapp)
    translation.use("cs")
    yield
    translation.use("en")


def test_f1_opens_the_guide_with_its_contents(qtbot: QtBot, window: MainWindow) -> None:
    # GIVEN the main window in English
    assert window.act_help.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert QKeySequence("F1") in QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)
    # WHEN the learner presses F1 (Help → User guide)
    window.act_help.trigger()
    guide = window.help_window
    assert guide is not None
    qtbot.addWidget(guide)
    # THEN the guide opens at its first page, with every page in the contents
    assert guide.isVisible() and guide.current_page == "index"
    titles = [guide.contents.item(n).text() for n in range(guide.contents.count())]
    assert titles == [page_title(help_folder("en") / f"{p}.html") for p in HELP_PAGES]
    assert titles[0] == "Welcome to Kredo"
    assert "Checking a credential" in titles
    # WHEN a topic is chosen in the contents THEN that page is shown
    guide.contents.setCurrentRow(HELP_PAGES.index("backup"))
    assert guide.current_page == "backup"
    assert "Backup and restore" in guide.browser.toPlainText()
    # AND pressing F1 again brings the same window forward rather than another
    window.act_help.trigger()
    assert window.help_window is guide


def test_the_guide_follows_the_interface_language(
    qtbot: QtBot, window: MainWindow, czech: None
) -> None:
    # GIVEN a Czech interface
    window.session.lang = "cs"
    # WHEN the guide is opened
    window.show_help()
    guide = window.help_window
    assert guide is not None
    qtbot.addWidget(guide)
    # THEN its pages and contents are the Czech ones
    assert Path(guide.browser.source().toLocalFile()).parent == resource_path("help", "cs")
    assert guide.contents.item(0).text() == "Vítejte v Kredu"
    assert "Tři kroky" in guide.browser.toPlainText()
    assert guide.windowTitle() == "Uživatelská příručka Kreda"


def test_both_languages_have_every_page_and_every_link_leads_somewhere() -> None:
    for lang in LANGUAGES:
        folder = resource_path("help", lang)
        # GIVEN the bundled guide in this language: exactly the pages the contents list
        assert sorted(p.stem for p in folder.glob("*.html")) == sorted(HELP_PAGES), lang
        for name in HELP_PAGES:
            page = _parsed(folder / f"{name}.html")
            for href in page.links:
                url = QUrl(href)
                if url.scheme() in ("http", "https"):
                    continue  # a website: opened in the system browser, not checked here
                # THEN a link inside the guide names a page of it, and an anchor that exists
                target = folder / (url.path() or f"{name}.html")
                assert target.is_file(), f"{lang}/{name}.html links to a missing {href}"
                if url.hasFragment():
                    assert url.fragment() in _parsed(target).ids, f"{lang}/{name}: {href}"


def test_a_link_inside_the_guide_opens_in_the_guide(qtbot: QtBot) -> None:
    # GIVEN the guide at its first page
    guide = HelpWindow("en")
    qtbot.addWidget(guide)
    guide.show()
    # WHEN a link to a section of another page is clicked
    guide.browser.anchorClicked.emit(QUrl("verify.html#verdicts"))
    # THEN that page is shown at that section, the contents follow, and Back returns
    assert guide.current_page == "verify"
    assert guide.browser.source().fragment() == "verdicts"
    assert guide.contents.currentRow() == HELP_PAGES.index("verify")
    assert guide.back.isEnabled()
    guide.back.click()
    assert guide.current_page == "index"


class _SystemBrowser(QObject):
    """Stands where the desktop's browser would: Qt hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_a_website_opens_in_the_system_browser_not_in_the_guide(qtbot: QtBot) -> None:
    # GIVEN the Europass page of the guide, and the system's handler for web links
    guide = HelpWindow("en", page="europass")
    qtbot.addWidget(guide)
    browser = _SystemBrowser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        # WHEN its link to the Europass website is clicked
        guide.browser.anchorClicked.emit(QUrl("https://europass.europa.eu/"))
    finally:
        QDesktopServices.unsetUrlHandler("https")
    # THEN the system browser is asked to open it, and the guide stays where it was
    assert browser.opened == [QUrl("https://europass.europa.eu/")]
    assert guide.current_page == "europass"


def test_nothing_outside_the_guide_is_loaded_into_it(qtbot: QtBot) -> None:
    guide = HelpWindow("en")
    qtbot.addWidget(guide)
    image = QTextDocument.ResourceType.ImageResource
    # GIVEN a picture on the web, and a file of Kredo's that is not part of the guide
    # WHEN a page would show them THEN neither is read
    assert guide.browser.loadResource(image, QUrl("https://example.org/tracker.png")) is None
    outside = QUrl.fromLocalFile(str(resource_path("icons", "kredo.svg")))
    assert guide.browser.loadResource(image, outside) is None
    # AND the guide's own pages are
    inside = QUrl.fromLocalFile(str(resource_path("help", "en", "share.html")))
    assert guide.browser.loadResource(QTextDocument.ResourceType.HtmlResource, inside)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_names_and_colours_the_verdicts_as_the_app_does(
    qapp: QApplication, lang: str
) -> None:
    # GIVEN the interface in this language
    translation = Translation(qapp)
    translation.use(lang)
    try:
        page = resource_path("help", lang, "verify.html")
        text = page.read_text(encoding="utf-8")
        cells = _parsed(page).cell_colours
        for state in VERDICTS:
            # THEN the guide explains each verdict under the words on the chips
            assert f"<b>{chip_text(state)}</b>" in text, (lang, state)
            # AND in the chip's colour
            assert cells[state] == chip_colour(state).name(), (lang, state)
    finally:
        translation.use("en")


class _ShortcutTable(HTMLParser):
    """The keys column of the guide's shortcut table."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []
        self._column = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._column = -1
        elif tag == "td":
            self._column += 1

    def handle_data(self, data: str) -> None:
        if self._column == 0 and data.strip():
            self.keys.append(data.strip())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shortcuts_the_guide_lists_are_the_windows_own(window: MainWindow, lang: str) -> None:
    # GIVEN the shortcut table of the guide, and the shortcuts of the main window's commands
    table = _ShortcutTable()
    table.feed(resource_path("help", lang, "keyboard.html").read_text(encoding="utf-8"))
    portable = QKeySequence.SequenceFormat.PortableText
    own = {seq.toString(portable) for action in window.actions() for seq in action.shortcuts()}
    # THEN every key combination the guide promises does something in the window
    assert len(table.keys) >= 10
    listed = {QKeySequence(keys).toString(portable) for keys in table.keys}
    assert listed <= own, listed - own
