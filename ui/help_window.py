"""The user guide: bundled HTML pages in ``resources/help/<language>/``, shown with a table of
contents in the interface's language.

Nothing remote is ever loaded into the guide: links between its pages stay inside it, and a
link to a website opens in the system browser (the person's own choice, and their browser's
connection), never in the guide's window.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wallet.bundled_resources import resource_path

# The guide's pages in reading order; each language has one HTML file per page.
HELP_PAGES = ("index", "import", "verify", "share", "europass", "backup", "desk", "keyboard")
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def help_folder(lang: str) -> Path:
    """The guide in ``lang``, or in English when there is none in that language."""
    folder = resource_path("help", lang)
    return folder if (folder / "index.html").is_file() else resource_path("help", "en")


def page_path(lang: str, page: str) -> Path:
    return help_folder(lang) / f"{page}.html"


def page_title(path: Path) -> str:
    """The title a page gives itself, for the table of contents."""
    found = _TITLE.search(path.read_text(encoding="utf-8"))
    return " ".join(found.group(1).split()) if found else path.stem


class GuideBrowser(QTextBrowser):
    """A text browser that shows the guide's own files and nothing else."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve()
        self.setOpenLinks(False)  # every click goes through follow()
        self.anchorClicked.connect(self.follow)

    def inside_guide(self, url: QUrl) -> bool:
        if not url.isLocalFile():
            return False
        return Path(url.toLocalFile()).resolve().is_relative_to(self.folder)

    def follow(self, url: QUrl) -> None:
        """A link inside the guide opens here; a website opens in the system browser."""
        target = self.source().resolved(url)
        if self.inside_guide(target):
            self.setSource(target)
        elif target.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(target)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Only files of the guide: an image or style sheet from the web is never fetched."""
        url = self.source().resolved(QUrl(name))
        if not self.inside_guide(url):
            return None
        return super().loadResource(type, url)


class HelpWindow(QDialog):
    """The user guide: contents on the left, the page on the right."""

    def __init__(self, lang: str, parent: QWidget | None = None, page: str = "index") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Kredo user guide"))
        self.setModal(False)
        folder = help_folder(lang)
        self.browser = GuideBrowser(folder)
        self.browser.setAccessibleName(self.tr("Guide page"))
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setWordWrap(True)  # long titles wrap: no sideways scrolling
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setSpacing(2)
        for name in HELP_PAGES:
            self.contents.addItem(QListWidgetItem(page_title(folder / f"{name}.html")))
        self.browser.sourceChanged.connect(self._page_shown)

        self.back = QPushButton(self.tr("Back"))
        self.back.setEnabled(False)
        self.back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 660])
        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(940, 640)
        self.show_page(page)
        self.contents.currentRowChanged.connect(self._contents_chosen)

    def show_page(self, page: str) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(help_folder(self.lang) / f"{page}.html")))

    @property
    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _contents_chosen(self, row: int) -> None:
        if 0 <= row < len(HELP_PAGES) and HELP_PAGES[row] != self.current_page:
            self.show_page(HELP_PAGES[row])

    def _page_shown(self, url: QUrl) -> None:
        """Keep the contents in step when a link inside a page leads elsewhere (the signal
        comes before ``source()`` answers with the new page: the page is read from ``url``)."""
        page = Path(url.toLocalFile()).stem
        if page in HELP_PAGES:
            self.contents.setCurrentRow(HELP_PAGES.index(page))
