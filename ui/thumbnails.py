"""Pictures of credentials: thumbnails for the cards, the clickable pictures of the detail
panel, and decoding with a bound on size.

The worker finds the picture's bytes (:func:`wallet.app.credentials.credential_picture`: badge
image or first EDC page); the GUI thread turns them into images. Qt image objects are made on
the GUI thread only: PySide6 6.12 crashed intermittently when the worker built and scaled them.

A credential is someone else's file: a page image of a few kilobytes may claim to be 100,000
pixels square and would take gigabytes to decode (a decompression bomb). :func:`bounded_image`
reads the dimensions from the image's header first and refuses more than
:data:`MAX_IMAGE_PIXELS` before decoding anything.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal
from PySide6.QtGui import QFocusEvent, QImage, QImageReader, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from ui.signal_emit import emit
from wallet.errors import InputTooLarge, MalformedCredential

THUMBNAIL_PIXELS = 112  # twice the painted size, for high-DPI screens
# An A4 page scanned at 600 dpi is 35 million pixels; 40 million decode to 160 MB (32-bit).
MAX_IMAGE_PIXELS = 40_000_000
_ALLOCATION_LIMIT_MB = 4 * MAX_IMAGE_PIXELS // 1_000_000 + 1


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height as the image's header states them, without decoding it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    size = QImageReader(buffer).size()
    return (size.width(), size.height()) if size.isValid() else None


def bounded_image(data: bytes, *, max_pixels: int = MAX_IMAGE_PIXELS) -> QImage:
    """The decoded image, or :class:`InputTooLarge` when its header claims more than
    ``max_pixels`` (nothing decoded), :class:`MalformedCredential` when it is no image Qt reads."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    # Qt's own backstop for formats whose header gives no size.
    reader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
    size = reader.size()
    if size.isValid() and size.width() * size.height() > max_pixels:
        raise InputTooLarge(
            QCoreApplication.translate(
                "PageImage", "This image claims to be %1 × %2 pixels, more than Kredo opens "
                "(%3 million); it was not opened.")
            .replace("%1", str(size.width())).replace("%2", str(size.height()))
            .replace("%3", str(max_pixels // 1_000_000)),
            details=f"header size {size.width()}x{size.height()}",
        )
    image = reader.read()
    if image.isNull():
        raise MalformedCredential(
            QCoreApplication.translate("PageImage", "This image could not be read."),
            details=reader.errorString())
    return image


def readable_image(data: bytes) -> QImage | None:
    """The decoded image, or None when it is refused or unreadable (a picture left out)."""
    try:
        return bounded_image(data)
    except (InputTooLarge, MalformedCredential):
        return None


def thumbnail_image(data: bytes | None) -> QImage | None:
    """The small image for a card (GUI thread); None for no picture, one refused, or one of a
    single colour (an EDC's placeholder page: the card shows its format's tile instead of an
    empty grey box)."""
    image = None if data is None else readable_image(data)
    if image is None:
        return None
    small = image.scaled(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return None if is_blank(small) else small


def is_blank(image: QImage) -> bool:
    """Every pixel of one colour: a picture that shows nothing."""
    pixels = image.convertToFormat(QImage.Format.Format_ARGB32)  # 4 bytes a pixel, no padding
    raw = bytes(pixels.constBits())
    return len(raw) >= 4 and raw == raw[:4] * (len(raw) // 4)


class ClickablePicture(QLabel):
    """A picture in the detail panel that opens full size: a click, or Enter or Space when it
    has the keyboard focus, emits ``activated``."""

    activated = Signal()

    def __init__(self, image: QImage, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPixmap(QPixmap.fromImage(image).scaledToHeight(
            height, Qt.TransformationMode.SmoothTransformation))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Open full size (Enter)"))
        self.setFrameShape(QLabel.Shape.NoFrame)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            emit(self.activated)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            emit(self.activated)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setFrameShape(QLabel.Shape.Box)  # where the keyboard is, visibly
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setFrameShape(QLabel.Shape.NoFrame)
        super().focusOutEvent(event)
