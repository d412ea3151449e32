"""The About box: version, Python, Qt, SQLCipher, and the dates of the bundled material."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from wallet.app.version_info import version_lines


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(box.tr("About Kredo"))
    box.setText(box.tr("<b>Kredo</b> — a learner-owned wallet for micro-credentials."))
    box.setInformativeText("<br>".join(escape(line) for line in version_lines()))
    box.open()
    return box
