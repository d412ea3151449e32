"""Draw QR codes: the module matrix (the GUI paints from it), PNG and SVG for one code,
animated GIF and APNG for the frames of a multi-part code.

Codes are made by zxing-cpp's writer at error correction level M; it picks alphanumeric mode
for our upper-case texts by itself (about ten times faster than a pure-Python encoder, which
matters for an animation of 170 frames). All frames of an animation share one QR version, so
the picture does not jump between sizes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import zxingcpp
from PIL import Image

from wallet.errors import QrPayloadTooLarge, SharingError
from wallet.translation import grouped, tr

ERROR_CORRECTION = "M"
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 requires
FRAME_MS = 200  # 5 frames a second: phone scanners keep up, a 170-frame loop takes 34 s
DEFAULT_SCALE = 8
DEFAULT_FRAME_SCALE = 5
_PALETTE = [255, 255, 255, 0, 0, 0]
_TO_INDEX = bytes(1 if value < 128 else 0 for value in range(256))


def qr_matrix(text: str, *, version: int | None = None) -> list[list[bool]]:
    """The code's modules without the quiet zone, row by row; True is dark."""
    size, pixels = _modules(text, version)
    return [[pixels[y * size + x] == 0 for x in range(size)] for y in range(size)]


def qr_version(text: str) -> int:
    size, _ = _modules(text, None)
    return (size - 17) // 4


def qr_png(text: str, *, scale: int = DEFAULT_SCALE) -> bytes:
    out = io.BytesIO()
    _image(text, scale=scale, version=None).save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_svg(text: str) -> bytes:
    size, pixels = _modules(text, None)
    full = size + 2 * QUIET_ZONE
    runs: list[str] = []
    for y in range(size):
        x = 0
        while x < size:
            if pixels[y * size + x] == 0:
                start = x
                while x < size and pixels[y * size + x] == 0:
                    x += 1
                runs.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {full} {full}" '
        f'width="{full * 4}" height="{full * 4}" shape-rendering="crispEdges">'
        f'<rect width="{full}" height="{full}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    )
    return svg.encode("ascii")


def frames_gif(frames: Sequence[str], *, scale: int = DEFAULT_FRAME_SCALE) -> bytes:
    # One bit per pixel: GIF's LZW then codes 1-bit symbols (a third smaller than paletted).
    images = [
        image.convert("1", dither=Image.Dither.NONE) for image in _frame_images(frames, scale)
    ]
    out = io.BytesIO()
    images[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=FRAME_MS,
        loop=0,
        disposal=1,
    )
    return out.getvalue()


def frames_apng(frames: Sequence[str], *, scale: int = DEFAULT_FRAME_SCALE) -> bytes:
    images = _frame_images(frames, scale)
    out = io.BytesIO()
    images[0].save(
        out,
        format="PNG",
        save_all=True,
        append_images=images[1:],
        duration=FRAME_MS,
        loop=0,
        default_image=False,
    )
    return out.getvalue()


def _frame_images(frames: Sequence[str], scale: int) -> list[Image.Image]:
    if not frames:
        raise SharingError(tr("There are no QR frames to animate."))
    version = qr_version(max(frames, key=len))
    return [_image(frame, scale=scale, version=version) for frame in frames]


def _image(text: str, *, scale: int, version: int | None) -> Image.Image:
    if not 1 <= scale <= 64:
        raise SharingError(
            tr("A QR module must be 1 to 64 pixels wide (asked: {asked}).", asked=scale)
        )
    size, pixels = _modules(text, version)
    # Paletted (index 0 light, 1 dark): GIF and PNG store it as it is, nothing to quantize.
    image = Image.frombytes("P", (size, size), pixels.translate(_TO_INDEX))
    full = size + 2 * QUIET_ZONE
    framed = Image.new("P", (full, full), 0)
    framed.putpalette(_PALETTE)
    framed.paste(image, (QUIET_ZONE, QUIET_ZONE))
    return framed.resize((full * scale, full * scale), Image.Resampling.NEAREST)


def _modules(text: str, version: int | None) -> tuple[int, bytes]:
    """Side length and one byte per module (0 dark, 255 light), without the quiet zone."""
    options: dict[str, object] = {"ec_level": ERROR_CORRECTION}
    if version is not None:
        options["version"] = version
    try:
        barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, **options)
    except ValueError as exc:
        raise QrPayloadTooLarge(
            tr(
                "{chars} characters do not fit one QR code at error correction level M.",
                chars=grouped(len(text)),
            ),
            details=str(exc),
        ) from None
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    view = memoryview(image)  # type: ignore[arg-type]  # a buffer; the stub does not say so
    size = view.shape[0] if view.shape else 0
    return size, view.tobytes()
