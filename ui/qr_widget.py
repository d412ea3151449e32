"""Paints a QR code from the core's module matrix; an animated code cycles its frames."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from wallet.qr.render import FRAME_MS, qr_matrix

QUIET = 4


def matrix_image(text: str) -> QImage:
    """One QR frame as a 1-pixel-per-module image (scaled without smoothing when painted).

    Built from bytes: ``QImage.setPixel`` in a loop is slow and, in PySide6 6.12, corrupts
    the reference count of None when called many times.
    """
    matrix = qr_matrix(text)
    size = len(matrix) + 2 * QUIET
    white_row = b"\xff" * size
    rows = [white_row] * QUIET
    margin = b"\xff" * QUIET
    for row in matrix:
        rows.append(margin + bytes(0 if dark else 255 for dark in row) + margin)
    rows += [white_row] * QUIET
    data = b"".join(rows)
    return QImage(data, size, size, size, QImage.Format.Format_Grayscale8).copy()


class QrWidget(QWidget):
    """Shows one code, or cycles the frames of a multi-part code (BC-UR fountain frames)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frames: list[QImage] = []
        self._shown = 0
        self._timer = QTimer(self, interval=FRAME_MS)  # the rate the scan estimate assumes
        self._timer.timeout.connect(self._next)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("QR code"))

    def set_frames(self, frames: Sequence[QImage]) -> None:
        self._frames = list(frames)
        self._shown = 0
        if len(self._frames) > 1:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    @property
    def frame_count(self) -> int:
        return len(self._frames)

    def current_frame(self) -> QImage | None:
        return self._frames[self._shown] if self._frames else None

    def _next(self) -> None:
        self._shown = (self._shown + 1) % len(self._frames)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        frame = self.current_frame()
        if frame is None:
            return
        side = min(self.width(), self.height())
        scale = max(side // frame.width(), 1)
        drawn = frame.width() * scale
        target = QRect((self.width() - drawn) // 2, (self.height() - drawn) // 2, drawn, drawn)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, frame)
        if len(self._frames) > 1:
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(self.rect().adjusted(4, 4, -4, -4),
                             Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                             f"{self._shown + 1}/{len(self._frames)}")
