"""A PDF → the QR texts on its pages and the files attached to it (pypdfium2, offline).

A Kredo PDF export carries a verification QR on its first page and the original credential
as an embedded file; other issuers' PDFs often carry only one of the two. Pages are rendered
at 200 dpi (a 6 cm version 25 code gets ~4 pixels per module), and once more at 400 dpi when
a page shows no code. Every step is capped: pages read, pixels per page, attachment size,
and, before pdfium sees the file, what every stream in it unpacks to (``pdf_streams``).
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import MAX_INPUT_BYTES
from wallet.qr.decode import decode_frame
from wallet.qr.pdf_streams import check_pdf_streams
from wallet.translation import tr

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 20  # a credential PDF has one to a few pages; the rest is not searched
MAX_ATTACHMENTS = 100
MAX_PAGE_PIXELS = 24_000_000  # ~A4 at 400 dpi
FIRST_DPI = 200
SECOND_DPI = 400


@dataclass(frozen=True)
class PdfQrText:
    page: int  # 1-based
    text: str


@dataclass(frozen=True)
class PdfAttachment:
    name: str
    data: bytes


@dataclass(frozen=True)
class PdfContents:
    qr_texts: tuple[PdfQrText, ...]
    attachments: tuple[PdfAttachment, ...]
    pages: int
    pages_read: int


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def read_pdf(data: bytes) -> PdfContents:
    check_pdf_streams(data)  # before pdfium, which would unpack a bomb whole
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise MalformedCredential(
            tr("The PDF could not be opened (damaged, or protected by a password)."),
            details=str(exc),
        ) from None
    try:
        pages = len(document)
        texts: list[PdfQrText] = []
        for index in range(min(pages, MAX_PAGES)):
            texts += [PdfQrText(index + 1, text) for text in _page_texts(document, index)]
        return PdfContents(
            qr_texts=tuple(texts),
            attachments=tuple(_attachments(document)),
            pages=pages,
            pages_read=min(pages, MAX_PAGES),
        )
    except pypdfium2.PdfiumError as exc:
        raise MalformedCredential(tr("The PDF is damaged."), details=str(exc)) from None
    finally:
        document.close()


def _page_texts(document: pypdfium2.PdfDocument, index: int) -> list[str]:
    page = document[index]
    try:
        width, height = page.get_size()  # points, 1/72 inch
        most = math.sqrt(MAX_PAGE_PIXELS / max(width * height, 1.0)) if width and height else 0
        for dpi in (FIRST_DPI, SECOND_DPI):
            scale = min(dpi / 72, most)
            if scale <= 0:
                return []
            image = page.render(scale=scale, grayscale=True).to_pil()
            texts = decode_frame(image)
            if texts or scale < dpi / 72:  # found, or this page cannot be drawn any larger
                return texts
        return []
    finally:
        page.close()


def _attachments(document: pypdfium2.PdfDocument) -> list[PdfAttachment]:
    found: list[PdfAttachment] = []
    for index in range(min(document.count_attachments(), MAX_ATTACHMENTS)):
        attachment = document.get_attachment(index)
        size = ctypes.c_ulong()
        pdfium_c.FPDFAttachment_GetFile(attachment, None, 0, ctypes.byref(size))
        if size.value == 0:
            continue
        if size.value > MAX_INPUT_BYTES:
            raise InputTooLarge(
                tr("A file attached to the PDF is larger than Kredo reads (16 MiB).")
            )
        found.append(PdfAttachment(attachment.get_name(), bytes(attachment.get_data())))
    return found
