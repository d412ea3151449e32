"""“Verify someone else's credential”: scan a QR (camera, image, PDF, clipboard, screen) or open
a file, and see the verification report check by check. Nothing is imported unless asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.session import WalletSession
from ui.verify_panel import VerifyPanel
from wallet.app.importing import ImportOutcome, import_bytes
from wallet.app.scanning import (
    ScannedCredential,
    VerifiedScan,
    read_codes,
    scan_files,
    scan_picture,
    scan_texts,
    write_report,
)
from wallet.app.verifying import VerifyRequest, verify_options
from wallet.errors import SharingError, WalletError
from wallet.store.repository import CredentialRepository
from wallet.verify.options import VerifyOptions


def _wallet_options(repo: CredentialRepository) -> VerifyOptions:
    """The wallet's trust (its issuers and registries), offline: read on the database lane."""
    return verify_options(VerifyRequest(), settings=repo)


def qimage_to_pil(image: QImage) -> Image.Image:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    return Image.frombytes("L", (grey.width(), grey.height()), data, "raw", "L",
                           grey.bytesPerLine())


class ScanDialog(QDialog):
    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Verify someone else's credential"))
        self.camera_texts: list[str] = []
        self.outcome: VerifiedScan | None = None
        self._camera: object | None = None
        self._decoding_frame = False
        self._scans = 0  # scans asked for; only the latest one's outcome is shown

        intro = QLabel(self.tr(
            "Scan the QR code an applicant shows you, or open the file they sent. Kredo checks "
            "it here, offline; it is not added to your wallet unless you ask."))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open image, PDF or file…"))
        self.open_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(self.tr("Paste image"))
        self.paste_button.clicked.connect(self.paste)
        self.screen_button = QPushButton(self.tr("Capture the screen"))
        self.screen_button.clicked.connect(self.capture_screen)
        self.camera_choice = QComboBox()
        self.camera_choice.setAccessibleName(self.tr("Camera"))
        self.camera_button = QPushButton(self.tr("Start camera"))
        self.camera_button.clicked.connect(self.toggle_camera)
        for widget in (self.open_button, self.paste_button, self.screen_button,
                       self.camera_choice, self.camera_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)

        self.viewfinder = QLabel()
        self.viewfinder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.viewfinder.setMinimumHeight(0)
        self.viewfinder.hide()
        self.frames = QProgressBar()
        self.frames.setAccessibleName(self.tr("Frames of a multi-part code"))
        self.frames.setFormat(self.tr("%v of %m parts"))
        self.frames.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.results = QTabWidget()
        self.results.setAccessibleName(self.tr("Verification reports"))
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.clicked.connect(self.save_report)
        self.import_button = QPushButton(self.tr("Add to my wallet…"))
        self.import_button.clicked.connect(self.import_into_wallet)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.viewfinder)
        layout.addWidget(self.frames)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self._set_result_buttons(False)
        self._list_cameras()
        self.resize(760, 640)

    # --- inputs ------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open"), "",
            self.tr("Images, PDFs and credentials (*.png *.jpg *.jpeg *.gif *.webp *.pdf "
                    "*.json *.jsonld *.jwt *.vc);;All files (*)"))
        if files:
            self.scan_paths([Path(f) for f in files])

    def scan_paths(self, paths: list[Path]) -> None:
        self.message.setText(self.tr("Reading…"))
        self._verify(lambda options: scan_files(paths, options))

    def _verify(self, scan: Callable[[VerifyOptions], VerifiedScan]) -> None:
        """Read the wallet's trust (issuers, registries) on the database lane, then scan and
        verify on the network lane: decoding pictures never holds up the database. Scans of
        camera frames may finish out of order there: an older one's outcome is dropped."""
        self._scans += 1
        number = self._scans
        self.session.call_networked(
            _wallet_options, scan,
            lambda outcome: self._show(outcome) if number == self._scans else None,
            lambda exc: self._failed(exc) if number == self._scans else None)

    def paste(self) -> None:
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.message.setText(self.tr("The clipboard holds no picture."))
            return
        self.scan_qimage(image)

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
        self._verify(lambda options: scan_picture(picture, source=source, options=options))

    # --- camera ------------------------------------------------------------------------

    def _list_cameras(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            devices = []
        else:
            devices = list(QMediaDevices.videoInputs())
        for device in devices:
            self.camera_choice.addItem(device.description(), device)
        if not devices:
            self.camera_choice.addItem(self.tr("No camera found"))
        self.camera_choice.setEnabled(bool(devices))
        self.camera_button.setEnabled(bool(devices))

    def toggle_camera(self) -> None:
        if self._camera is not None:
            self.stop_camera()
            return
        try:
            from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

            camera = QCamera(self.camera_choice.currentData())
            capture = QMediaCaptureSession(self)
            sink = QVideoSink(self)
            capture.setCamera(camera)
            capture.setVideoSink(sink)
            sink.videoFrameChanged.connect(lambda frame: self.feed_frame(frame.toImage()))
            camera.errorOccurred.connect(
                lambda _error, text: self.message.setText(
                    self.tr("The camera cannot be used: %1").replace("%1", text)))
            camera.start()
        except Exception as exc:  # a missing or busy camera must not break the dialog
            show_error(self, SharingError(self.tr("The camera could not be started."),
                                          details=str(exc)))
            return
        self._camera = (camera, capture, sink)
        self.viewfinder.show()
        self.camera_button.setText(self.tr("Stop camera"))

    def stop_camera(self) -> None:
        if self._camera is not None:
            camera = self._camera[0]  # type: ignore[index]
            camera.stop()
            self._camera = None
        self.viewfinder.hide()
        self.camera_button.setText(self.tr("Start camera"))

    def feed_frame(self, image: QImage) -> None:
        """One camera frame: shown in the viewfinder, decoded off the GUI thread (one at a
        time; frames that arrive meanwhile are only shown)."""
        if image.isNull():
            return
        self.viewfinder.setPixmap(_scaled_pixmap(image))
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

    # --- results -----------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("Nothing could be read."))
        show_error(self, exc)

    def _show(self, outcome: VerifiedScan) -> None:
        self.outcome = outcome
        if outcome.multipart is not None and not outcome.credentials:
            self.frames.show()
            self.frames.setMaximum(max(outcome.multipart.fragments_total or 1, 1))
            self.frames.setValue(outcome.multipart.fragments_known)
        else:
            self.frames.hide()
        lines = list(outcome.messages) + [payload.sentence() for _, payload in outcome.others]
        if outcome.credentials and self._camera is not None:
            self.stop_camera()
        self.message.setText("\n".join(lines))
        self.results.clear()
        for number, scanned in enumerate(outcome.credentials, start=1):
            panel = VerifyPanel(with_buttons=False)
            panel.show_report(scanned.report)
            panel.when.setText(self.tr("From %1, checked just now (offline).")
                               .replace("%1", scanned.source))
            self.results.addTab(panel, self.tr("Credential %1").replace("%1", str(number)))
        self._set_result_buttons(bool(outcome.credentials))

    def _set_result_buttons(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.import_button.setEnabled(enabled)

    def current_report(self) -> ScannedCredential | None:
        if self.outcome is None or not self.outcome.credentials:
            return None
        return self.outcome.credentials[max(self.results.currentIndex(), 0)]

    def save_report(self) -> None:
        scanned = self.current_report()
        if scanned is None:
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
        if any(o.status == "imported" for o in outcomes):
            self.message.setText(self.tr("Added to your wallet."))
            self.session.changed.emit()
        elif any(o.status == "duplicate" for o in outcomes):
            self.message.setText(self.tr("It is already in your wallet."))
        else:
            problems = [o.error for o in outcomes if o.error]
            self.message.setText(self.tr("It was not added: %1").replace(
                "%1", " ".join(problems) or self.tr("not imported")))

    def reject(self) -> None:
        self.stop_camera()
        super().reject()


def _scaled_pixmap(image: QImage) -> QPixmap:
    return QPixmap.fromImage(image).scaledToHeight(240, Qt.TransformationMode.FastTransformation)
