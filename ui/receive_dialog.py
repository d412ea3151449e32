"""Receive a credential from an issuer (OpenID4VCI offer): paste or scan the offer, see who
offers what, type the PIN if one is needed, confirm; it is verified before it is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from ui.signal_emit import emit
from ui.status_chip import chip_text
from wallet.app.importing import ImportOutcome
from wallet.app.receiving import (
    offer_source,
    prepare_receiving,
    preview,
    redeem,
    storable,
    store_received,
)
from wallet.issuance import IssuanceResult, OfferPreview
from wallet.store.repository import CredentialRepository


class ReceiveDialog(QDialog):
    stored = Signal(list)  # the ImportOutcomes of what was added to the wallet

    def __init__(self, session: WalletSession, parent: QWidget | None = None,
                 offer: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: OfferPreview | None = None
        self.issued: IssuanceResult | None = None
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
        self.session.run_network(lambda: preview(text, language=lang), self._previewed,
                                 self._failed)

    def _previewed(self, offer: OfferPreview) -> None:
        self.preview = offer
        lines = [self.tr("Issuer: %1 (%2)").replace("%1", offer.issuer_name or "?")
                 .replace("%2", offer.issuer_host)]
        lines += [f"• {c.name or ', '.join(c.types) or c.configuration_id} ({c.format})"
                  for c in offer.credentials]
        spec = offer.tx_code
        if spec is not None:
            lines.append(self.tr("The issuer asks for a transaction code (PIN)."))
            if spec.description:
                lines.append(spec.description)
        self.pin.setVisible(spec is not None)
        self.details.setText("\n".join(lines))
        self.accept_button.setEnabled(True)

    def redeem(self) -> None:
        """The holder keys and the wallet's trust on the database lane, then the issuer on the
        network lane: a slow issuer holds up nothing else."""
        offer = self.preview
        if offer is None:
            return
        pin = self.pin.text().strip() or None
        self.details.setText(self.details.text() + "\n" + self.tr("Receiving…"))
        self.session.call_networked(
            lambda repo: prepare_receiving(repo, offer, online=False),
            lambda setup: redeem(offer, setup, tx_code=pin),
            self._received, self._failed)

    def _received(self, result: IssuanceResult) -> None:
        self.issued = result
        lines = []
        for item in result.received:
            status = item.report.status.value if item.report else "failed"
            title = item.credential.title if item.credential else item.error
            lines.append(f"• {title or item.configuration_id}: {chip_text(status)}")
        if result.pending:
            lines.append(self.tr("%1 credential(s) will be issued later.")
                         .replace("%1", str(len(result.pending))))
        self.details.setText("\n".join(lines))
        self.store_button.setEnabled(any(storable(i) for i in result.received))

    def store(self) -> None:
        if self.issued is None or self.preview is None:
            return
        received = self.issued.received
        source = offer_source(self.preview)

        def save(repo: CredentialRepository) -> list[ImportOutcome]:
            return store_received(repo, received, source=source)

        self.session.call(save, self._stored, self._failed)

    def _stored(self, outcomes: list[ImportOutcome]) -> None:
        stored = sum(o.status == "imported" for o in outcomes)
        self.details.setText(self.tr("%1 credential(s) added to your wallet.")
                             .replace("%1", str(stored)))
        self.store_button.setEnabled(False)
        emit(self.session.changed)
        emit(self.stored, outcomes)

    def _failed(self, exc: BaseException) -> None:
        self.details.setText(self.tr("The issuer could not be reached or refused."))
        show_error(self, exc)
