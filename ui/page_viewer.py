"""A credential's pictures full size: an EDC's official pages (or a badge image) in a window
of their own, fitted to the window at first, with zoom, 100 % and the previous and next page.

Keys: Ctrl+plus / Ctrl+minus (or Ctrl and the mouse wheel) zoom, Ctrl+0 shows 100 %, Ctrl+9
fits the window again, Page Up / Page Down (or Alt+Left / Alt+Right) change the page, Esc
closes. Images are decoded with :func:`ui.thumbnails.bounded_image`: a page whose header
claims a gigantic size is refused with a sentence, never decoded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.thumbnails import bounded_image
from wallet.errors import WalletError

ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 8.0


@dataclass(frozen=True)
class PagePicture:
    """One picture to show: its encoded bytes and what it is ("Page 1", "Badge image")."""

    data: bytes
    label: str


class PageViewer(QDialog):
    """The pictures of one credential, one at a time, full size."""

    def __init__(self, pictures: Sequence[PagePicture], start: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credential page"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pictures = list(pictures)
        self.index = min(max(start, 0), max(len(self.pictures) - 1, 0))
        self.image: QImage | None = None
        self.fit = True  # fitted to the window until the learner zooms
        self.zoom = 1.0

        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setAccessibleName(self.tr("Page image"))
        self.canvas.setTextFormat(Qt.TextFormat.PlainText)
        self.canvas.setWordWrap(True)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.setWidgetResizable(False)
        self.scroller.viewport().installEventFilter(self)

        self.previous = self._button(self.tr("◀ Previous"), self.tr("Previous page"),
                                     lambda: self.show_page(self.index - 1))
        self.next = self._button(self.tr("Next ▶"), self.tr("Next page"),
                                 lambda: self.show_page(self.index + 1))
        self.zoom_out = self._button(self.tr("−"), self.tr("Zoom out"), self.zoom_out_step)
        self.zoom_in = self._button(self.tr("+"), self.tr("Zoom in"), self.zoom_in_step)
        self.actual = self._button(self.tr("100 %"), self.tr("Actual size"), self.actual_size)
        self.fit_button = self._button(self.tr("Fit"), self.tr("Fit to window"),
                                       self.fit_to_window)
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Page number"))
        self.scale_label = QLabel()
        self.scale_label.setAccessibleName(self.tr("Zoom level"))
        bar = QHBoxLayout()
        for widget in (self.previous, self.position, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.scale_label, self.zoom_in, self.actual,
                       self.fit_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in_step),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out_step),
            (QKeySequence("Ctrl+="), self.zoom_in_step),
            (QKeySequence("Ctrl+0"), self.actual_size),
            (QKeySequence("Ctrl+9"), self.fit_to_window),
            (QKeySequence("PgDown"), lambda: self.show_page(self.index + 1)),
            (QKeySequence("Alt+Right"), lambda: self.show_page(self.index + 1)),
            (QKeySequence("PgUp"), lambda: self.show_page(self.index - 1)),
            (QKeySequence("Alt+Left"), lambda: self.show_page(self.index - 1)),
        ):
            QShortcut(keys, self, slot)
        several = len(self.pictures) > 1
        for widget in (self.previous, self.next, self.position):
            widget.setVisible(several)
        self.resize(900, 1000)
        self.show_page(self.index)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- pages -------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if not self.pictures or not 0 <= index < len(self.pictures):
            return
        self.index = index
        picture = self.pictures[index]
        try:
            self.image = bounded_image(picture.data)
        except WalletError as exc:
            self.image = None
            self.canvas.setPixmap(QPixmap())
            self.canvas.setText(exc.message)
            self.canvas.adjustSize()
        self.fit = True
        self.position.setText(self.tr("%1 of %2").replace("%1", str(index + 1))
                              .replace("%2", str(len(self.pictures))))
        self.setWindowTitle(picture.label)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.pictures) - 1)
        for button in (self.zoom_in, self.zoom_out, self.actual, self.fit_button):
            button.setEnabled(self.image is not None)
        self._render()

    # --- zoom --------------------------------------------------------------------------------

    def fit_scale(self) -> float:
        """The scale at which the whole page fits the window (never enlarged past 100 %)."""
        if self.image is None or self.image.isNull():
            return 1.0
        room = self.scroller.viewport().size()
        scale = min(room.width() / self.image.width(), room.height() / self.image.height())
        return min(max(scale, MIN_ZOOM), 1.0)

    def scale(self) -> float:
        return self.fit_scale() if self.fit else self.zoom

    def zoom_in_step(self) -> None:
        self._set_zoom(self.scale() * ZOOM_STEP)

    def zoom_out_step(self) -> None:
        self._set_zoom(self.scale() / ZOOM_STEP)

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def fit_to_window(self) -> None:
        self.fit = True
        self._render()

    def _set_zoom(self, zoom: float) -> None:
        if self.image is None:
            return
        self.fit = False
        self.zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self._render()

    def _render(self) -> None:
        if self.image is None:
            self.scale_label.setText("")
            return
        scale = self.scale()
        width = max(1, round(self.image.width() * scale))
        height = max(1, round(self.image.height() * scale))
        self.canvas.setPixmap(QPixmap.fromImage(self.image).scaled(
            width, height, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.canvas.resize(width, height)
        self.scale_label.setText(f"{round(scale * 100)} %")

    # --- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl and the mouse wheel zoom; the wheel alone scrolls as usual. A fitted page
        follows the viewport's size."""
        if event.type() == QEvent.Type.Resize and self.fit:
            self._render()
        if (event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if event.angleDelta().y() > 0:
                self.zoom_in_step()
            elif event.angleDelta().y() < 0:
                self.zoom_out_step()
            return True
        return super().eventFilter(watched, event)
