"""Share wizard: choose credentials → choose the form → the verifier's challenge → done.

Forms: a signed presentation file, a QR code on screen (animated when it needs several
frames), a PDF of one credential, or the presentation copied to the clipboard. Every share
is written to the wallet's local share log (with an optional label for the recipient).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.errors import show_error
from ui.issuer_names import issuer_label
from ui.qr_widget import QrWidget, matrix_image
from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.holders import holder_profiles
from wallet.app.pdf_sharing import stored_credential_pdf
from wallet.app.presenting import (
    ClaimChoice,
    PresentationRequest,
    claim_choices,
    present_credentials,
)
from wallet.app.qr_sharing import presentation_qr
from wallet.app.share_forms import ShareForm
from wallet.errors import SharingError
from wallet.model import CredentialFormat
from wallet.share.holder import HolderProfile
from wallet.store.records import CredentialSummary
from wallet.store.repository import CredentialRepository
from wallet.verify.list_state import ListState

FORMS = (ShareForm.PRESENTATION, ShareForm.QR, ShareForm.PDF, ShareForm.CLIPBOARD)


@dataclass(frozen=True)
class SharePackage:
    """What the worker made for the chosen form."""

    form: str
    data: bytes  # presentation JSON or PDF bytes
    qr_frames: tuple[QImage, ...] = ()
    qr_explanation: str = ""  # who can read the code, how long an animation takes to scan
    qr_details: str = ""  # the technical figures, behind the expert toggle
    suggested_name: str = "presentation.json"


def make_package(
    repo: CredentialRepository,
    ids: list[int],
    *,
    form: str,
    reveal: dict[int, tuple[str, ...]] | None = None,
    profile: str | None,
    challenge: str | None,
    domain: str | None,
    recipient: str | None,
    lang: str,
) -> SharePackage:
    """On the worker: the chosen form made by the application layer, its QR frames drawn."""
    if not ids:
        raise SharingError(QCoreApplication.translate(
            "ShareWizard", "Choose at least one credential to share."))
    if form == ShareForm.PDF:
        if len(ids) != 1:
            raise SharingError(QCoreApplication.translate(
                "ShareWizard", "A PDF shows one credential: choose exactly one."))
        pdf = stored_credential_pdf(repo, ids[0], lang=lang, recipient=recipient)
        return SharePackage(form, pdf.data, suggested_name=pdf.suggested_name)
    request = PresentationRequest(tuple(ids), reveal or {}, profile, challenge, domain)
    if form == ShareForm.QR:
        made = presentation_qr(repo, request, recipient=recipient)
        frames = tuple(matrix_image(text) for text in made.encoding.frames)
        return SharePackage(form, made.presentation.data, frames, made.choice.explanation(),
                            made.choice.expert_details(), made.presentation.suggested_name)
    presentation = present_credentials(repo, request, form=ShareForm(form), recipient=recipient)
    return SharePackage(form, presentation.data, suggested_name=presentation.suggested_name)


_FAILED_STATES = frozenset({ListState.FAILED, ListState.EXPIRED, ListState.REVOKED})
_INDETERMINATE = ListState.INDETERMINATE


class ChoosePage(QWizardPage):
    def __init__(self, preselected: list[int]) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose credentials"))
        self.setSubTitle(self.tr("Tick the credentials the employer should see."))
        self.preselected = set(preselected)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Credentials to share"))
        self.list.itemChanged.connect(lambda _item: self._chosen_changed())
        # Shown when a ticked credential's last verification failed or could not check it:
        # the employer's check will say the same, so the learner hears it first.
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Warning about the chosen credentials"))
        self.warning.hide()
        self._states: dict[int, str | None] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.warning)

    def set_rows(self, rows: list[CredentialSummary], lang: str) -> None:
        self.list.clear()
        for row in rows:
            title = row.index.title.pick(lang) if row.index.title else self.tr("(untitled)")
            # The issuer as the cards name it: in the interface language, an identifier short
            # (the whole one in the tooltip), so no line runs past the list's width.
            issuer = row.index.issuer_text(lang) or ""
            item = QListWidgetItem(f"{title} — {issuer_label(issuer)}")
            item.setToolTip(issuer)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in self.preselected
                               else Qt.CheckState.Unchecked)
            self._states[row.id] = row.verification_status
            self.list.addItem(item)
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        self.warning.setText(self.warning_text())
        self.warning.setVisible(bool(self.warning.text()))
        emit(self.completeChanged)

    def warning_text(self) -> str:
        """What the learner should know before sharing the ticked credentials ('' if nothing)."""
        states = [self._states.get(credential_id) for credential_id in self.chosen()]
        failed = sum(state in _FAILED_STATES for state in states)
        unproven = states.count(_INDETERMINATE)
        parts = []
        if failed == 1:
            parts.append(self.tr(
                "One of the chosen credentials failed its last verification: the employer's "
                "check will fail too. Share it only if you know why."))
        elif failed:
            parts.append(self.tr(
                "%1 of the chosen credentials failed their last verification: the employer's "
                "check will fail too. Share them only if you know why.").replace("%1", str(failed)))
        if unproven == 1:
            parts.append(self.tr(
                "One of the chosen credentials could not be checked the last time (its "
                "signature was not proven): the employer may not be able to check it either."))
        elif unproven:
            parts.append(self.tr(
                "%1 of the chosen credentials could not be checked the last time (their "
                "signatures were not proven): the employer may not be able to check them "
                "either.").replace("%1", str(unproven)))
        return " ".join(parts)

    def chosen(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def isComplete(self) -> bool:
        return bool(self.chosen())


class RevealPage(QWizardPage):
    """SD-JWT VCs let the learner show only some claims: everything is ticked at first."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose what to reveal"))
        self.setSubTitle(self.tr("These credentials can show only some of their claims. "
                                 "Untick what the employer does not need to see."))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Claims to reveal"))
        self.tree.setHeaderLabels([self.tr("Claim"), self.tr("Value")])
        self.tree.setColumnWidth(0, 240)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def set_choices(self, choices: list[ClaimChoice]) -> None:
        self.tree.clear()
        for choice in choices:
            top = QTreeWidgetItem([choice.title, ""])
            top.setData(0, Qt.ItemDataRole.UserRole, choice.credential_id)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsAutoTristate
                         | Qt.ItemFlag.ItemIsUserCheckable)
            for claim in choice.claims:
                child = QTreeWidgetItem([claim.path, claim.preview])
                child.setData(0, Qt.ItemDataRole.UserRole, claim.path)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def reveal(self) -> dict[int, tuple[str, ...]]:
        """Per credential, the ticked claim paths; credentials with all ticked are left out."""
        chosen: dict[int, tuple[str, ...]] = {}
        for top, children in self._credentials():
            ticked = tuple(str(c.data(0, Qt.ItemDataRole.UserRole)) for c in children
                           if c.checkState(0) == Qt.CheckState.Checked)
            if len(ticked) != len(children):
                chosen[int(top.data(0, Qt.ItemDataRole.UserRole))] = ticked
        return chosen

    def set_claim(self, credential_id: int, path: str, shown: bool) -> None:
        for top, children in self._credentials():
            if top.data(0, Qt.ItemDataRole.UserRole) != credential_id:
                continue
            for child in children:
                if child.data(0, Qt.ItemDataRole.UserRole) == path:
                    child.setCheckState(
                        0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def _credentials(self) -> Iterator[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        """Each credential's row with its claims' rows."""
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is not None:
                yield top, [child for i in range(top.childCount())
                            if (child := top.child(i)) is not None]


class FormPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("How do you want to share?"))
        self.group = QButtonGroup(self)
        texts = {
            "presentation": self.tr("A signed presentation file (for e-mail or upload)"),
            "qr": self.tr("A QR code on this screen, for the employer to scan"),
            "pdf": self.tr("A PDF document with the credential attached (one credential)"),
            "clipboard": self.tr("Copy the signed presentation to the clipboard"),
        }
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QRadioButton] = {}
        for form in FORMS:
            button = QRadioButton(texts[form])
            self.group.addButton(button)
            self.buttons[form] = button
            layout.addWidget(button)
        self.buttons["presentation"].setChecked(True)
        form_layout = QFormLayout()
        self.challenge = QLineEdit()
        self.challenge.setAccessibleName(self.tr("Challenge"))
        self.challenge.setPlaceholderText(self.tr("optional: given by the employer"))
        self.domain = QLineEdit()
        self.domain.setAccessibleName(self.tr("Domain"))
        self.domain.setPlaceholderText(self.tr("optional: the employer's web address"))
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("Shared with"))
        self.recipient.setPlaceholderText(self.tr("optional: for your own share log"))
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Holder profile"))
        form_layout.addRow(self.tr("Challenge:"), self.challenge)
        form_layout.addRow(self.tr("Domain:"), self.domain)
        form_layout.addRow(self.tr("Shared with:"), self.recipient)
        form_layout.addRow(self.tr("Holder profile:"), self.profile)
        layout.addLayout(form_layout)
        layout.addStretch(1)

    def form(self) -> str:
        return next(f for f, b in self.buttons.items() if b.isChecked())

    def set_form(self, form: str) -> None:
        self.buttons[form].setChecked(True)


class DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Ready to share"))
        self.status = QLabel(self.tr("Preparing…"))
        self.status.setWordWrap(True)
        self.qr = QrWidget()
        self.qr.hide()
        # The figures (frames, bytes per frame, compression) mean something to experts only.
        self.expert = QToolButton()
        self.expert.setText(self.tr("Expert details"))
        self.expert.setCheckable(True)
        self.expert.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.expert.setArrowType(Qt.ArrowType.RightArrow)
        self.expert.setAccessibleName(self.tr("Show the expert details"))
        self.expert.toggled.connect(self._expert_toggled)
        self.expert.hide()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Expert details"))
        self.details.hide()
        self.save = QPushButton(self.tr("Save as…"))
        self.save.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.expert, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        self.ready = False

    def show_qr_details(self, details: str) -> None:
        """Offer the figures behind the toggle, folded away until asked for."""
        self.details.setText(details)
        self.expert.setChecked(False)
        self.expert.setVisible(bool(details))

    def hide_qr_details(self) -> None:
        self.expert.setChecked(False)
        self.expert.hide()

    def _expert_toggled(self, shown: bool) -> None:
        self.expert.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)

    def isComplete(self) -> bool:
        return self.ready


class ShareWizard(QWizard):
    def __init__(self, session: WalletSession, preselected: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Share credentials"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.choose = ChoosePage(preselected)
        self.reveal_page = RevealPage()
        self.form_page = FormPage()
        self.done_page = DonePage()
        self.addPage(self.choose)
        self.reveal_id = self.addPage(self.reveal_page)
        self.form_id = self.addPage(self.form_page)
        self.addPage(self.done_page)
        self.selective: set[int] = set()  # ids of SD-JWT VCs
        self.package: SharePackage | None = None
        self.done_page.save.clicked.connect(self.save_as)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(640, 560)
        session.call(lambda repo: (repo.list(), holder_profiles(repo)), self._loaded)

    def _loaded(self, result: tuple[list[CredentialSummary], list[HolderProfile]]) -> None:
        rows, profiles = result
        self.selective = {row.id for row in rows if row.format is CredentialFormat.SD_JWT_VC}
        self.choose.set_rows(rows, self.session.lang)
        self.form_page.profile.clear()
        for profile in profiles:
            self.form_page.profile.addItem(profile.label, profile.label)
            if profile.is_default:  # the profile that signs unless the learner picks another
                self.form_page.profile.setCurrentIndex(self.form_page.profile.count() - 1)

    def nextId(self) -> int:
        if self.currentPage() is self.choose:
            wanted = set(self.choose.chosen()) & self.selective
            return self.reveal_id if wanted else self.form_id
        return super().nextId()

    def _page_changed(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is self.reveal_page:
            ids = [i for i in self.choose.chosen() if i in self.selective]
            lang = self.session.lang
            self.session.call(lambda repo: claim_choices(repo, ids, lang=lang),
                              self.reveal_page.set_choices)
        elif page is self.done_page:
            self.prepare()

    def prepare(self) -> None:
        page = self.done_page
        page.ready = False
        page.status.setText(self.tr("Preparing…"))
        page.qr.hide()
        page.hide_qr_details()
        page.save.hide()
        ids = self.choose.chosen()
        form = self.form_page.form()
        chosen_sd_jwt = set(ids) & self.selective
        options: dict[str, Any] = {
            "form": form,
            "reveal": self.reveal_page.reveal() if chosen_sd_jwt else None,
            "profile": self.form_page.profile.currentData(),
            "challenge": self.form_page.challenge.text().strip() or None,
            "domain": self.form_page.domain.text().strip() or None,
            "recipient": self.form_page.recipient.text().strip() or None,
            "lang": self.session.lang,
        }
        self.session.call(lambda repo: make_package(repo, ids, **options), self._prepared,
                          self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.done_page.status.setText(self.tr("Nothing was shared."))
        show_error(self, exc)

    def _prepared(self, package: SharePackage) -> None:
        self.package = package
        page = self.done_page
        if package.form == "qr":
            page.qr.set_frames(package.qr_frames)
            page.qr.show()
            page.status.setText(
                self.tr("Let the employer scan this code.") + " " + package.qr_explanation)
            page.show_qr_details(package.qr_details)
        elif package.form == "clipboard":
            QGuiApplication.clipboard().setText(package.data.decode("utf-8"))
            page.status.setText(self.tr("The signed presentation is on the clipboard."))
        else:
            page.status.setText(self.tr("Save the file and send it to the employer."))
            page.save.show()
        page.ready = True
        emit(page.completeChanged)

    def save_as(self) -> None:
        if self.package is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save"), self.package.suggested_name)
        if name:
            self.write_to(Path(name))

    def write_to(self, path: Path) -> None:
        if self.package is None:
            return
        try:
            path.write_bytes(self.package.data)
        except OSError as exc:
            show_error(self, SharingError(self.tr("The file could not be written."),
                                          details=str(exc)))
            return
        self.done_page.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
