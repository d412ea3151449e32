"""Thumbnails for the cards: the worker finds the picture's bytes (badge image or first EDC
page); the GUI thread turns them into a small image. Qt image objects are made on the GUI
thread only: PySide6 6.12 crashed intermittently when the worker built and scaled them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from wallet.formats import parse_credential
from wallet.store.repository import CredentialRepository

THUMBNAIL_PIXELS = 112  # twice the painted size, for high-DPI screens


def thumbnail_bytes(repository: CredentialRepository, credential_id: int) -> bytes | None:
    """The encoded picture to show for a credential, if it carries one (runs on the worker)."""
    credential = parse_credential(repository.get(credential_id).raw)
    for role in ("badge", "page", "logo"):
        for picture in credential.view.images:
            if picture.role == role and picture.data is not None:
                return picture.data
    return None


def thumbnail_image(data: bytes | None) -> QImage | None:
    """The small image for a card (GUI thread)."""
    if data is None:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)
