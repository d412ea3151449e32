"""The toolbar: an icon and a word for each command, tooltips that name the shortcut; the
desktop's icons when its theme has the whole set, else Kredo's own, never a mix."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence
from PySide6.QtWidgets import QToolButton

from ui.main_window import MainWindow
from ui.toolbar_icons import THEME_NAMES, bundled_icon, command_icon, theme_has_all
from wallet.bundled_resources import resource_path


def test_each_toolbar_command_has_an_icon_a_word_and_its_shortcut(window: MainWindow) -> None:
    # GIVEN the main window's toolbar
    bar = window.toolbar
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    actions = bar.actions()
    assert window.act_import in actions and window.act_lock in actions
    for action in actions:
        # THEN every command shows an icon and a word beside it
        assert not action.icon().isNull(), action.text()
        button = bar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.text().strip(), action.text()
        # AND its tooltip says which keys do the same
        if not action.shortcut().isEmpty():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            assert action.toolTip().endswith(f"({keys})"), action.toolTip()
    assert window.act_import.toolTip() == "Import credential files or folders (Ctrl+O)"
    assert window.act_lock.toolTip() == "Lock the wallet now (Ctrl+L)"


def test_kredo_draws_its_icons_in_the_colour_it_is_given(qapp: object) -> None:
    ink = QColor("#1a5fb4")
    for command in THEME_NAMES:
        # GIVEN Kredo's own drawing of the command, asked for in the palette's text colour
        image = bundled_icon(command, ink).pixmap(24, 24).toImage()
        solid = Counter(
            image.pixelColor(x, y).name()
            for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        )
        # THEN it is a real drawing (strokes, not a blank square) in that colour only
        assert sum(solid.values()) >= 25, command
        assert set(solid) == {ink.name()}, (command, solid.most_common(3))


def _write_theme(root: Path, name: str, names: list[str]) -> None:
    """A small freedesktop icon theme on disk holding ``names``."""
    actions = root / name / "scalable" / "actions"
    actions.mkdir(parents=True)
    (root / name / "index.theme").write_text(
        f"[Icon Theme]\nName={name}\nDirectories=scalable/actions\n\n"
        "[scalable/actions]\nSize=24\nMinSize=8\nMaxSize=512\nType=Scalable\n",
        encoding="utf-8")
    for icon_name in names:
        shutil.copy(resource_path("icons", "actions", "import.svg"), actions / f"{icon_name}.svg")


@pytest.fixture
def themes(tmp_path: Path, qapp: object) -> Iterator[None]:
    """Two desktop themes: one with every icon Kredo asks for, one lacking one of them."""
    every = list(THEME_NAMES.values())
    _write_theme(tmp_path, "kredo-complete", every)
    _write_theme(tmp_path, "kredo-partial", [n for n in every if n != THEME_NAMES["stacks"]])
    paths, name, fallback = QIcon.themeSearchPaths(), QIcon.themeName(), QIcon.fallbackThemeName()
    QIcon.setThemeSearchPaths([str(tmp_path)])
    QIcon.setFallbackThemeName("")
    yield
    QIcon.setThemeSearchPaths(paths)
    QIcon.setFallbackThemeName(fallback)
    QIcon.setThemeName(name)


def test_the_desktop_theme_is_used_only_when_it_has_every_icon(themes: None) -> None:
    # GIVEN a desktop theme with every freedesktop name Kredo asks for
    QIcon.setThemeName("kredo-complete")
    # THEN its icons are used
    assert theme_has_all()
    assert command_icon("import", QColor("black")).name() == "document-open"
    # WHEN the desktop's theme lacks one of them
    QIcon.setThemeName("kredo-partial")
    # THEN Kredo draws all of them itself, so the toolbar is of one style
    assert not theme_has_all()
    assert command_icon("import", QColor("black")).name() == ""
    assert not command_icon("import", QColor("black")).isNull()
