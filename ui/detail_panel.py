"""One credential in full: Annex I elements, images, verification, raw view, notes and tags.

The window is built with this panel before its first paint, but nothing is shown in it until
a credential is opened: the verification engine and the trust material (about 0.2 s of
imports) load inside the functions that need them, which run on the worker.
"""

from __future__ import annotations

import json
from functools import partial
from html import escape
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.credential_html import credential_html, shown_images
from ui.language_names import language_name
from ui.page_viewer import PagePicture, PageViewer
from ui.session import WalletSession
from ui.signal_emit import emit
from ui.thumbnails import ClickablePicture, readable_image
from ui.verify_panel import VerifyPanel
from wallet.app.annotating import save_note_and_tags
from wallet.app.credentials import LoadedCredential, load_credential
from wallet.app.verify_habits import verify_habits
from wallet.model import Credential, CredentialFormat
from wallet.store.records import StoredCredential

if TYPE_CHECKING:
    from wallet.app.verifying import StoredVerdict, StoredVerification
    from wallet.store.repository import CredentialRepository

NOTE_SAVE_DELAY_MS = 700
STATUS_MESSAGE_MS = 8_000

def pretty_raw(stored: StoredCredential) -> str:
    """The stored bytes made readable (JSON indented, XML indented); never changes what is kept."""
    text = stored.raw.decode("utf-8", errors="replace")
    if stored.format is CredentialFormat.EDC_XML:
        from lxml import etree

        try:
            root = etree.fromstring(stored.raw, etree.XMLParser(resolve_entities=False,
                                                                no_network=True))
            return str(etree.tostring(root, pretty_print=True, encoding="unicode"))
        except etree.XMLSyntaxError:
            return text
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text  # JWT / SD-JWT compact forms


class DetailPanel(QWidget):
    changed = Signal()  # notes, tags or the verification status changed

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: LoadedCredential | None = None
        self._lang = session.lang
        # The note and tags are kept as they are typed: a moment after the last key, when
        # another card is opened, and before the wallet locks.
        self._unsaved = False
        self._filling = False
        self._save_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_notes)
        session.about_to_lock.connect(self.save_notes)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("detail-placeholder")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Credential details"))
        self.tabs.addTab(self._build_overview(), self.tr("Overview"))
        self.tabs.addTab(self._build_verification(), self.tr("Verification"))
        self.tabs.addTab(self._build_raw(), self.tr("Raw"))
        self.tabs.addTab(self._build_notes(), self.tr("Notes and tags"))

        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.tabs)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        self.show_placeholder(self.tr("Select a credential to see it in full."))

    def show_placeholder(self, text: str) -> None:
        """No credential in full: ``text`` says why (nothing selected, nothing found)."""
        self.save_notes()
        self.current = None
        self.heading.clear()
        self.heading.hide()
        self.placeholder.setText(text)
        self.pages.setCurrentWidget(self.placeholder)
        self.tabs.setEnabled(False)

    # --- building --------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        """The Annex I elements in the chosen language, under the credential's pictures."""
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the credential"))
        self.language.currentIndexChanged.connect(self._language_picked)
        self.images = QHBoxLayout()
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("Micro-credential elements"))
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        top = QHBoxLayout()
        # One line, as wide as its words (it wrapped onto two at 1280 px); the box as wide as
        # the longest language name. Both are shown only when there is a language to choose.
        self.language_label = QLabel(self.tr("Credential language:"))
        self.language_label.setBuddy(self.language)
        self.language_label.setSizePolicy(QSizePolicy.Policy.Fixed,
                                          QSizePolicy.Policy.Preferred)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        overview_layout.addLayout(top)
        image_strip = QWidget()
        image_strip.setLayout(self.images)
        scroller = QScrollArea()
        scroller.setWidget(image_strip)
        scroller.setWidgetResizable(True)
        scroller.setFixedHeight(196)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setAccessibleName(self.tr("Pictures of the credential"))
        self.image_scroller = scroller
        overview_layout.addWidget(scroller)
        overview_layout.addWidget(self.body, 1)
        return overview

    def _build_verification(self) -> QWidget:
        self.verify_panel = VerifyPanel()  # scrolls its checks itself
        self.verify_panel.verify_requested.connect(self.verify)
        return self.verify_panel

    def _build_raw(self) -> QWidget:
        """The stored bytes, made readable, with a button that copies them."""
        raw = QWidget()
        raw_layout = QVBoxLayout(raw)
        self.raw = QPlainTextEdit(readOnly=True)
        self.raw.setAccessibleName(self.tr("Original credential"))
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.raw.toPlainText()))
        raw_layout.addWidget(self.raw, 1)
        raw_layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        return raw

    def _build_notes(self) -> QWidget:
        """The learner's own note and tags, and the collections the credential is in."""
        notes = QWidget()
        notes.setAccessibleName(self.tr("Notes and tags"))
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(QLabel(self.tr("Note")))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.textChanged.connect(self._typed)
        notes_layout.addWidget(self.note, 1)
        notes_layout.addWidget(QLabel(self.tr("Tags (comma separated)")))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.textEdited.connect(self._typed)
        self.tags.editingFinished.connect(self.save_notes)
        notes_layout.addWidget(self.tags)
        self.collections = QLabel()
        self.collections.setWordWrap(True)
        notes_layout.addWidget(self.collections)
        self.notes_state = QLabel()
        self.notes_state.setWordWrap(True)
        self.notes_state.setAccessibleName(self.tr("Note saving"))
        notes_layout.addWidget(self.notes_state)
        return _scrolled(notes)

    # --- loading ---------------------------------------------------------------------------

    def show_credential(self, credential_id: int | None) -> None:
        if credential_id is None:
            self.show_placeholder(self.tr("Select a credential to see it in full."))
            return
        self.save_notes()  # queued before the load: the worker keeps the order
        self.session.call(lambda repo: load_credential(repo, credential_id), self._loaded)

    def _loaded(self, loaded: LoadedCredential) -> None:
        self.current = loaded
        self.tabs.setEnabled(True)
        self.heading.show()
        self.pages.setCurrentWidget(self.tabs)
        view = loaded.credential.view
        languages = sorted({*view.languages, *(view.title.values if view.title else {})})
        self.language.blockSignals(True)
        self.language.clear()
        for code in languages or [self.session.lang]:
            self.language.addItem(self._language_name(code), code)
        wanted = self.session.lang if self.session.lang in languages else (
            "en" if "en" in languages else (languages[0] if languages else self.session.lang))
        self.language.setCurrentIndex(max(self.language.findData(wanted), 0))
        self.language.blockSignals(False)
        # One language (or none stated, "und"): nothing to choose, so no box.
        self.language.setVisible(len(languages) > 1)
        self.language_label.setVisible(len(languages) > 1)
        self._lang = wanted
        self._render_overview()
        self._show_images(loaded.credential)
        self.raw.setPlainText(pretty_raw(loaded.stored))
        self._filling = True
        self.note.setPlainText(loaded.stored.note or "")
        self.tags.setText(", ".join(loaded.stored.tags))
        self._filling = False
        self._unsaved = False
        self.notes_state.setText(self.tr("Your note and tags are saved as you type."))
        self.collections.setText(
            self.tr("In collections: %1").replace("%1", ", ".join(loaded.stored.collections))
            if loaded.stored.collections else ""
        )
        record, report = loaded.verification, loaded.report
        if record is None or report is None:
            self.verify_panel.clear()
        else:
            self.verify_panel.show_report(report, checked_at=record.checked_at, mode=record.mode)

    def _language_name(self, code: str) -> str:
        """A language by its name in the interface language; ``und`` as "Unspecified"."""
        return language_name(code, self.session.lang)

    def _language_picked(self) -> None:
        code = self.language.currentData()
        if code:
            self._lang = str(code)
            self._render_overview()

    def _render_overview(self) -> None:
        if self.current is None:
            return
        credential = self.current.credential
        title = credential.view.title.pick(self._lang) if credential.view.title else None
        self.heading.setText(f"<b>{escape(title or self.tr('(untitled)'))}</b>")
        self.body.setHtml(credential_html(credential, self._lang, self.session.lang))

    def _show_images(self, credential: Credential) -> None:
        while self.images.count():
            item = self.images.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Deleted now, on the GUI thread: a deleteLater racing the garbage collector
                # over the Python wrapper crashed PySide6 6.12 now and then.
                widget.hide()
                shiboken6.delete(widget)
        shown: list[PagePicture] = []
        for image in shown_images(credential):
            picture = None if image.data is None else readable_image(image.data)
            if image.data is None or picture is None:
                continue
            label = ClickablePicture(picture, 170)
            label.setAccessibleName(self._picture_name(image.role))
            label.activated.connect(partial(self.open_picture, len(shown)))
            shown.append(PagePicture(image.data, label.accessibleName()))
            self.images.addWidget(label)
        self.shown_pictures = shown
        self.images.addStretch(1)
        self.image_scroller.setVisible(bool(shown))

    def open_picture(self, index: int) -> None:
        """A picture full size in its own window (zoom, fit, the other pages)."""
        self.page_viewer = PageViewer(self.shown_pictures, index, self)
        self.page_viewer.open()

    def _picture_name(self, role: str) -> str:
        if role == "badge":
            return self.tr("Badge image")
        if role == "logo":
            return self.tr("Issuer's picture")
        if role == "claim":
            return self.tr("Picture in the credential")
        return self.tr("Credential page")

    # --- actions ---------------------------------------------------------------------------

    def verify(self, online_asked: bool = False) -> None:
        """F5 and "Verify again": online when the learner allowed online checks (Settings),
        offline when not; ``online_asked`` ("Verify online…", after its question) goes online
        this once whatever the setting. Read on the database worker, verify on the network
        lane (a slow status list or did:web server holds up nothing else), then remember the
        verdict."""
        from wallet.app.verifying import VerifyRequest, prepare_stored_verification

        if self.current is None:
            return
        credential_id = self.current.stored.id

        def prepare(repo: CredentialRepository) -> tuple[StoredVerification, bool]:
            allowed = verify_habits(repo).online
            request = VerifyRequest(online=online_asked or allowed)
            return prepare_stored_verification(repo, credential_id, request), allowed

        self.verify_panel.show_running()
        self.session.call(prepare, self._prepared)

    def _prepared(self, prepared: tuple[StoredVerification, bool]) -> None:
        verification, allowed = prepared
        if self.session.locked:
            return  # locked meanwhile: the job is dropped with the wallet
        if verification.options.online:
            self._say(self.tr("Verifying online, as allowed in Settings.") if allowed
                      else self.tr("Verifying online, this once."))
        self.session.run_network(verification.verify, self._verified)

    def _say(self, sentence: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(sentence, STATUS_MESSAGE_MS)

    def _verified(self, verdict: StoredVerdict) -> None:
        from wallet.app.verifying import remember_verdict

        current = self.current
        if current is not None and current.stored.id == verdict.credential_id:
            self.verify_panel.show_report(verdict.report, mode=verdict.mode)
        self.session.call(lambda repo: remember_verdict(repo, verdict),
                          lambda _: emit(self.changed))

    def _typed(self) -> None:
        if self._filling or self.current is None:
            return
        self._unsaved = True
        self.notes_state.setText(self.tr("Saving…"))
        self._save_timer.start()

    def save_notes(self) -> None:
        """Save the note and tags of the credential shown, if they changed since they were
        loaded or last saved (on the database lane, before anything queued after it)."""
        self._save_timer.stop()
        if not self._unsaved or self.current is None or self.session.locked:
            return
        self._unsaved = False
        credential_id = self.current.stored.id
        had_tags = self.current.stored.tags
        tags = self.tags.text().split(",")
        note = self.note.toPlainText()
        self.session.call(lambda repo: save_note_and_tags(repo, credential_id, note, tags),
                          lambda loaded: self._saved(loaded, had_tags))

    def _saved(self, loaded: LoadedCredential, had_tags: tuple[str, ...]) -> None:
        current = self.current
        if current is not None and current.stored.id == loaded.stored.id:
            self.current = loaded  # the editors keep what was typed meanwhile
            if not self._unsaved:
                self.notes_state.setText(self.tr("Saved."))
        if sorted(loaded.stored.tags) != sorted(had_tags):
            emit(self.changed)  # the sidebar lists the tags


def _scrolled(page: QWidget) -> QScrollArea:
    """A tab's page in a frameless scroll area that follows the tab's width."""
    scroller = QScrollArea()
    scroller.setAccessibleName(page.accessibleName())  # Tab stops at it: say what it holds
    scroller.setWidget(page)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QScrollArea.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return scroller
