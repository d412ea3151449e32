"""The one place the GUI shows errors: a sentence for the person, details on demand."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from wallet.errors import UserCancelled, WalletError
from wallet.terminal_text import printable

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show ``error`` to the user; ``UserCancelled`` is silent, unexpected errors are logged."""
    if isinstance(error, UserCancelled):
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("Kredo"))
    # A sentence may quote a credential or a server: never let it be read as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    if isinstance(error, WalletError):
        box.setText(printable(error.message))
        if error.details:
            box.setDetailedText(error.details)
    else:
        log.error("unexpected error", exc_info=error)
        box.setText(box.tr("Something went wrong that Kredo did not expect. Nothing was lost."))
        box.setDetailedText(f"{type(error).__name__}: {error}")
    box.setAccessibleName(box.tr("Error"))
    if parent is None:
        box.exec()
        return
    # Window-modal and non-blocking: background work keeps reporting while the box is open.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
