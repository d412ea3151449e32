"""The capped PDF filters agree with an independent decoder (pypdf's) and stop at their cap."""

from __future__ import annotations

import base64
import io
import zlib

import pytest
from PIL import Image
from pypdf._codecs._codecs import LzwCodec
from pypdf.filters import RunLengthDecode

from tests.robustness.hostile_pdf import MIB, deflate_zeros, lzw_zeros
from wallet.qr import pdf_filters
from wallet.qr.image_headers import jpeg_size, jpx_size
from wallet.qr.pdf_filters import OutputTooLarge

TEXT = ("Mikrocertifikát · Masarykova univerzita · 4 ECTS · " * 400).encode()


def test_lzw_matches_pypdf() -> None:
    # GIVEN text encoded by pypdf's LZW encoder (table resets and width changes included)
    encoded = LzwCodec().encode(TEXT + bytes(range(256)) * 40)
    # THEN the capped decoder gives the same bytes
    assert pdf_filters.lzw_decode(encoded, 10 * MIB) == TEXT + bytes(range(256)) * 40


def test_the_test_lzw_bomb_is_real_lzw() -> None:
    # The bomb helper is checked against our decoder and a few sizes by pypdf's.
    assert LzwCodec().decode(lzw_zeros(300_000)) == bytes(300_000)
    assert pdf_filters.lzw_decode(lzw_zeros(5 * MIB), 6 * MIB) == bytes(5 * MIB)


def test_run_length_matches_pypdf() -> None:
    encoded = bytes([2]) + b"abc" + bytes([250]) + b"x" + bytes([0]) + b"!" + bytes([128])
    assert pdf_filters.run_length_decode(encoded, 100) == RunLengthDecode.decode(encoded)


def test_hex_and_ascii85() -> None:
    assert pdf_filters.hex_decode(b"48 65 6c\n6C 6f 2>trailing") == b"Hello "
    encoded = base64.a85encode(TEXT, foldspaces=False) + b"~>"
    assert pdf_filters.a85_decode(encoded) == TEXT
    # damage: the whole groups before it are kept
    assert pdf_filters.a85_decode(base64.a85encode(b"Hello World!") + b"{{{") == b"Hello World!"


@pytest.mark.parametrize("decoder", ["flate", "lzw", "run-length"])
def test_every_decoder_stops_at_its_cap(decoder: str) -> None:
    bombs = {
        "flate": lambda: pdf_filters.inflate(deflate_zeros(64 * MIB), MIB),
        "lzw": lambda: pdf_filters.lzw_decode(lzw_zeros(64 * MIB), MIB),
        "run-length": lambda: pdf_filters.run_length_decode(bytes([129, 0]) * 600_000, MIB),
    }
    with pytest.raises(OutputTooLarge):
        bombs[decoder]()


def test_damaged_flate_keeps_what_came_before() -> None:
    # As pdfium does: a stream cut half-way still counts what it gave.
    stream = zlib.compress(bytes(range(256)) * 400)
    out = pdf_filters.inflate(stream[:len(stream) // 2], MIB)
    assert 0 < len(out) < 256 * 400 and (bytes(range(256)) * 400).startswith(out)


def test_image_headers_give_the_declared_size() -> None:
    for fmt, reader, extra in (("JPEG", jpeg_size, {"progressive": True}),
                               ("JPEG2000", jpx_size, {}),
                               ("JPEG2000", jpx_size, {"no_jp2": True})):
        buffer = io.BytesIO()
        Image.new("RGB", (123, 45)).save(buffer, format=fmt, **extra)
        size = reader(buffer.getvalue())
        assert size is not None and (size.width, size.height, size.components) == (123, 45, 3)
    # a JPEG with stray bytes before a marker is read as libjpeg reads it
    buffer = io.BytesIO()
    Image.new("L", (7, 9)).save(buffer, format="JPEG")
    data = buffer.getvalue()
    assert jpeg_size(data[:2] + b"\x00\x00junk" + data[2:]) is not None
    assert jpeg_size(b"\xff\xd8\xff\xda") is None  # no frame header: nothing decodes it
