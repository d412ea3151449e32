"""Export a credential as a PDF, and to Europass: the sealed originals for the Europass
wallet, or a Europass CV (XML, optionally a PDF that carries it as attachment.xml)."""

from __future__ import annotations

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
from wallet.app.exporting import (
    EuropassCandidate,
    EuropassCv,
    europass_candidates,
    export_europass_cv,
    export_to_europass_wallet,
)
from wallet.app.pdf_sharing import PDF_FILE_NAME, stored_credential_pdf
from wallet.export.europass_originals import EuropassExport
from wallet.store.repository import CredentialRepository


def export_pdf(session: WalletSession, credential_id: int, parent: QWidget) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export as PDF"), PDF_FILE_NAME,
                                          "PDF (*.pdf)")
    if name:
        write_pdf(session, credential_id, Path(name), parent)


def write_pdf(session: WalletSession, credential_id: int, path: Path, parent: QWidget) -> None:
    lang = session.lang
    session.call(lambda repo: stored_credential_pdf(repo, credential_id, lang=lang,
                                                    save_to=path),
                 lambda _: parent.statusBar().showMessage(  # type: ignore[attr-defined]
                     parent.tr("Saved %1.").replace("%1", str(path))),
                 lambda exc: show_error(parent, exc))


class EuropassDialog(QDialog):
    def __init__(self, session: WalletSession, ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids = ids
        self.candidates: list[EuropassCandidate] | None = None
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
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
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
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.cv.toggled.connect(self._update)
        self.resize(680, 520)
        lang = session.lang
        session.call(lambda repo: europass_candidates(repo, ids, lang=lang), self._loaded)

    def _loaded(self, candidates: list[EuropassCandidate]) -> None:
        self.candidates = candidates
        self._update()

    def _update(self) -> None:
        self.person.setVisible(self.cv.isChecked())
        self.preview.clear()
        if self.candidates is None:
            return
        for candidate in self.candidates:
            entry = candidate.entry
            if self.cv.isChecked():
                facts = [entry.organisation or "", str(entry.awarded or "")]
                if entry.eqf_level:
                    facts.append(f"EQF {entry.eqf_level}")
                if entry.ects:
                    facts.append(f"{entry.ects:g} ECTS")
                verdict = " · ".join(f for f in facts if f)
            else:
                verdict = candidate.refusal or self.tr("will be exported unchanged")
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
        if self.candidates is None:
            return
        lang, ids = self.session.lang, list(self.ids)

        def run(repo: CredentialRepository) -> EuropassExport:
            return export_to_europass_wallet(repo, ids, folder, lang=lang)

        self.session.call(run, lambda done: self._finished(folder, self.tr(
            "%1 file(s) written, %2 not exportable. The README.txt says where to upload them.")
            .replace("%1", str(len(done.written))).replace("%2", str(len(done.refused)))),
            lambda exc: show_error(self, exc))

    def export_cv(self, path: Path) -> None:
        if self.candidates is None:
            return
        lang, ids = self.session.lang, list(self.ids)
        given, family, email = self.given.text(), self.family.text(), self.email.text()
        pdf_path = path.with_suffix(".pdf") if self.with_pdf.isChecked() else None

        def run(repo: CredentialRepository) -> EuropassCv:
            return export_europass_cv(repo, ids, path, lang=lang, pdf_path=pdf_path,
                                      given_name=given or None, family_name=family or None,
                                      email=email or None)

        self.session.call(run, lambda _: self._finished(path.parent, self.tr(
            "The Europass CV was written to %1.").replace("%1", str(path))),
            lambda exc: show_error(self, exc))

    def _finished(self, folder: Path, sentence: str) -> None:
        self.last_folder = folder
        self.outcome.setText(sentence)
        if self.open_folder.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
