"""Image → every QR text in it, with zxing-cpp (never a camera here: the GUI hands frames in).

Each frame of an image (an animated GIF or APNG has many) is tried in this order until one
attempt reads at least one code: as it is, greyscale with stretched contrast, scaled up
(small images) or down (large ones), and inverted (light modules on a dark background).
Every code zxing-cpp finds in a successful attempt is returned, in reading order.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import zxingcpp
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from wallet.errors import FormatError, InputTooLarge, MalformedCredential
from wallet.translation import grouped, tr, tr_n

# 64 megapixels: a 300 dpi A3 scan is 35; more is a decompression bomb, not a photo.
MAX_IMAGE_PIXELS = 64_000_000
# Frames read from one animated image (an animation Kredo writes has at most 2,000), and the
# pixels of all its frames together (Kredo's 170-frame EDC animation has 66 million).
MAX_ANIMATION_FRAMES = 5000
MAX_ANIMATION_PIXELS = 1_000_000_000
SMALL_SIDE = 400  # below this, try the image twice as large
LARGE_SIDE = 2000  # above this, try it half as large
_QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def decode_image_bytes(data: bytes) -> list[str]:
    """Every QR text in a PNG, JPEG, GIF, WebP, BMP or TIFF image (all frames of an
    animation); an empty list when the image holds no readable code."""
    return decode_image(open_image(data))


def open_image(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise FormatError(tr("This file is not an image Kredo can read.")) from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels() from None
    except (OSError, ValueError, SyntaxError) as exc:  # Pillow's words for a damaged header
        raise MalformedCredential(tr("The image is damaged."), details=str(exc)) from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(
            tr("{width} × {height} pixels", width=width, height=height)
        )
    return image


def _too_many_pixels(size: str | None = None) -> InputTooLarge:
    """``size`` (a ``tr()`` phrase) says how large the image is; by default "larger than that"."""
    return InputTooLarge(tr(
        "Kredo reads images of at most {limit} megapixels; this one is {size}.",
        limit=MAX_IMAGE_PIXELS // 1_000_000, size=size or tr("larger than that"),
    ))


def decode_image(image: Image.Image) -> list[str]:
    texts: list[str] = []
    for frame in _frames(image):
        for text in decode_frame(frame):
            if text not in texts:
                texts.append(text)
    return texts


def decode_frame(frame: Image.Image) -> list[str]:
    """The QR texts of one still picture."""
    for attempt in _attempts(frame):
        results = zxingcpp.read_barcodes(
            attempt,
            formats=_QR_ONLY,
            try_rotate=True,
            try_downscale=True,
            try_invert=False,
        )
        texts = [result.text for result in results if result.valid and result.text]
        if texts:
            return texts
    return []


def _frames(image: Image.Image) -> Iterator[Image.Image]:
    width, height = image.size
    try:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= MAX_ANIMATION_FRAMES or (index + 1) * width * height > MAX_ANIMATION_PIXELS:
                raise InputTooLarge(tr_n(
                    "The animation has more than {count} frame of {width} × {height} pixels; "
                    "Kredo reads no more.",
                    "The animation has more than {count} frames of {width} × {height} pixels; "
                    "Kredo reads no more.",
                    index, count=grouped(index), width=width, height=height,
                ))
            frame.load()
            yield frame
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels(tr("a frame larger than that")) from None
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow's words for a damaged file
        raise MalformedCredential(
            tr("The image is damaged or incomplete."), details=str(exc)
        ) from None


def _attempts(frame: Image.Image) -> Iterator[Image.Image]:
    flat = _on_white(frame)
    yield flat
    grey = ImageOps.autocontrast(flat.convert("L"))
    yield grey
    width, height = grey.size
    if max(width, height) < SMALL_SIDE:
        yield grey.resize((width * 2, height * 2), Image.Resampling.NEAREST)
    elif max(width, height) > LARGE_SIDE:
        yield grey.resize((width // 2, height // 2), Image.Resampling.BOX)
    yield ImageOps.invert(grey)


def _on_white(frame: Image.Image) -> Image.Image:
    """The frame as RGB or L, transparent parts white (a code drawn on a transparent PNG
    would otherwise turn black on black)."""
    if frame.mode in ("L", "RGB"):
        return frame
    has_alpha = frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info
    if not has_alpha:
        return frame.convert("RGB")
    rgba = frame.convert("RGBA")
    white = Image.new("RGB", rgba.size, (255, 255, 255))
    white.paste(rgba, mask=rgba.getchannel("A"))
    return white
