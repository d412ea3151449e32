"""Receive a credential from an issuer (OpenID4VCI offer): paste or scan the offer, see who
offers what, type the PIN if one is needed, confirm; it is verified before it is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.session import WalletSession
from ui.status_chip import chip_text
from wallet.app.importing import ImportOutcome
from wallet.app.receiving import store_received
from wallet.app.trust_settings import wallet_verify_options
from wallet.issuance.issuer_http import NetworkPolicy
from wallet.issuance.proof_keys import wallet_key_provider
from wallet.issuance.session import (
    IssuanceResult,
    OfferPreview,
    preview_offer,
    redeem_offer,
)
from wallet.store.repository import CredentialRepository


class ReceiveDialog(QDialog):
    def __init__(self, session: WalletSession, parent: QWidget | None = None,
                 offer: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: OfferPreview | None = None
        self.result: IssuanceResult | None = None
        self.setWindowTitle(self.tr("Receive a credential from an issuer"))
        intro = QLabel(self.tr(
            "Paste the credential offer (openid-credential-offer://…) from the issuer's page or "
            "QR code. Kredo contacts the issuer only after you agree."))
        intro.setWordWrap(True)
        self.offer = QPlainTextEdit()
        self.offer.setAccessibleName(self.tr("Credential offer"))
        self.offer.setMaximumHeight(90)
        if offer:
            self.offer.setPlainText(offer)
        self.look = QPushButton(self.tr("Contact the issuer…"))
        self.look.clicked.connect(self.ask_preview)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.pin = QLineEdit()
        self.pin.setAccessibleName(self.tr("Transaction code (PIN)"))
        self.pin.setPlaceholderText(self.tr("PIN sent to you by the issuer"))
        self.pin.hide()
        self.accept_button = QPushButton(self.tr("Receive and check"))
        self.accept_button.clicked.connect(self.redeem)
        self.accept_button.setEnabled(False)
        self.store_button = QPushButton(self.tr("Add to my wallet"))
        self.store_button.clicked.connect(self.store)
        self.store_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.look, self.accept_button, self.store_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.offer)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.pin)
        layout.addLayout(buttons)
        self.resize(620, 420)

    def ask_preview(self) -> None:
        answer = QMessageBox.question(self, self.tr("Go online"), self.tr(
            "Kredo will contact the issuer named in the offer. Continue?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.fetch_preview()

    def fetch_preview(self) -> None:
        text = self.offer.toPlainText().strip()
        lang = self.session.lang
        self.details.setText(self.tr("Asking the issuer…"))
        self.session.tasks.run(
            lambda: preview_offer(text, policy=NetworkPolicy(allowed=True), language=lang),
            self._previewed, self._failed)

    def _previewed(self, preview: OfferPreview) -> None:
        self.preview = preview
        lines = [self.tr("Issuer: %1 (%2)").replace("%1", preview.issuer_name or "?")
                 .replace("%2", preview.issuer_host)]
        lines += [f"• {c.name or ', '.join(c.types) or c.configuration_id} ({c.format})"
                  for c in preview.credentials]
        spec = preview.tx_code
        if spec is not None:
            lines.append(self.tr("The issuer asks for a transaction code (PIN)."))
            if spec.description:
                lines.append(spec.description)
        self.pin.setVisible(spec is not None)
        self.details.setText("\n".join(lines))
        self.accept_button.setEnabled(True)

    def redeem(self) -> None:
        preview = self.preview
        if preview is None:
            return
        pin = self.pin.text().strip() or None
        self.details.setText(self.details.text() + "\n" + self.tr("Receiving…"))
        self.session.call(
            lambda repo: redeem_offer(preview, keys=wallet_key_provider(repo),
                                      policy=NetworkPolicy(allowed=True), tx_code=pin,
                                      verify_options=wallet_verify_options(repo, online=False)),
            self._received, self._failed)

    def _received(self, result: IssuanceResult) -> None:
        self.result = result
        lines = []
        for item in result.received:
            status = item.report.status.value if item.report else "failed"
            title = item.credential.title if item.credential else item.error
            lines.append(f"• {title or item.configuration_id}: {chip_text(status)}")
        if result.pending:
            lines.append(self.tr("%1 credential(s) will be issued later.")
                         .replace("%1", str(len(result.pending))))
        self.details.setText("\n".join(lines))
        self.store_button.setEnabled(any(i.credential is not None for i in result.received))

    def store(self) -> None:
        if self.result is None or self.preview is None:
            return
        received = [i for i in self.result.received
                    if i.report is None or i.report.status.value != "failed"]
        source = f"openid4vci:{self.preview.issuer_host}"

        def save(repo: CredentialRepository) -> list[ImportOutcome]:
            return store_received(repo, received, source=source)

        self.session.call(save, self._stored, self._failed)

    def _stored(self, outcomes: list[ImportOutcome]) -> None:
        stored = sum(o.status == "imported" for o in outcomes)
        self.details.setText(self.tr("%1 credential(s) added to your wallet.")
                             .replace("%1", str(stored)))
        self.store_button.setEnabled(False)
        self.session.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.details.setText(self.tr("The issuer could not be reached or refused."))
        show_error(self, exc)
