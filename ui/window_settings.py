"""Where the main window remembers its size, position and pane widths between starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

_GEOMETRY = "main-window/geometry"
_STATE = "main-window/state"
_SPLITTER = "main-window/splitter"


SETTINGS_FILE = "kredo-gui.ini"


def window_settings(home: Path) -> QSettings:
    """A plain INI file beside the wallet (never inside its encrypted database): where windows
    were is no secret, and each wallet folder remembers its own."""
    return QSettings(str(home / SETTINGS_FILE), QSettings.Format.IniFormat)


def save_geometry(window: QMainWindow, home: Path) -> None:
    settings = window_settings(home)
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    splitter = window.findChild(QSplitter, "main-splitter")
    if splitter is not None:
        settings.setValue(_SPLITTER, splitter.saveState())
    settings.sync()


def restore_geometry(window: QMainWindow, home: Path) -> bool:
    """Put the window back where it was; False (and the default size kept) the first time."""
    settings = window_settings(home)
    geometry = settings.value(_GEOMETRY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        return False
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    splitter = window.findChild(QSplitter, "main-splitter")
    saved = settings.value(_SPLITTER)
    if splitter is not None and isinstance(saved, QByteArray):
        splitter.restoreState(saved)
    return True
