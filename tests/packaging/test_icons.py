"""The app icon: one SVG master, and PNGs in every hicolor size that are renderings of it."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops, ImageStat
from pytestqt.qtbot import QtBot

from wallet.app_identity import ICON_NAME, ICON_SIZES
from wallet.bundled_resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
MASTER = resource_path("icons", "kredo.svg")


def _render_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png(size: int) -> Path:
    return resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{ICON_NAME}.png")


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_hicolor_size_is_a_square_transparent_png(size: int) -> None:
    with Image.open(_png(size)) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    # Corners are see-through (the mark is not a tile), and the mark itself is solid.
    assert alpha.getpixel((0, 0)) == 0
    assert alpha.getpixel((size - 1, size - 1)) == 0
    opaque = alpha.histogram()[255]
    assert opaque > size * size // 3


@pytest.mark.parametrize("size", [16, 48, 256])
def test_pngs_are_renderings_of_the_master_svg(size: int, qtbot: QtBot) -> None:
    # GIVEN the SVG drawn again now  WHEN compared with the committed PNG
    fresh = Image.open(io.BytesIO(_render_icons().render_png(MASTER, size))).convert("RGBA")
    with Image.open(_png(size)) as committed:
        difference = ImageChops.difference(fresh, committed.convert("RGBA"))
    # THEN they match (a little anti-aliasing drift between Qt versions is allowed);
    # if this fails, the SVG changed without `python packaging/render_icons.py`
    assert max(ImageStat.Stat(difference).mean) < 2.0


def test_scalable_icon_is_the_master() -> None:
    scalable = resource_path("icons", "hicolor", "scalable", "apps", f"{ICON_NAME}.svg")
    assert scalable.read_bytes() == MASTER.read_bytes()


def test_master_is_a_square_svg_qt_can_draw(qtbot: QtBot) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(MASTER))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    assert box.width() == box.height() == 512
