"""Icons for the main window's commands: the desktop's icon theme where it has every one of
them (freedesktop names), else Kredo's own drawings in ``resources/icons/actions/``.

All from the theme or all Kredo's own: a toolbar that mixed two drawing styles would look
broken. Kredo's drawings are strokes in ``currentColor``, painted in the palette's text colour,
so they stay visible on a dark theme.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from wallet.bundled_resources import resource_path

# Command -> the freedesktop Icon Naming Specification name asked of the theme.
THEME_NAMES: dict[str, str] = {
    "import": "document-open",
    "verify": "security-high",
    "verify_all": "view-refresh",
    "share": "document-send",
    "scan": "camera-photo",
    "stacks": "accessories-calculator",
    "lock": "system-lock-screen",
    "help": "help-contents",
}
PIXMAP_SIZES = (16, 22, 24, 32, 48)


def theme_has_all() -> bool:
    return all(QIcon.hasThemeIcon(name) for name in THEME_NAMES.values())


def bundled_icon(command: str, colour: QColor) -> QIcon:
    """Kredo's own drawing of ``command``, in ``colour``; an empty icon if there is none."""
    path = resource_path("icons", "actions", f"{command}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in PIXMAP_SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def command_icon(command: str, colour: QColor, *, use_theme: bool | None = None) -> QIcon:
    """The icon for ``command``: the theme's when the theme has the whole set."""
    themed = theme_has_all() if use_theme is None else use_theme
    if themed and command in THEME_NAMES:
        return QIcon.fromTheme(THEME_NAMES[command])
    return bundled_icon(command, colour)


def tooltip_with_shortcut(action: QAction, tip: str) -> str:
    """``tip`` with the action's shortcut as the person's keyboard spells it."""
    shortcut = action.shortcut()
    if shortcut.isEmpty():
        return tip
    keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({keys})"
