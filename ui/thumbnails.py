"""Thumbnails for the cards: the worker finds the picture's bytes
(:func:`wallet.app.credentials.credential_picture`: badge image or first EDC page); the GUI
thread turns them into a small image. Qt image objects are made on the GUI thread only:
PySide6 6.12 crashed intermittently when the worker built and scaled them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

THUMBNAIL_PIXELS = 112  # twice the painted size, for high-DPI screens


def thumbnail_image(data: bytes | None) -> QImage | None:
    """The small image for a card (GUI thread)."""
    if data is None:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
