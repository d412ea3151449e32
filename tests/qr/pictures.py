"""Pictures of QR codes for the tests: drawn by Kredo's own renderer, then photographed,
compressed, damaged or combined with Pillow. Every test decodes them with real zxing-cpp."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from wallet.qr.render import qr_png


def code(text: str, *, scale: int = 4) -> Image.Image:
    return Image.open(io.BytesIO(qr_png(text, scale=scale))).convert("L")


def encoded(image: Image.Image, image_format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels and holds none (a bomb's header)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
