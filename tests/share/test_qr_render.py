"""Drawing: PNG, SVG, GIF and APNG that zxing-cpp reads back, at error correction level M and
in alphanumeric mode (the version an independent encoder picks for that mode), and the
module matrix the GUI paints."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import qrcode
import zxingcpp
from PIL import Image, ImageDraw, ImageSequence

from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.qr.decode import decode_image, decode_image_bytes
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import (
    QUIET_ZONE,
    frames_apng,
    frames_gif,
    qr_matrix,
    qr_png,
    qr_svg,
    qr_version,
)

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
OB3 = (VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
SYNTHETIC = (VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld").read_bytes()
TEXT = encode_for_qr(OB3).frames[0]


def alphanumeric_version(text: str) -> int:
    """The version python-qrcode needs for ``text`` in alphanumeric mode at level M."""
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    reference.add_data(text, optimize=0)
    reference.make(fit=True)
    assert reference.data_list[0].mode == qrcode.util.MODE_ALPHA_NUM
    return int(reference.version)


def test_png_reads_back_at_level_m_in_alphanumeric_mode() -> None:
    png = qr_png(TEXT)
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert result.text == TEXT
    assert result.ec_level == "M"
    # Byte mode would need a larger symbol: the same version as an alphanumeric encoder.
    assert qr_version(TEXT) == alphanumeric_version(TEXT)


def test_png_size_follows_the_scale_and_keeps_the_quiet_zone() -> None:
    side = 17 + 4 * qr_version(TEXT) + 2 * QUIET_ZONE
    assert Image.open(io.BytesIO(qr_png(TEXT, scale=3))).size == (side * 3, side * 3)
    with pytest.raises(SharingError, match="1 to 64 pixels"):
        qr_png(TEXT, scale=0)


def test_matrix_has_the_finder_patterns_where_the_standard_puts_them() -> None:
    matrix = qr_matrix(TEXT)
    size = len(matrix)
    assert size == 17 + 4 * qr_version(TEXT) and all(len(row) == size for row in matrix)
    finder = [row[:7] for row in matrix[:7]]
    assert finder[0] == [True] * 7 and finder[3] == [True, False, True, True, True, False, True]
    assert [row[size - 7 :] for row in matrix[:7]] == finder
    assert [row[:7] for row in matrix[size - 7 :]] == finder


def test_matrix_painted_by_hand_reads_back() -> None:
    # What the GUI does: paint the modules on a white canvas, 4 pixels each.
    matrix = qr_matrix(TEXT)
    side = (len(matrix) + 2 * QUIET_ZONE) * 4
    canvas = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(canvas)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + QUIET_ZONE) * 4, (y + QUIET_ZONE) * 4
                draw.rectangle((left, top, left + 3, top + 3), fill=0)
    assert decode_image(canvas) == [TEXT]


def test_svg_geometry_reads_back() -> None:
    svg = qr_svg(TEXT).decode("ascii")
    assert svg.startswith("<?xml") and 'shape-rendering="crispEdges"' in svg
    full = int(re.search(r'viewBox="0 0 (\d+) \1"', svg)[1])  # type: ignore[index]
    # Rasterise the path's rectangles (M x y h w v1 h-w z) at 4 pixels per unit.
    canvas = Image.new("L", (full * 4, full * 4), 255)
    draw = ImageDraw.Draw(canvas)
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        left, top = int(x) * 4, int(y) * 4
        draw.rectangle((left, top, left + int(width) * 4 - 1, top + 3), fill=0)
    assert decode_image(canvas) == [TEXT]


@pytest.mark.parametrize(("writer", "magic"), [(frames_gif, b"GIF89a"), (frames_apng, b"\x89PNG")])
def test_animations_hold_every_frame_at_one_size(writer: object, magic: bytes) -> None:
    encoding = encode_for_qr(SYNTHETIC)
    data = writer(encoding.frames, scale=2)  # type: ignore[operator]
    assert data.startswith(magic)
    image = Image.open(io.BytesIO(data))
    sizes = {frame.size for frame in ImageSequence.Iterator(image)}
    assert image.n_frames == len(encoding.frames) and len(sizes) == 1
    assert image.info.get("loop") == 0 and image.info.get("duration") == 200
    assert decode_image_bytes(data) == list(encoding.frames)


def test_text_beyond_one_code_is_refused_before_drawing() -> None:
    with pytest.raises(QrPayloadTooLarge, match="do not fit one QR code"):
        qr_png("A" * 5000)


def test_an_empty_animation_is_refused() -> None:
    with pytest.raises(SharingError, match="no QR frames"):
        frames_gif([])
