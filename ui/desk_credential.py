"""One received credential on the desk: the verdict and what it means, what the credential
says (the Annex I view of exactly what was disclosed, with an EDC's own page images), and
each check.

Everything the credential brings is escaped (``ui.credential_html``) or shown as plain text;
links in it are never followed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.credential_html import credential_html, disclosure_html
from ui.desk_checks import DeskCheck
from ui.desk_wording import verdict_words
from ui.status_chip import on_background
from wallet.app.desk import ExaminedCredential
from wallet.verify.report import VerificationReport

PAGE_WIDTH = 420  # an EDC page, readable beside the checks at 1366 × 768


def verdict_html(report: VerificationReport, background: object) -> str:
    """The verdict as a coloured headline: symbol and word, readable without colour too."""
    words = verdict_words(report.status)
    colour = on_background(words.colour, background).name()  # type: ignore[arg-type]
    return (f"<span style='font-size:14pt; color:{colour}'><b>{words.symbol} "
            f"{escape(words.label)}</b></span>")


class DeskCredentialView(QWidget):
    """The tab of one credential."""

    def __init__(self, examined: ExaminedCredential, lang: str, ui_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.examined = examined
        words = verdict_words(examined.report.status)
        self.verdict = QLabel(verdict_html(examined.report, self.palette().window().color()))
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setAccessibleName(self.tr("Verdict: %1").replace("%1", words.label))
        self.meaning = QLabel(words.meaning)
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setWordWrap(True)

        self.body = QTextBrowser()
        self.body.setOpenLinks(False)  # a credential's links are shown, never opened
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("What the credential says"))
        self.body.setHtml(self._body_html(lang, ui_lang))

        self.cards = [DeskCheck(check) for check in examined.report.checks]
        checks = QWidget()
        column = QVBoxLayout(checks)
        column.setContentsMargins(0, 0, 0, 0)
        checked = self.tr("What Kredo checked")
        heading = QLabel(f"<b>{escape(checked)}</b>")
        column.addWidget(heading)
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidget(checks)
        scroller.setWidgetResizable(True)
        scroller.setAccessibleName(self.tr("Verification checks"))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.body)
        split.addWidget(scroller)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.meaning)
        layout.addWidget(split, 1)

    def _body_html(self, lang: str, ui_lang: str) -> str:
        examined = self.examined
        credential = examined.credential
        if credential is None:
            unread = self.tr("Kredo could not read what this credential says.")
            return f"<p><i>{escape(unread)}</i></p>"
        parts = [credential_html(credential, lang, ui_lang)]
        if examined.disclosure is not None:
            parts.append(disclosure_html(examined.disclosure))
        document = self.body.document()
        for number, page in enumerate(examined.pages, start=1):
            image = QImage.fromData(page)
            if image.isNull():
                continue
            url = QUrl(f"kredo-page:{number}")
            document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
            if number == 1:
                rendering = self.tr("The issuer’s own rendering")
                parts.append(f"<h3>{escape(rendering)}</h3>")
            width = min(PAGE_WIDTH, image.width())
            parts.append(f"<p><img src='{url.toString()}' width='{width}'></p>")
        return "\n".join(parts)

    @property
    def shown_text(self) -> str:
        """Everything a reader sees in this tab, as plain text (for tests and copying)."""
        cards = "\n".join(f"{c.title.text()} {c.message.text()}" for c in self.cards)
        return "\n".join([self.meaning.text(), self.body.toPlainText(), cards])
