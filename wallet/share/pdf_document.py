"""The one way Kredo lays out an A4 PDF: bundled Unicode fonts, headings, label/value rows,
images that fit, and embedded files.

Both the credential PDF (:mod:`wallet.share.pdf`) and the Europass-style CV PDF
(:mod:`wallet.export.cv_pdf`) are built on :class:`KredoPdf`, so they look alike and share
the care for long texts (rows that outgrow a page flow on instead of failing) and for text
the fonts cannot draw (control characters are dropped).

What is drawn is capped, with a note saying the text was shortened: ``MAX_LINE_CHARS`` for a
title, heading, label or footer, ``MAX_TEXT_CHARS`` for a value or paragraph, and
``MAX_DOCUMENT_CHARS`` for all values and paragraphs together (past it, each gets at most
``MAX_LINE_CHARS``). fpdf2 lays text out at about 0.1 ms a character, so a 15 MB title took
minutes; the PDF's attachment keeps the full text. Real Annex I values stay below 400
characters.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from io import BytesIO
from typing import Any

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, ResourceAccessPolicy, XPos, YPos

from wallet.bundled_resources import resource_path
from wallet.errors import SharingError
from wallet.translation import tr

FONT_FAMILY = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

PAGE_MARGIN = 18.0  # mm
LABEL_WIDTH = 58.0  # mm, the label column of label/value rows
LINE_HEIGHT = 5.0  # mm at 10 pt
ROW_GAP = 1.6  # mm between rows

INK = (33, 37, 41)
MUTED = (100, 106, 112)
RULE = (206, 212, 218)

MAX_LINE_CHARS = 300  # a title, subtitle, heading, label or footer
MAX_TEXT_CHARS = 12_000  # a value or a paragraph (about three pages)
MAX_DOCUMENT_CHARS = 40_000  # all values and paragraphs (about ten pages)
_CUT_AT_SPACE = 40  # look this far back for a space to cut at

# C0/C1 control characters other than tab and newline draw as boxes or break the layout.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def shortened(text: str, limit: int, note: str) -> str:
    """``text`` cut to ``limit`` characters (at a space when one is near) with ``note`` after
    it, or ``text`` itself when it fits."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", limit - _CUT_AT_SPACE, limit)
    return f"{text[:space if space > 0 else limit].rstrip()} {note}"


class KredoPdf(FPDF):
    """An A4 portrait document with Kredo's fonts, margins and footer."""

    def __init__(self, *, title: str, lang: str, footer_text: str,
                 shortened_note: str | None = None) -> None:
        """``shortened_note`` follows a text cut to its cap (default: "… (shortened)")."""
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._shortened_note = shortened_note or tr("… (shortened)").localized(lang)
        self._text_left = MAX_DOCUMENT_CHARS
        self._footer_text = self._line(footer_text)
        for style, file_name in _FONT_FILES.items():
            path = resource_path("fonts", file_name)
            if not path.is_file():
                raise SharingError(
                    tr("A font Kredo needs for PDF documents is missing; reinstall Kredo."),
                    details=f"missing resources/fonts/{file_name}",
                )
            self.add_font(FONT_FAMILY, style, path)
        self.set_margins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self.set_auto_page_break(auto=True, margin=PAGE_MARGIN)
        self.set_title(self._line(title))
        self.set_lang(lang)
        self.set_creator("Kredo")
        self.set_producer("Kredo (fpdf2)")
        self.set_text_color(*INK)
        self.add_page()

    # --- page furniture ------------------------------------------------------------------

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT_FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 4, f"{self._footer_text} · {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(*INK)

    @property
    def content_width(self) -> float:
        return float(self.w - self.l_margin - self.r_margin)

    @property
    def usable_height(self) -> float:
        return float(self.h - self.t_margin - self.b_margin)

    # --- text ---------------------------------------------------------------------------

    def _line(self, text: str) -> str:
        return shortened(clean_text(text), MAX_LINE_CHARS, self._shortened_note)

    def _text(self, text: str) -> str:
        limit = min(MAX_TEXT_CHARS, max(self._text_left, MAX_LINE_CHARS))
        drawn = shortened(clean_text(text), limit, self._shortened_note)
        self._text_left -= len(drawn)
        return drawn

    def title_block(self, title: str, subtitle: str | None = None, *, width: float = 0) -> None:
        """The document title (and a muted subtitle), ``width`` mm wide (0: the full width)."""
        self.set_font(FONT_FAMILY, "B", 18)
        self.multi_cell(width, 8, self._line(title), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        if subtitle:
            self.set_font(FONT_FAMILY, "", 9.5)
            self.set_text_color(*MUTED)
            self.multi_cell(
                width, 5, self._line(subtitle), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            self.set_text_color(*INK)
        self.ln(2)

    def heading(self, text: str, *, keep_with: float = 20) -> None:
        """A section heading, moved to a new page unless ``keep_with`` mm fit below it."""
        at_top = self.get_y() <= self.t_margin + 1
        if not at_top and self.will_page_break(keep_with + 12):
            self.add_page()
        self.ln(3)
        self.set_font(FONT_FAMILY, "B", 12)
        self.multi_cell(0, 6.5, self._line(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def paragraph(
        self, text: str, *, size: float = 10, muted: bool = False, bold: bool = False
    ) -> None:
        self.set_font(FONT_FAMILY, "B" if bold else "", size)
        if muted:
            self.set_text_color(*MUTED)
        self.multi_cell(
            0, size * 0.5, self._text(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_text_color(*INK)
        self.ln(1)

    def label_value(self, label: str, value: str, *, muted_value: bool = False) -> None:
        """A label column and a value column; a value taller than a page flows on below."""
        label, value = self._line(label), self._text(value)
        value_width = self.content_width - LABEL_WIDTH
        self.set_font(FONT_FAMILY, "B", 8.5)
        label_height = self._height(LABEL_WIDTH, 4.3, label)
        self.set_font(FONT_FAMILY, "", 10)
        value_height = self._height(value_width, LINE_HEIGHT, value)
        height = max(label_height, value_height)
        if height > self.usable_height:
            self._stacked(label, value)
            return
        if self.will_page_break(height):
            self.add_page()
        top = self.get_y()
        self.set_font(FONT_FAMILY, "B", 8.5)
        self.set_text_color(*MUTED)
        self.multi_cell(LABEL_WIDTH, 4.3, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.set_text_color(*(MUTED if muted_value else INK))
        self.set_font(FONT_FAMILY, "", 10)
        self.set_xy(self.l_margin + LABEL_WIDTH, top)
        self.multi_cell(value_width, LINE_HEIGHT, value, align="L")
        self.set_text_color(*INK)
        self.set_xy(self.l_margin, top + height + ROW_GAP)

    def _stacked(self, label: str, value: str) -> None:
        self.set_font(FONT_FAMILY, "B", 8.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 4.3, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)
        self.set_font(FONT_FAMILY, "", 10)
        self.multi_cell(0, LINE_HEIGHT, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(ROW_GAP)

    def _height(self, width: float, line_height: float, text: str) -> float:
        height = self.multi_cell(
            width, line_height, text, dry_run=True, output=MethodReturnValue.HEIGHT
        )
        return float(height)  # type: ignore[arg-type]

    # --- images and files ----------------------------------------------------------------

    @staticmethod
    def fitted_size(
        pixel_size: tuple[int, int], max_width: float, max_height: float
    ) -> tuple[float, float]:
        """The size (mm) of an image scaled to fit ``max_width`` × ``max_height``."""
        width_px, height_px = pixel_size
        scale = min(max_width / width_px, max_height / height_px)
        return width_px * scale, height_px * scale

    def picture(
        self, source: Any, *, pixel_size: tuple[int, int], max_width: float, max_height: float
    ) -> None:
        """Draw an image scaled to fit ``max_width`` × ``max_height`` (mm), on a new page
        when it does not fit below the current position."""
        width, height = self.fitted_size(pixel_size, max_width, max_height)
        if self.will_page_break(height):
            self.add_page()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # fpdf2 warns about SVGs without a viewBox
            self.image(
                source,
                x=self.l_margin,
                y=self.get_y(),
                w=width,
                h=height,
                resource_access_policy=ResourceAccessPolicy.NONE,  # never follow links
            )
        self.set_y(self.get_y() + height + 2)

    def attach_file(
        self,
        data: bytes,
        *,
        name: str,
        description: str,
        mime_type: str,
        modified: datetime | None = None,
    ) -> None:
        """Embed ``data`` unchanged as a document-level file attachment."""
        self.embed_file(
            bytes=data,
            basename=name,
            desc=clean_text(description),
            mime_type=mime_type,
            modification_date=modified,
            compress=True,
        )

    def to_bytes(self) -> bytes:
        self.alias_nb_pages()
        buffer = BytesIO()
        self.output(buffer)
        return buffer.getvalue()
