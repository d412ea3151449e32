"""Where a verifier's request link comes from: pasted (the clipboard's link offered at once),
read from the QR code in a picture file, or from a QR code shown on the screen.

Decoding runs on the network lane (it waits on the processor, never on the database); the
screen is captured with ``QScreen.grabWindow`` while Kredo's own windows step aside.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.session import WalletSession
from ui.signal_emit import emit
from ui.verification_desk import qimage_to_pil
from wallet.app.responding import (
    is_verifier_link,
    verifier_links_in_file,
    verifier_links_in_picture,
)
from wallet.errors import WalletError

STEP_ASIDE_MS = 300  # long enough for a compositor to take Kredo's windows off the screen
PICTURE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff"


def clipboard_link() -> str:
    """The clipboard's text when it is a verifier's request link, else nothing."""
    text = QGuiApplication.clipboard().text().strip()
    return text if text and is_verifier_link(text) else ""


class VerifierLinkInput(QWidget):
    """The link field with its two scanners; ``link_chosen`` when the learner asks Kredo to
    read the request (a typed link, or the one a QR code held)."""

    link_chosen = Signal(str)

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        intro = QLabel(self.tr(
            "Paste the verifier's link (openid4vp://…, haip-vp://… or https://…), or read the "
            "QR code the verifier shows. Kredo contacts the verifier only to read what it "
            "asks for; nothing is shared before you agree."))
        intro.setWordWrap(True)
        self.link = QLineEdit(clipboard_link())
        self.link.setAccessibleName(self.tr("Verifier's link"))
        self.link.setPlaceholderText("openid4vp://…")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.read_button = QPushButton(self.tr("Read the request"))
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self._chosen)
        picture = QPushButton(self.tr("QR code in a picture…"))
        picture.clicked.connect(self.choose_picture)
        screen = QPushButton(self.tr("QR code on the screen"))
        screen.clicked.connect(self.capture_screen)
        buttons = QHBoxLayout()
        buttons.addWidget(picture)
        buttons.addWidget(screen)
        buttons.addStretch(1)
        buttons.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.link)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)  # a taller window: the room goes below the buttons, not between

    def _chosen(self) -> None:
        text = self.link.text().strip()
        if text:
            emit(self.link_chosen, text)

    def choose_picture(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a picture of the QR code"), "",
            self.tr("Pictures (%1);;All files (*)").replace("%1", PICTURE_FILTER))
        if name:
            self.scan_file(Path(name))

    def scan_file(self, path: Path) -> None:
        self.status.setText(self.tr("Looking for the verifier's QR code…"))
        self.session.run_network(lambda: verifier_links_in_file(path), self._found,
                                 self._failed)

    def capture_screen(self) -> None:
        """Step Kredo's windows aside, photograph the screen, and look for the code."""
        dialog = self.window()
        owner = dialog.parentWidget()
        hidden = [w for w in (owner.window() if owner is not None else None, dialog)
                  if w is not None and w.isVisible()]
        for widget in hidden:
            widget.hide()
        QTimer.singleShot(STEP_ASIDE_MS, lambda: self._grab(hidden))

    def _grab(self, hidden: list[QWidget]) -> None:
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage() if screen is not None else None
        for widget in hidden:  # the owner first, so the dialog comes back on top
            widget.show()
        if image is None or image.isNull():
            self.status.setText(self.tr("Kredo could not capture the screen."))
            return
        picture = qimage_to_pil(image)
        self.status.setText(self.tr("Looking for the verifier's QR code…"))
        self.session.run_network(lambda: verifier_links_in_picture(picture), self._found,
                                 self._failed)

    def _found(self, links: list[str]) -> None:
        if not links:
            self.status.setText(self.tr(
                "No verifier's QR code was found. Make the code larger or sharper, or paste "
                "the link instead."))
            return
        self.status.clear()
        self.link.setText(links[0])
        emit(self.link_chosen, links[0])

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WalletError):
            self.status.setText(error.message)
        else:
            self.status.setText(self.tr("The picture could not be read."))
