"""Answer a verifier's request (OpenID4VP 1.0): who asks, what for, and the learner's choice.

The request is read on the network lane and matched against the wallet on the database lane;
the dialog then shows the verifier as its certificate or DID names it and whether Kredo could
confirm that, each credential asked for with the matching ones to pick from and the claims
the answer would disclose. Nothing is sent before "Share"; "Decline" sends no credential,
only ``access_denied``, so the verifier stops waiting. Sharing signs on the database lane,
sends on the network lane and logs the share in the history on the database lane again.

Reading uses what the learner chose in the wallet: the verifiers' certificate authorities
they trust (an x509 verifier reaching one is confirmed; "Trust a verifier's certificate
authority…" adds one and judges the verifier again, without fetching anything) and whether
online checks are allowed (a did:web verifier's DID document is looked up only then; if not,
the dialog says the document was not consulted and offers to look it up this once).
"""

from __future__ import annotations

from cryptography import x509
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.consent_queries import QueryPicker, SetChooser
from ui.errors import show_error
from ui.session import WalletSession
from ui.verifier_authorities_dialog import VerifierAuthoritiesDialog
from ui.verifier_link_input import VerifierLinkInput
from wallet.app.consent_choices import set_choices
from wallet.app.responding import (
    Consent,
    DeclineOutcome,
    PreparedResponse,
    RequestReading,
    ResponseOutcome,
    SentResponse,
    decline,
    log_response,
    match_wallet,
    missing_sentence,
    not_consulted_online,
    prepare_response,
    read_verifier_request,
    reconfirm_verifier,
    request_reading,
    send_response,
)
from wallet.app.verifier_authorities import verifier_anchors
from wallet.errors import WalletError
from wallet.share.oid4vp.matching import RequestMatch
from wallet.share.oid4vp.request import PresentationRequest
from wallet.share.oid4vp.verifier_identity import X509_HASH, X509_SAN_DNS
from wallet.store.repository import CredentialRepository
from wallet.terminal_text import printable

X509_PREFIXES = (X509_SAN_DNS, X509_HASH)
COMPACT_WIDTH = 640  # the link field's page: as high as it needs, no more
REQUEST_SIZE = (640, 560)  # room for the verifier, the credentials asked for, their claims


class ConsentDialog(QDialog):
    """Opened empty (paste or scan a link) or with a link, which it reads at once: opening a
    verifier's link is the learner's permission to contact that verifier."""

    def __init__(self, session: WalletSession, parent: QWidget | None = None,
                 link: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.request: PresentationRequest | None = None
        self.match: RequestMatch | None = None
        self.outcome: ResponseOutcome | DeclineOutcome | None = None
        self.redirect_uri: str | None = None
        self.link: str | None = None
        self.authorities_dialog: VerifierAuthoritiesDialog | None = None
        self.set_choosers: list[SetChooser] = []
        self.pickers: dict[str, QueryPicker] = {}
        self.setWindowTitle(self.tr("Answer a verifier's request"))
        self.input = VerifierLinkInput(session)
        self.input.link_chosen.connect(self.read)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.input)
        # The request's page takes no room until there is a request to show (a stack is as
        # big as its biggest page, and left a large empty area under the link field).
        self.request_page = self._request_page()
        self.request_page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.pages.addWidget(self.request_page)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.share_button = QPushButton(self.tr("Share"))
        self.share_button.clicked.connect(self.share)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.clicked.connect(self.decline)
        self.browser_button = QPushButton(self.tr("Continue in the browser"))
        self.browser_button.clicked.connect(self.open_redirect)
        self.lookup_button = QPushButton(self.tr("Look it up online this once"))
        self.lookup_button.setToolTip(self.tr(
            "Kredo reads the verifier's DID document from its web address once, for this "
            "request; online checks stay as they are in Settings."))
        self.lookup_button.clicked.connect(self.look_up_online)
        self.lookup_button.hide()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.share_button, self.decline_button, self.browser_button,
                       self.lookup_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._answerable(False)
        self.browser_button.hide()
        self.resize(COMPACT_WIDTH, self.sizeHint().height())
        if link:
            self.input.link.setText(link)
            self.read(link)

    def _request_page(self) -> QWidget:
        self.verifier = QLabel()
        self.verifier.setWordWrap(True)
        self.verifier.setTextFormat(Qt.TextFormat.PlainText)
        self.choices = QWidget()
        self.choices_layout = QVBoxLayout(self.choices)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.choices)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verifier)
        self.trust_button = QPushButton(self.tr("Trust a verifier's certificate authority…"))
        self.trust_button.clicked.connect(self.manage_authorities)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        layout.addLayout(trust_row)
        layout.addWidget(QLabel(self.tr("It asks for:")))
        layout.addWidget(scroll, 1)
        return page

    def _answerable(self, enabled: bool, *, share: bool | None = None) -> None:
        self.share_button.setEnabled(enabled if share is None else share)
        self.decline_button.setEnabled(enabled)

    # --- reading the request -------------------------------------------------------------

    def read(self, link: str, *, online_once: bool = False) -> None:
        """Read the request at ``link`` with the wallet's trusted verifier authorities and
        its online choice (``online_once``: the learner allowed a lookup for this request)."""
        self.link = link
        self.lookup_button.hide()
        self.status.setText(self.tr("Reading the verifier's request…"))
        self.input.read_button.setEnabled(False)

        def read_request(reading: RequestReading) -> PresentationRequest:
            return read_verifier_request(link, anchors=reading.anchors,
                                         online=reading.online or online_once)

        self.session.call_networked(request_reading, read_request, self._request_read,
                                    self._read_failed)

    def look_up_online(self) -> None:
        if self.link is not None:
            self.read(self.link, online_once=True)

    def _request_read(self, request: PresentationRequest) -> None:
        self.request = request
        self.session.call(lambda repo: match_wallet(repo, request), self._matched,
                          self._read_failed)

    def _read_failed(self, error: BaseException) -> None:
        self.input.read_button.setEnabled(True)
        self._failed(error)
        if not_consulted_online(error):
            self.status.setText(self.status.text() + "\n" + self.tr(
                "Kredo did not consult the verifier's DID document, because online checks "
                "are off in Settings. You may let Kredo look it up this once."))
            self.lookup_button.show()

    def _matched(self, match: RequestMatch) -> None:
        request = self.request
        assert request is not None
        self.match = match
        self.verifier.setText(self.verifier_text(request))
        # Only a verifier named by certificate can be confirmed by trusting its authority.
        self.trust_button.setVisible(request.verifier.prefix in X509_PREFIXES)
        for choice in set_choices(match):
            if len(choice.options) > 1 or not choice.required:
                chooser = SetChooser(choice, match)
                chooser.changed.connect(self._update_active)
                self.set_choosers.append(chooser)
                self.choices_layout.addWidget(chooser)
            for query_id in dict.fromkeys(q for option in choice.options for q in option):
                if query_id not in self.pickers:
                    self.pickers[query_id] = QueryPicker(match, query_id)
                    self.choices_layout.addWidget(self.pickers[query_id])
        self.choices_layout.addStretch(1)
        self.request_page.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Preferred)
        self.pages.setCurrentIndex(1)
        self.resize(max(self.width(), REQUEST_SIZE[0]), max(self.height(), REQUEST_SIZE[1]))
        self._update_active()
        if match.satisfiable:
            self.status.setText(self.tr("Choose what to share, then press Share. Nothing is "
                                        "sent before that."))
        else:
            self.status.setText(missing_sentence(match))
        self._answerable(True, share=match.satisfiable)

    def verifier_text(self, request: PresentationRequest) -> str:
        """Who asks, as the certificate or DID says; whether Kredo could confirm it."""
        identity = request.verifier
        lines = [self.tr("Who asks: %1").replace("%1", printable(identity.name))]
        own_name = request.metadata.name
        if own_name and own_name != identity.name:
            lines.append(self.tr("It calls itself: %1").replace("%1", printable(own_name)))
        lines.append(self.tr("Kredo confirmed who this is.") if identity.confirmed else
                     self.tr("Kredo could not confirm who this is. Share only if you know "
                             "and trust the page that showed you this request."))
        lines.append(printable(identity.assurance))
        if identity.name.startswith("did:web:"):
            lines.append(self.tr("Kredo looked up this verifier's DID document online."))
        where = (self.tr("Your answer goes to %1, encrypted.") if request.encrypted
                 else self.tr("Your answer goes to %1."))
        lines.append(where.replace("%1", printable(request.response_host)))
        return "\n".join(lines)

    def manage_authorities(self) -> None:
        """The learner trusts (or stops trusting) a verifier's certificate authority; the
        verifier is judged again against the new list."""
        dialog = VerifierAuthoritiesDialog(self.session, self)
        dialog.changed.connect(self._authorities_changed)
        dialog.open()
        self.authorities_dialog = dialog

    def _authorities_changed(self) -> None:
        self.session.call(verifier_anchors, self._reconfirm, self._failed)

    def _reconfirm(self, anchors: tuple[x509.Certificate, ...]) -> None:
        if self.request is None:
            return
        self.request = reconfirm_verifier(self.request, anchors)
        self.verifier.setText(self.verifier_text(self.request))

    def _update_active(self) -> None:
        active = self.active_queries()
        for query_id, picker in self.pickers.items():
            picker.setEnabled(query_id in active)

    def active_queries(self) -> set[str]:
        """The queries of the options chosen (every query when there are no sets)."""
        match = self.match
        if match is None:
            return set()
        active: set[str] = set()
        choosers = iter(self.set_choosers)
        for choice in set_choices(match):
            if len(choice.options) > 1 or not choice.required:
                active.update(next(choosers).chosen_queries())
            else:
                active.update(choice.options[0])
        return active

    # --- answering -----------------------------------------------------------------------

    def consent(self) -> Consent:
        """What the learner chose (raises a sentence when it is less than the verifier
        accepts)."""
        active = self.active_queries()
        return Consent({query_id: picker.chosen() for query_id, picker in self.pickers.items()
                        if query_id in active and picker.picked()})

    def share(self) -> None:
        request, match = self.request, self.match
        if request is None or match is None:
            return
        try:
            consent = self.consent()
        except WalletError as error:
            self._failed(error)
            return
        self._answerable(False)
        self.status.setText(self.tr("Sending to the verifier…"))

        def prepare(repo: CredentialRepository) -> PreparedResponse:
            return prepare_response(repo, request, match, consent)

        self.session.call_networked(prepare, send_response, self._sent, self._share_failed)

    def _sent(self, sent: SentResponse) -> None:
        self.session.call(lambda repo: log_response(repo, sent), self._shared,
                          self._share_failed)

    def _shared(self, outcome: ResponseOutcome) -> None:
        self.outcome = outcome
        titles = ", ".join(printable(s.title) for s in outcome.shared)
        self.status.setText(self.tr("Shared with %1: %2.")
                            .replace("%1", printable(outcome.request.verifier.name))
                            .replace("%2", titles))
        self._offer_redirect(outcome.redirect_uri)

    def _share_failed(self, error: BaseException) -> None:
        self._answerable(True, share=self.match is not None and self.match.satisfiable)
        self._failed(error)

    def decline(self) -> None:
        request = self.request
        if request is None:
            return
        self._answerable(False)
        self.status.setText(self.tr("Telling the verifier that you decline…"))
        self.session.run_network(lambda: decline(request), self._declined, self._share_failed)

    def _declined(self, outcome: DeclineOutcome) -> None:
        self.outcome = outcome
        self.status.setText(self.tr("Nothing was shared. The verifier was told that you "
                                    "declined."))
        self._offer_redirect(outcome.redirect_uri)

    def _offer_redirect(self, uri: str | None) -> None:
        self.redirect_uri = uri
        self.browser_button.setVisible(uri is not None)
        if uri is not None:
            self.browser_button.setToolTip(uri)

    def open_redirect(self) -> None:
        if self.redirect_uri:
            QDesktopServices.openUrl(QUrl(self.redirect_uri))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WalletError):
            self.status.setText(printable(error.message))
        else:
            show_error(self, error)
