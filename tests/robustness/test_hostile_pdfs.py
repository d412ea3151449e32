"""Decompression bombs in PDFs: refused with a sentence, in bounded memory and time.

Before ``wallet/qr/pdf_streams.py``, pdfium unpacked every stream whole before Kredo could
ask its size: ``kredo scan`` of a 1 MB PDF whose attached file inflates to 1 GiB peaked at
2.1 GB, a 4 MB one was killed (SIGABRT, no message) under a 3 GB address-space limit, and a
page image declaring 40,000 × 40,000 pixels took 2 GB and 23 s. The bombs are built here by
``hostile_pdf`` (a gigabyte of zeros is a megabyte of deflate), and the real ``kredo`` runs
under an address-space limit, so an unbounded allocation fails the test on any machine.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image

from tests.robustness.hostile_pdf import (
    A4,
    GIB,
    MIB,
    PdfBuilder,
    attachment_bomb,
    content_bomb,
    deflate_zeros,
    image_bomb,
    lzw_zeros,
)
from tests.robustness.processes import run_kredo_limited
from wallet.errors import InputTooLarge, MalformedCredential
from wallet.qr.pdf import read_pdf

PEAK_RSS = 512 * MIB
ATTACHED_TOO_LARGE = "A file attached to the PDF is larger than Kredo reads (16 MiB)."
PART_TOO_LARGE = "The PDF holds a part that unpacks to more than 32 MB"


def _builder() -> PdfBuilder:
    builder = PdfBuilder()
    builder.reserve()  # 1: catalog
    builder.reserve()  # 2: page tree
    return builder


def _one_page(content: bytes, *, resources: str = "<< >>", builder: PdfBuilder | None = None,
              content_filter: str = "") -> bytes:
    builder = builder or _builder()
    catalog, tree = 1, 2
    contents = builder.add(f"<< {content_filter}/Length {len(content)} >>", content)
    page = builder.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox {A4} "
                       f"/Resources {resources} /Contents {contents} 0 R >>")
    builder.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    builder.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>")
    return bytes(builder)


def _jpeg_declaring(width: int, height: int) -> bytes:
    """A real 16 × 16 JPEG whose frame header is edited to declare ``width`` × ``height``."""
    buffer = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buffer, format="JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def _image_page(image_dictionary: str, data: bytes, builder: PdfBuilder | None = None) -> bytes:
    builder = builder or _builder()
    image = builder.add(f"<< /Type /XObject /Subtype /Image {image_dictionary} "
                        f"/Length {len(data)} >>", data)
    return _one_page(b"q 100 0 0 100 10 10 cm /Im0 Do Q",
                     resources=f"<< /XObject << /Im0 {image} 0 R >> >>", builder=builder)


def _inline_image_bomb() -> bytes:
    # 10 × 10 pixels declared; pdfium inflated the data whole to find its end (2.4 GB).
    data = deflate_zeros(GIB)
    content = b"q 100 0 0 100 10 10 cm BI /W 10 /H 10 /CS /G /BPC 8 /F /Fl ID " + data + b"\nEI Q"
    return _one_page(content)


def _jpeg_bomb() -> bytes:
    # The PDF says 16 × 16; the JPEG's own header (what pdfium allocates by) says 30,000².
    jpeg = _jpeg_declaring(30_000, 30_000)
    return _image_page("/Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                       "/Filter /DCTDecode", jpeg)


def _size_in_an_object_stream() -> bytes:
    # The image's width is object 3, packed in an object stream: it is found and checked.
    # (The cross-reference table does not list it; pdfium would rebuild one. The check runs
    # before pdfium and reads no table.)
    builder = _builder()
    builder.reserve()  # 3: only inside the object stream
    header = b"3 0 "
    stream = zlib.compress(header + b"40000")
    builder.add(f"<< /Type /ObjStm /N 1 /First {len(header)} /Filter /FlateDecode "
                f"/Length {len(stream)} >>", stream)
    return _image_page("/Width 3 0 R /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                       "/Filter /FlateDecode", deflate_zeros(MIB), builder)


def _lzw_content_bomb() -> bytes:
    return _one_page(lzw_zeros(GIB // 8), content_filter="/Filter /LZWDecode ")


def _hex_wrapped_bomb() -> bytes:
    # ASCIIHex around a double-deflated gigabyte: the chain is followed to the end.
    data = deflate_zeros(GIB, rounds=2).hex().encode() + b">"
    return _one_page(data, builder=_builder(),
                     content_filter="/Filter [/AHx /FlateDecode /FlateDecode] ")


def _encrypted() -> bytes:
    pdf = _one_page(b"0 0 m 10 10 l S")
    return pdf.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt << /Filter /Standard /V 1 "
                                           b"/R 2 /O (x) /U (y) /P -4 >> >>")


BOMBS = {
    "attachment-1gib": (lambda: attachment_bomb(GIB), ATTACHED_TOO_LARGE),
    "attachment-double-deflate": (lambda: attachment_bomb(GIB, rounds=2), ATTACHED_TOO_LARGE),
    "page-content": (lambda: content_bomb(GIB), PART_TOO_LARGE),
    "page-image-40000x40000": (image_bomb, "40,000 × 40,000 pixels"),
    "inline-image": (_inline_image_bomb, PART_TOO_LARGE),
    "jpeg-frame-header": (_jpeg_bomb, "30,000 × 30,000 pixels"),
    "image-size-in-object-stream": (_size_in_an_object_stream, "40,000 × 40,000 pixels"),
    "lzw-content": (_lzw_content_bomb, PART_TOO_LARGE),
    "hex-then-double-deflate": (_hex_wrapped_bomb, PART_TOO_LARGE),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_bomb_is_refused_before_pdfium_in_bounded_memory(name: str) -> None:
    make, sentence = BOMBS[name]
    pdf = make()
    assert len(pdf) < 4 * MIB
    # GIVEN a PDF that unpacks to a gigabyte or more
    # WHEN Kredo reads it for QR codes and attachments
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge) as refused:
            read_pdf(pdf)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # THEN one sentence says why, and Python never held more than a few caps' worth
    assert sentence in refused.value.message
    assert peak < 4 * 32 * MIB, f"{peak / MIB:.0f} MiB"


def test_an_encrypted_pdf_is_refused_with_a_sentence() -> None:
    # Its streams cannot be sized without decrypting them, so it is not read at all.
    with pytest.raises(MalformedCredential) as refused:
        read_pdf(_encrypted())
    assert "encrypted" in refused.value.message


def test_a_pdf_within_the_caps_still_gives_its_attachment() -> None:
    # GIVEN an attached file of 15 MiB (below the input cap), compressed to almost nothing
    pdf = attachment_bomb(15 * MIB)
    # THEN it is read as before
    contents = read_pdf(pdf)
    assert [len(a.data) for a in contents.attachments] == [15 * MIB]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "sentence"), [
    ("attachment-1gib", ATTACHED_TOO_LARGE),
    ("page-image-40000x40000", "40,000 × 40,000 pixels"),
    ("inline-image", PART_TOO_LARGE),
])
def test_kredo_scan_refuses_a_bomb_under_a_memory_limit(tmp_path: Path, name: str,
                                                        sentence: str) -> None:
    # GIVEN the bomb as a file, and kredo limited to 1.5 GiB of address space
    make, _ = BOMBS[name]
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(make())
    # WHEN it is scanned
    run = run_kredo_limited(tmp_path / "home", "scan", str(pdf), timeout=60)
    # THEN exit 2 with the sentence (scan prints its notes on stdout), no traceback, well
    # under the memory and time bounds
    assert run.returncode == 2, run.stderr
    assert sentence in run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.peak_rss < PEAK_RSS, f"{run.peak_rss / MIB:.0f} MiB"
    assert run.seconds < 30


REGRESSIONS = Path(__file__).resolve().parent / "regressions"


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("pdf-*.pdf")), ids=lambda p: p.name)
def test_recorded_pdf_regressions(path: Path) -> None:
    # The small ones of the bombs above, kept as files (see regressions/README.md).
    with pytest.raises((InputTooLarge, MalformedCredential)) as refused:
        read_pdf(path.read_bytes())
    assert refused.value.message.startswith(("The PDF", "A file attached to the PDF"))
