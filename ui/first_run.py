"""The welcome shown after a wallet is created: what Kredo is, the three steps (import,
verify, share), the way to the user guide, and "Don't show again".

Whether it comes back at the next start is a wallet setting (:data:`WELCOME_SETTING`): a new
wallet starts with it on, so a wallet that was in use before the welcome existed never sees it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.empty_states import heading_font
from ui.session import WalletSession
from wallet.store.repository import CredentialRepository

WELCOME_SETTING = "show_welcome"


def welcome_wanted(settings: dict[str, str]) -> bool:
    return settings.get(WELCOME_SETTING) == "1"


class FirstRunDialog(QDialog):
    """A short welcome; closing it keeps the learner's choice about showing it again."""

    guide_requested = Signal()

    def __init__(self, session: WalletSession, parent: QWidget | None = None, *,
                 dont_show_again: bool = False) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Welcome to Kredo"))
        heading = QLabel(self.tr("Welcome to Kredo"))
        heading.setFont(heading_font(heading.font(), 1.5))
        intro = QLabel(self.tr(
            "Kredo keeps the certificates you earn (micro-credentials, badges and other "
            "digital credentials) encrypted on this computer, and lets you show them to an "
            "employer in a way the employer can check."))
        steps = QLabel(self.tr(
            "<ol><li><b>Import</b> the credential files your school or course gave you "
            "(File → Import, or drop them on the window).</li>"
            "<li><b>Verify</b> them: Kredo checks the signature or seal and says what it "
            "could prove.</li>"
            "<li><b>Share</b> the ones you choose with an employer: a file, a QR code or a "
            "PDF.</li></ol>"))
        steps.setTextFormat(Qt.TextFormat.RichText)
        for label in (intro, steps):
            label.setWordWrap(True)
        self.dont_show = QCheckBox(self.tr("Don't show this again"))
        self.dont_show.setChecked(dont_show_again)
        self.guide_button = QPushButton(self.tr("Open the user guide"))
        self.guide_button.setAutoDefault(False)
        self.guide_button.clicked.connect(self.guide_requested)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.guide_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(steps)
        layout.addStretch(1)  # any height to spare goes below the text, not between
        layout.addWidget(self.dont_show)
        layout.addLayout(buttons)
        width = 520
        self.setMinimumWidth(width)
        self.resize(width, self.heightForWidth(width))  # as tall as the wrapped text, no taller
        self.finished.connect(self._remember)

    def _remember(self, _result: int) -> None:
        """Closed in any way: keep whether it should come back at the next start (not when
        closed by the wallet locking: nothing can be written then, and it simply comes back)."""
        if self.session.locked:
            return
        value = "0" if self.dont_show.isChecked() else "1"

        def save(repo: CredentialRepository) -> None:
            repo.set_setting(WELCOME_SETTING, value)

        self.session.call(save, lambda _: None)
