"""The size a JPEG or JPEG 2000 image declares in its header, read without decoding it.

pdfium decodes these images whole at the size their own header states (not the size the PDF
says), so :mod:`wallet.qr.pdf_streams` checks that size before pdfium sees the file.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

# JPEG start-of-frame markers (ITU T.81 table B.1): every SOFn but DHT, JPG and DAC.
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})
_START_OF_SCAN = 0xDA
# JPEG 2000 codestream (ITU T.800 A.5.1): SOC, then SIZ at once.
_SOC_SIZ = b"\xff\x4f\xff\x51"


@dataclass(frozen=True)
class DeclaredSize:
    width: int
    height: int
    components: int

    @property
    def samples(self) -> int:
        return self.width * self.height * max(self.components, 1)


def jpeg_size(data: bytes) -> DeclaredSize | None:
    """The frame size of a JPEG stream, or ``None`` when it has no frame header (then no
    decoder can decode it either)."""
    if data[:2] != b"\xff\xd8":
        return None
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:  # libjpeg skips stray bytes before a marker: so do we
            position = data.find(b"\xff", position)
            if position < 0:
                return None
            continue
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _STANDALONE:
            position += 2
            continue
        (length,) = struct.unpack_from(">H", data, position + 2)
        if marker in _SOF:
            if position + 10 > len(data):
                return None
            height, width, components = struct.unpack_from(">HHB", data, position + 5)
            return DeclaredSize(width, height, components)
        if marker == _START_OF_SCAN or length < 2:
            return None
        position += 2 + length
    return None


def jpx_size(data: bytes) -> DeclaredSize | None:
    """The image size of a JPEG 2000 codestream (bare or inside JP2 boxes), or ``None``."""
    start = data.find(_SOC_SIZ)
    if start < 0 or start + 42 > len(data):
        return None
    # Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz, XTOsiz, YTOsiz, Csiz
    _lsiz, _rsiz, x, y, x_offset, y_offset = struct.unpack_from(">HHIIII", data, start + 4)
    (components,) = struct.unpack_from(">H", data, start + 4 + 36)
    return DeclaredSize(max(x - x_offset, 0), max(y - y_offset, 0), components)
