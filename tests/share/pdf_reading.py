"""Reading a PDF back the way a person's PDF reader would: text layer, attachments, images."""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """All pages' text with runs of whitespace made single spaces (lines wrap anywhere)."""
    reader = PdfReader(BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def pdf_attachments(pdf: bytes) -> dict[str, list[bytes]]:
    return dict(PdfReader(BytesIO(pdf)).attachments)


def pdf_image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(BytesIO(pdf)).pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
