"""The certificate authorities of verifiers the learner trusts: list, add from a PEM or DER
file, remove. A verifier whose certificate chain reaches one of them is shown as confirmed.

The list lives in the wallet (:mod:`wallet.app.verifier_authorities`); reading and writing it
runs on the database lane. ``changed`` tells the consent dialog to judge its verifier again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.verifier_authorities import (
    VerifierAuthority,
    add_verifier_authorities,
    remove_verifier_authority,
    verifier_authorities,
)
from wallet.errors import WalletError
from wallet.store.repository import CredentialRepository
from wallet.terminal_text import printable

CERTIFICATE_FILTER = "*.pem *.crt *.cer *.der"


class VerifierAuthoritiesDialog(QDialog):
    """Trust a verifier's certificate authority, or stop trusting one."""

    changed = Signal()

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Verifiers' certificate authorities"))
        intro = QLabel(self.tr(
            "A verifier that signs its request with a certificate from one of these "
            "authorities is shown as confirmed. Add only an authority you were given by "
            "someone you trust, such as your school or your employer's IT department."))
        intro.setWordWrap(True)
        self.authorities = QListWidget()
        self.authorities.setAccessibleName(self.tr("Trusted certificate authorities"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        add = QPushButton(self.tr("Add from a file…"))
        add.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.authorities.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.authorities.selectedItems())))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.authorities, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(520, 360)
        self.refresh()

    def refresh(self) -> None:
        self.session.call(verifier_authorities, self._show, self._failed)

    def _show(self, found: tuple[VerifierAuthority, ...]) -> None:
        self.authorities.clear()
        for authority in found:
            text = (self.tr("%1 (valid until %2)")
                    .replace("%1", printable(authority.name))
                    .replace("%2", authority.not_after.date().isoformat()))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, authority.fingerprint)
            item.setToolTip(self.tr("SHA-256 fingerprint: %1").replace(
                "%1", authority.fingerprint))
            self.authorities.addItem(item)
        if not found and not self.status.text():
            self.status.setText(self.tr("You trust no verifier's certificate authority yet."))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a certificate authority's certificate"), "",
            self.tr("Certificates (%1);;All files (*)").replace("%1", CERTIFICATE_FILTER))
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        """Trust the certificates of ``path`` (PEM or DER)."""
        try:
            raw = path.read_bytes()
        except OSError:
            self.status.setText(self.tr("The file %1 could not be read.").replace(
                "%1", printable(path.name)))
            return

        def add(repo: CredentialRepository) -> tuple[VerifierAuthority, ...]:
            return add_verifier_authorities(repo, raw, name=path.name)

        self.session.call(add, self._added, self._failed)

    def _added(self, added: tuple[VerifierAuthority, ...]) -> None:
        self.status.setText(
            self.tr("Now trusted: %1.").replace(
                "%1", ", ".join(printable(a.name) for a in added)) if added
            else self.tr("This certificate authority was trusted already."))
        self.refresh()
        emit(self.changed)

    def remove_selected(self) -> None:
        items = self.authorities.selectedItems()
        if not items:
            return
        fingerprint = str(items[0].data(Qt.ItemDataRole.UserRole))

        def remove(repo: CredentialRepository) -> VerifierAuthority:
            return remove_verifier_authority(repo, fingerprint)

        self.session.call(remove, self._removed, self._failed)

    def _removed(self, removed: VerifierAuthority) -> None:
        self.status.setText(self.tr("No longer trusted: %1.").replace(
            "%1", printable(removed.name)))
        self.refresh()
        emit(self.changed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WalletError):
            self.status.setText(printable(error.message))
        else:
            self.status.setText(self.tr("Kredo could not change the list."))
