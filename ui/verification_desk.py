"""The verification desk: everything someone else sends, checked in one place.

Open files (credentials of any format, presentations, PDFs, pictures of QR codes, several at
once or a folder), drop them on the window, paste (text, a picture, a file link), capture the
screen or hold a code to the camera. Each credential shows its verdict and what it means,
what it says (exactly what was disclosed), who presented it, and every check. Several files
make a sortable table. Nothing is added to the wallet unless asked.

Reading the wallet's trust runs on the database lane; reading and verifying on the network
lane (``ui.tasks``), so neither the list nor this window waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QItemSelection, QMimeData, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.desk_camera import CameraFeed, camera_devices
from ui.desk_credential import DeskCredentialView
from ui.desk_summary import needs_summary, summary_html
from ui.desk_table import DeskTableModel, sorting_proxy
from ui.desk_wording import verdict_words
from ui.errors import show_error
from ui.session import WalletSession
from ui.signal_emit import emit
from ui.tasks import Lane, TaskControl
from wallet.app.desk import DeskOutcome, ReceivedItem, examine_scan, read_files
from wallet.app.importing import ImportOutcome, import_bytes
from wallet.app.scanning import (
    ScannedCredential,
    VerifiedScan,
    read_codes,
    scan_picture,
    scan_texts,
    write_report,
)
from wallet.app.verifying import VerifyRequest, verify_options
from wallet.errors import WalletError
from wallet.store.repository import CredentialRepository
from wallet.verify.options import VerifyOptions

TAB_TITLE_CHARACTERS = 36
FILE_FILTER = ("*.json *.jsonld *.jwt *.vc *.txt *.xml *.png *.svg *.jpg *.jpeg *.gif *.webp "
               "*.pdf")


def qimage_to_pil(image: QImage) -> Image.Image:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    return Image.frombytes("L", (grey.width(), grey.height()), data, "raw", "L",
                           grey.bytesPerLine())


def local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class VerificationDesk(QDialog):
    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Verify someone else's credential"))
        self.setAcceptDrops(True)
        self.camera_texts: list[str] = []
        self.outcome: VerifiedScan | None = None
        self.items: list[ReceivedItem] = []
        self.current: ReceivedItem | None = None
        self._camera = CameraFeed(self)
        self._camera.frame.connect(self.feed_frame)
        self._camera.problem.connect(self._camera_problem)
        self._decoding_frame = False
        self._scans = 0  # readings asked for; only the latest one's outcome is shown
        self._again: Callable[[], None] | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Open or drop the files an applicant sent (credentials, presentations, PDFs, "
            "pictures of QR codes), paste them, or scan a code. Kredo checks them here, "
            "offline; nothing is added to your wallet unless you ask."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._input_row())
        layout.addLayout(self._request_row())
        self.viewfinder = QLabel()
        self.viewfinder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.viewfinder.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Files read"))
        self.progress.hide()
        self.frames = QProgressBar()
        self.frames.setAccessibleName(self.tr("Frames of a multi-part code"))
        self.frames.setFormat(self.tr("%v of %m parts"))
        self.frames.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.viewfinder, self.progress, self.frames, self.message):
            layout.addWidget(widget)
        layout.addWidget(self._results_area(), 1)
        layout.addLayout(self._bottom_row())
        self._set_result_buttons(False)
        self.resize(1000, 700)

    # --- layout --------------------------------------------------------------------------

    def _input_row(self) -> QHBoxLayout:
        self.open_button = QPushButton(self.tr("Open files…"))
        self.open_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Text, a picture or a file from the clipboard"))
        self.paste_button.clicked.connect(self.paste)
        self.screen_button = QPushButton(self.tr("Capture the screen"))
        self.screen_button.clicked.connect(self.capture_screen)
        self.camera_choice = QComboBox()
        self.camera_choice.setAccessibleName(self.tr("Camera"))
        self.camera_button = QPushButton(self.tr("Start camera"))
        self.camera_button.clicked.connect(self.toggle_camera)
        devices = camera_devices()
        for description, device in devices:
            self.camera_choice.addItem(description, device)
        if not devices:
            self.camera_choice.addItem(self.tr("No camera found"))
        self.camera_choice.setEnabled(bool(devices))
        self.camera_button.setEnabled(bool(devices))
        row = QHBoxLayout()
        for widget in (self.open_button, self.paste_button, self.screen_button,
                       self.camera_choice, self.camera_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _request_row(self) -> QHBoxLayout:
        self.challenge = QLineEdit()
        self.challenge.setPlaceholderText(self.tr("Challenge you gave the applicant (optional)"))
        self.challenge.setAccessibleName(self.tr("Expected challenge"))
        self.domain = QLineEdit()
        self.domain.setPlaceholderText(self.tr("Your domain (optional)"))
        self.domain.setAccessibleName(self.tr("Expected domain"))
        # Going online is the person's choice for what they verify next, never the default:
        # it tells issuers' and registries' servers that this credential is being checked.
        self.online_check = QCheckBox(self.tr("Verify online"))
        self.online_check.setChecked(False)
        self.online_check.setToolTip(self.tr(
            "Look up what is published only online: issuers' keys, revocation and status "
            "lists. The issuers' servers learn that a credential of theirs is being checked."))
        self.again_button = QPushButton(self.tr("Check again"))
        self.again_button.setEnabled(False)
        self.again_button.clicked.connect(self.check_again)
        row = QHBoxLayout()
        row.addWidget(self.challenge, 2)
        row.addWidget(self.domain, 2)
        row.addWidget(self.online_check)
        row.addWidget(self.again_button)
        return row

    def _results_area(self) -> QSplitter:
        self.model = DeskTableModel(self.session.lang)
        self.proxy = sorting_proxy(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Received files"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)
        self.table.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.hide()
        self.results = QTabWidget()
        self.results.setAccessibleName(self.tr("Verification reports"))
        self.results.setUsesScrollButtons(True)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.results, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(1, 3)
        return split

    def _bottom_row(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Add to my wallet…"))
        self.import_button.clicked.connect(self.import_into_wallet)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    # --- inputs --------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open"), "",
            self.tr("Credentials, presentations, PDFs and pictures (%1);;All files (*)")
            .replace("%1", FILE_FILTER))
        if files:
            self.scan_paths([Path(f) for f in files])

    def scan_paths(self, paths: list[Path]) -> None:
        """Files and folders, read one by one with progress on the network lane."""
        self.message.setText(self.tr("Reading…"))
        self._again = lambda: self.scan_paths(paths)
        self._scans += 1
        number = self._scans

        def read(options: VerifyOptions) -> None:
            self.progress.setValue(0)
            self.session.tasks.run_controlled(
                lambda control: _read_files(paths, options, control),
                lambda outcome: self._show(outcome) if number == self._scans else None,
                lambda exc: self._failed(exc) if number == self._scans else None,
                self._progressed, lane=Lane.NETWORK)

        self.session.call(self._options_reader(), read, self._failed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%1 of %2 files").replace("%1", str(done))
                                .replace("%2", str(total)))
        self.progress.setVisible(total > 1 and done < total)

    def _options_reader(self) -> Callable[[CredentialRepository], VerifyOptions]:
        """The wallet's trust (its issuers and registries), with the challenge and domain
        typed here, online only when "Verify online" is ticked: read on the database lane."""
        challenge = self.challenge.text().strip() or None
        domain = self.domain.text().strip() or None
        online = self.online_check.isChecked()

        def read(repo: CredentialRepository) -> VerifyOptions:
            options = verify_options(VerifyRequest(online=online), settings=repo)
            return replace(options, challenge=challenge, domain=domain)

        return read

    def _verify(self, scan: Callable[[VerifyOptions], VerifiedScan]) -> None:
        """Read the trust on the database lane, then scan, verify and read what each
        credential says on the network lane. Scans may finish out of order there: an older
        one's outcome is dropped."""
        self._scans += 1
        number = self._scans
        self.session.call_networked(
            self._options_reader(), lambda options: examine_scan(scan(options), options),
            lambda outcome: self._show(outcome) if number == self._scans else None,
            lambda exc: self._failed(exc) if number == self._scans else None)

    def scan_text(self, text: str, source: str) -> None:
        """Text handed over (pasted, dropped): a credential, a presentation, a code's text."""
        self._again = lambda: self.scan_text(text, source)
        self._verify(lambda options: scan_texts([text], source=source, options=options))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if not self.take(mime, self.tr("clipboard")):
            self.message.setText(self.tr("The clipboard holds nothing Kredo can check."))

    def take(self, mime: QMimeData, source: str) -> bool:
        """Files, a picture or text from the clipboard or a drop; False for none of them."""
        if mime.hasUrls() and local_paths(mime):
            self.scan_paths(local_paths(mime))
        elif mime.hasImage():
            self.scan_qimage(mime.imageData())
        elif mime.hasText() and mime.text().strip():
            text = mime.text().strip()
            url = QUrl(text)
            if url.isLocalFile():
                self.scan_paths([Path(url.toLocalFile())])
            else:
                self.scan_text(text, source)
        else:
            return False
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.take(event.mimeData(), self.tr("dropped text")):
            event.acceptProposedAction()

    def capture_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.message.setText(self.tr("No screen to capture."))
            return
        self.scan_qimage(screen.grabWindow(0).toImage())

    def scan_qimage(self, image: object) -> None:
        if not isinstance(image, QImage) or image.isNull():
            self.message.setText(self.tr("The picture could not be read."))
            return
        picture = qimage_to_pil(image)
        source = self.tr("picture")
        self._again = lambda: self.scan_qimage(image)
        self._verify(lambda options: scan_picture(picture, source=source, options=options))

    def check_again(self) -> None:
        """After the challenge or domain was typed: the same input verified again."""
        if self._again is not None:
            self._again()

    # --- camera --------------------------------------------------------------------------

    def toggle_camera(self) -> None:
        if self._camera.running:
            self.stop_camera()
            return
        try:
            self._camera.start(self.camera_choice.currentData())
        except WalletError as exc:
            show_error(self, exc)
            return
        self.viewfinder.show()
        self.camera_button.setText(self.tr("Stop camera"))

    def _camera_problem(self, text: str) -> None:
        self.message.show()
        self.message.setText(self.tr("The camera cannot be used: %1").replace("%1", text))

    def stop_camera(self) -> None:
        self._camera.stop()
        self.viewfinder.hide()
        self.camera_button.setText(self.tr("Start camera"))

    def feed_frame(self, image: QImage) -> None:
        """One camera frame: shown in the viewfinder, decoded off the GUI thread (one at a
        time; frames that arrive meanwhile are only shown)."""
        if image.isNull():
            return
        self.viewfinder.setPixmap(QPixmap.fromImage(image).scaledToHeight(
            240, Qt.TransformationMode.FastTransformation))
        if self._decoding_frame:
            return
        self._decoding_frame = True
        picture = qimage_to_pil(image)
        self.session.run_network(lambda: read_codes(picture), self._frame_decoded,
                                 self._frame_failed)

    def _frame_decoded(self, texts: list[str]) -> None:
        self._decoding_frame = False
        new = [t for t in texts if t not in self.camera_texts]
        if not new:
            return
        self.camera_texts.extend(new)
        texts_now = list(self.camera_texts)
        source = self.tr("camera")
        self._verify(lambda options: scan_texts(texts_now, source=source, options=options))

    def _frame_failed(self, _exc: BaseException) -> None:
        self._decoding_frame = False

    # --- results -------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.message.setText(self.tr("Nothing could be read."))
        show_error(self, exc)

    def _show(self, outcome: DeskOutcome) -> None:
        scan = outcome.scan
        self.outcome = scan
        self.items = list(outcome.items)
        self.progress.hide()
        self.again_button.setEnabled(self._again is not None)
        if scan.multipart is not None and not scan.credentials:
            self.frames.show()
            self.frames.setMaximum(max(scan.multipart.fragments_total or 0, 1))
            self.frames.setValue(scan.multipart.fragments_known)
        else:
            self.frames.hide()
        if scan.credentials and self._camera.running:
            self.stop_camera()
        lines = list(scan.messages) + [payload.sentence() for _, payload in scan.others]
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))
        self.model.set_items(self.items)
        self.table.setVisible(len(self.items) > 1)
        self.table.resizeColumnsToContents()
        self.show_item(self.items[0] if self.items else None)
        self._set_result_buttons(bool(self.items))

    def _row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_item(self.items[self.proxy.mapToSource(indexes[0]).row()])

    def show_item(self, item: ReceivedItem | None) -> None:
        """One received item below the table: the summary row and a tab per credential."""
        self.current = item
        self.results.clear()
        self.summary.setVisible(item is not None and needs_summary(item))
        if item is None:
            return
        if needs_summary(item):
            self.summary.setText(summary_html(item, self.palette().window().color()))
        lang = self.session.lang
        for number, examined in enumerate(item.credentials, start=1):
            view = DeskCredentialView(examined, lang, lang)
            title = examined.title(lang) or self.tr("Credential %1").replace("%1", str(number))
            if len(title) > TAB_TITLE_CHARACTERS:
                title = title[: TAB_TITLE_CHARACTERS - 1] + "…"
            words = verdict_words(examined.report.status)
            index = self.results.addTab(view, f"{words.symbol} {title}")
            self.results.setTabToolTip(index, examined.title(lang) or title)
        failed = [n for n, c in enumerate(item.credentials) if c.report.status.value == "failed"]
        self.results.setCurrentIndex(failed[0] if failed else 0)  # what went wrong, first

    def _set_result_buttons(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.import_button.setEnabled(enabled)

    def current_report(self) -> ScannedCredential | None:
        return self.current.scanned if self.current is not None else None

    def save_report(self) -> None:
        if self.current_report() is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                              "verification-report.json", "JSON (*.json)")
        if name:
            self.write_report(Path(name))

    def write_report(self, path: Path) -> None:
        scanned = self.current_report()
        if scanned is None:
            return
        try:
            write_report(path, scanned)
        except WalletError as exc:
            show_error(self, exc)

    def import_into_wallet(self) -> None:
        scanned = self.current_report()
        if scanned is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Add to my wallet"),
            self.tr("Add this credential to your own wallet? Do this only for credentials "
                    "that are yours."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        raw = scanned.raw
        self.session.call(lambda repo: import_bytes(repo, raw, source=scanned.source),
                          self._imported)

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        self.message.show()
        if any(o.status == "imported" for o in outcomes):
            self.message.setText(self.tr("Added to your wallet."))
            emit(self.session.changed)
        elif any(o.status == "duplicate" for o in outcomes):
            self.message.setText(self.tr("It is already in your wallet."))
        else:
            problems = [o.error for o in outcomes if o.error]
            self.message.setText(self.tr("It was not added: %1").replace(
                "%1", " ".join(problems) or self.tr("not imported")))

    def reject(self) -> None:
        self.stop_camera()
        super().reject()


def _read_files(paths: list[Path], options: VerifyOptions, control: TaskControl) -> DeskOutcome:
    return read_files(paths, options, progress=control.progress,
                      cancelled=lambda: control.cancelled)
