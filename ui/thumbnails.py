"""Thumbnails for the cards, made on the worker: the badge image or the first EDC page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from wallet.formats import parse_credential
from wallet.store.repository import CredentialRepository

THUMBNAIL_PIXELS = 112  # twice the painted size, for high-DPI screens


def load_thumbnail(repository: CredentialRepository, credential_id: int) -> QImage | None:
    credential = parse_credential(repository.get(credential_id).raw)
    for role in ("badge", "page", "logo"):
        for picture in credential.view.images:
            if picture.role != role or picture.data is None:
                continue
            image = QImage.fromData(picture.data)
            if not image.isNull():
                return image.scaled(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS,
                                    Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
    return None
