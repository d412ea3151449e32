"""Export a credential as a PDF, and to Europass: the sealed originals for the Europass
wallet, or a Europass CV (XML, optionally a PDF that carries it as attachment.xml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.session import WalletSession
from wallet.app.trust_settings import wallet_verify_options
from wallet.export.cv_entries import CvEntry, cv_entries
from wallet.export.cv_pdf import europass_cv_pdf
from wallet.export.cv_person import cv_person
from wallet.export.cv_xml import europass_cv_xml
from wallet.export.europass_originals import (
    EuropassExport,
    europass_refusal,
    export_europass_originals,
)
from wallet.export.file_output import write_file
from wallet.formats import parse_credential
from wallet.model import Credential
from wallet.share.pdf_export import stored_credential_pdf
from wallet.store.repository import CredentialRepository


def export_pdf(session: WalletSession, credential_id: int, parent: QWidget) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export as PDF"), "credential.pdf",
                                          "PDF (*.pdf)")
    if name:
        write_pdf(session, credential_id, Path(name), parent)


def write_pdf(session: WalletSession, credential_id: int, path: Path, parent: QWidget) -> None:
    lang = session.lang
    session.call(lambda repo: write_file(path, stored_credential_pdf(
                     repo, credential_id, lang=lang, options=wallet_verify_options(
                         repo, online=False))[0]),
                 lambda _: parent.statusBar().showMessage(  # type: ignore[attr-defined]
                     parent.tr("Saved %1.").replace("%1", str(path))),
                 lambda exc: show_error(parent, exc))


@dataclass(frozen=True)
class Chosen:
    ids: tuple[int, ...]
    credentials: tuple[Credential, ...]
    entries: tuple[CvEntry, ...]
    refusals: tuple[str | None, ...]


class EuropassDialog(QDialog):
    def __init__(self, session: WalletSession, ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids = ids
        self.chosen: Chosen | None = None
        self.last_folder: Path | None = None
        self.setWindowTitle(self.tr("Export to Europass"))
        self.originals = QRadioButton(self.tr(
            "Sealed credentials for the Europass wallet (the files exactly as you received them)"))
        self.cv = QRadioButton(self.tr("A Europass CV built from these credentials (XML)"))
        self.originals.setChecked(True)
        self.preview = QTreeWidget()
        self.preview.setAccessibleName(self.tr("What will be exported"))
        self.preview.setHeaderLabels([self.tr("Credential"), self.tr("Europass")])
        self.given = QLineEdit()
        self.given.setAccessibleName(self.tr("Given name"))
        self.family = QLineEdit()
        self.family.setAccessibleName(self.tr("Family name"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.with_pdf = QCheckBox(self.tr("Also a CV PDF carrying the XML"))
        self.open_folder = QCheckBox(self.tr("Open the folder after export"))
        self.open_folder.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Given name:"), self.given)
        form.addRow(self.tr("Family name:"), self.family)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.with_pdf)
        self.person = QWidget()
        self.person.setLayout(form)
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_target)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.originals)
        layout.addWidget(self.cv)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.person)
        layout.addWidget(self.open_folder)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.cv.toggled.connect(self._update)
        self.resize(680, 520)
        lang = session.lang
        session.call(lambda repo: self._load(repo, lang), self._loaded)

    def _load(self, repo: CredentialRepository, lang: str) -> Chosen:
        credentials = tuple(parse_credential(repo.get(i).raw) for i in self.ids)
        return Chosen(tuple(self.ids), credentials,
                      tuple(cv_entries(credentials, lang=lang)),
                      tuple(europass_refusal(c, lang) for c in credentials))

    def _loaded(self, chosen: Chosen) -> None:
        self.chosen = chosen
        self._update()

    def _update(self) -> None:
        self.person.setVisible(self.cv.isChecked())
        self.preview.clear()
        if self.chosen is None:
            return
        for entry, refusal in zip(self.chosen.entries, self.chosen.refusals, strict=True):
            if self.cv.isChecked():
                facts = [entry.organisation or "", str(entry.awarded or "")]
                if entry.eqf_level:
                    facts.append(f"EQF {entry.eqf_level}")
                if entry.ects:
                    facts.append(f"{entry.ects:g} ECTS")
                verdict = " · ".join(f for f in facts if f)
            else:
                verdict = refusal or self.tr("will be exported unchanged")
            item = QTreeWidgetItem([entry.title, verdict])
            item.setToolTip(1, verdict)
            self.preview.addTopLevelItem(item)
        self.preview.resizeColumnToContents(0)

    def choose_target(self) -> None:
        if self.cv.isChecked():
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the Europass CV"),
                                                  "europass-cv.xml", "XML (*.xml)")
            if name:
                self.export_cv(Path(name))
        else:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
            if folder:
                self.export_originals(Path(folder))

    def export_originals(self, folder: Path) -> None:
        chosen = self.chosen
        if chosen is None:
            return
        lang = self.session.lang
        items = [(str(i), c) for i, c in zip(chosen.ids, chosen.credentials, strict=True)]

        def run(repo: CredentialRepository) -> EuropassExport:
            done = export_europass_originals(items, folder, lang=lang)
            repo.log_share([int(w.label) for w in done.written], form="europass")
            return done

        self.session.call(run, lambda done: self._finished(folder, self.tr(
            "%1 file(s) written, %2 not exportable. The README.txt says where to upload them.")
            .replace("%1", str(len(done.written))).replace("%2", str(len(done.refused)))),
            lambda exc: show_error(self, exc))

    def export_cv(self, path: Path) -> None:
        chosen = self.chosen
        if chosen is None:
            return
        lang = self.session.lang
        given, family, email = self.given.text(), self.family.text(), self.email.text()
        with_pdf = self.with_pdf.isChecked()

        def run(repo: CredentialRepository) -> None:
            person = cv_person(chosen.credentials, lang=lang, given_name=given or None,
                               family_name=family or None, email=email or None)
            xml = europass_cv_xml(chosen.entries, person, lang=lang)
            write_file(path, xml)
            if with_pdf:
                write_file(path.with_suffix(".pdf"),
                           europass_cv_pdf(chosen.entries, person, xml, lang=lang))
            repo.log_share(chosen.ids, form="europass-cv")

        self.session.call(run, lambda _: self._finished(path.parent, self.tr(
            "The Europass CV was written to %1.").replace("%1", str(path))),
            lambda exc: show_error(self, exc))

    def _finished(self, folder: Path, sentence: str) -> None:
        self.last_folder = folder
        self.result.setText(sentence)
        if self.open_folder.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
