"""Render the app icon (``resources/icons/kredo.svg``) into every size and format that ships.

- ``resources/icons/hicolor/<n>x<n>/apps/<app id>.png`` for the freedesktop icon theme sizes,
  and ``hicolor/scalable/apps/<app id>.svg`` (a byte copy of the master);
- ``packaging/windows/kredo.ico`` (16–256) and ``packaging/macos/kredo.icns`` (16–1024).

Run it after editing the SVG: ``python packaging/render_icons.py``. It renders with Qt's own SVG
renderer, the one the app draws with, offscreen, so it needs no display and no extra tools.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wallet.app_identity import ICON_NAME, ICON_SIZES  # noqa: E402

MASTER = ROOT / "resources" / "icons" / "kredo.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
WINDOWS_ICO = ROOT / "packaging" / "windows" / "kredo.ico"
MACOS_ICNS = ROOT / "packaging" / "macos" / "kredo.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent ``size``×``size`` PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.exit(f"{svg.name} is not an SVG that Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def hicolor_png(size: int, root: Path = HICOLOR) -> Path:
    return root / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def hicolor_svg(root: Path = HICOLOR) -> Path:
    return root / "scalable" / "apps" / f"{ICON_NAME}.svg"


def main() -> None:
    from PIL import Image  # noqa: PLC0415

    rendered: dict[int, bytes] = {}
    for size in sorted({*ICON_SIZES, *ICO_SIZES, *ICNS_SIZES}):
        rendered[size] = render_png(MASTER, size)
    for size in ICON_SIZES:
        target = hicolor_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered[size])
    hicolor_svg().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, hicolor_svg())

    def image(size: int) -> Image.Image:
        return Image.open(io.BytesIO(rendered[size])).convert("RGBA")

    WINDOWS_ICO.parent.mkdir(parents=True, exist_ok=True)
    image(256).save(
        WINDOWS_ICO,
        format="ICO",
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=[image(n) for n in ICO_SIZES[:-1]],
    )
    MACOS_ICNS.parent.mkdir(parents=True, exist_ok=True)
    image(1024).save(
        MACOS_ICNS, format="ICNS", append_images=[image(n) for n in ICNS_SIZES[:-1]]
    )
    print(f"Rendered {len(ICON_SIZES)} hicolor sizes, {WINDOWS_ICO.name} and {MACOS_ICNS.name}.")


if __name__ == "__main__":
    main()
