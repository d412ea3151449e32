"""Image → QR texts with zxing-cpp: clean, photographed, lossy, inverted, tiny, several codes,
animations; damaged or partial pictures give nothing, and non-images a sentence."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from tests.qr.pictures import code, encoded, png_header_only
from wallet.errors import FormatError, InputTooLarge
from wallet.qr.compact import encode_compact
from wallet.qr.decode import decode_image, decode_image_bytes
from wallet.qr.render import frames_apng, frames_gif

TEXT = encode_compact(
    b'{"type": ["VerifiableCredential"], "name": "Datov\xc3\xa1 anal\xc3\xbdza"}' * 8
)


def test_a_clean_png() -> None:
    assert decode_image_bytes(encoded(code(TEXT), "PNG")) == [TEXT]


def test_a_lossy_jpeg() -> None:
    assert decode_image_bytes(encoded(code(TEXT).convert("RGB"), "JPEG", quality=35)) == [TEXT]


def test_a_photo_of_a_screen_tilted_blurred_on_grey() -> None:
    # GIVEN the code on a grey desk, rotated 9°, slightly out of focus
    desk = Image.new("L", (1100, 900), 120)
    desk.paste(code(TEXT, scale=5).rotate(9, expand=True, fillcolor=255), (120, 60))
    photo = desk.filter(ImageFilter.GaussianBlur(1.2))
    assert decode_image_bytes(encoded(photo, "JPEG", quality=80)) == [TEXT]


def test_light_modules_on_a_dark_background() -> None:
    inverted = ImageOps.invert(code(TEXT))
    assert decode_image(inverted) == [TEXT]


def test_one_pixel_per_module_is_read_after_scaling_up() -> None:
    tiny = code(TEXT, scale=1)
    assert max(tiny.size) < 400
    assert decode_image(tiny) == [TEXT]


def test_every_code_in_one_picture() -> None:
    other = encode_compact(b"second credential")
    left, right = code(TEXT), code(other)
    sheet = Image.new("L", (left.width + right.width + 40, max(left.height, right.height)), 255)
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width + 40, 0))
    assert sorted(decode_image(sheet)) == sorted([TEXT, other])


def test_dark_modules_on_a_transparent_png() -> None:
    grey = code(TEXT)
    transparent = Image.new("RGBA", grey.size, (0, 0, 0, 0))
    transparent.putalpha(ImageOps.invert(grey))  # opaque black only where modules are dark
    assert decode_image_bytes(encoded(transparent, "PNG")) == [TEXT]


@pytest.mark.parametrize("writer", [frames_gif, frames_apng])
def test_every_frame_of_an_animation(writer: object) -> None:
    frames = [encode_compact(b"frame %d" % n) for n in range(4)]
    animation = writer(frames)  # type: ignore[operator]
    assert decode_image_bytes(animation) == frames


def test_a_code_with_a_large_blot_gives_nothing() -> None:
    damaged = code(TEXT)
    side = damaged.width
    ImageDraw.Draw(damaged).rectangle((side * 0.2, side * 0.2, side * 0.75, side * 0.75), fill=255)
    assert decode_image(damaged) == []


def test_half_a_code_gives_nothing() -> None:
    whole = code(TEXT)
    assert decode_image(whole.crop((0, 0, whole.width, whole.height // 2))) == []


def test_not_an_image() -> None:
    with pytest.raises(FormatError, match="not an image"):
        decode_image_bytes(b'{"this": "is JSON"}')


def test_a_truncated_png() -> None:
    data = encoded(code(TEXT), "PNG")
    with pytest.raises(FormatError, match="damaged"):
        decode_image_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("side", [9000, 20000])
def test_a_picture_claiming_too_many_pixels_is_refused_before_decoding(side: int) -> None:
    with pytest.raises(InputTooLarge, match="at most 64 megapixels"):
        decode_image_bytes(png_header_only(side, side))


def test_an_animation_beyond_the_pixel_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a budget of three frames' worth of pixels (the real one is a billion)
    frames = [encode_compact(b"frame %d" % n) for n in range(4)]
    animation = frames_gif(frames, scale=2)
    side = Image.open(io.BytesIO(animation)).size[0]
    monkeypatch.setattr("wallet.qr.decode.MAX_ANIMATION_PIXELS", 3 * side * side)
    # WHEN the fourth frame would pass it THEN the whole image is refused with a sentence
    with pytest.raises(InputTooLarge, match="more than 3 frames"):
        decode_image_bytes(animation)
