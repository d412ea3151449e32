"""The pieces every credential template is written with: a labelled row, a heading, a chip.

Everything a credential says goes through :func:`text_html` (escaped, line breaks kept), so
no name, claim or address can bring its own markup into the view; an address is shown as
text, never as a link or an image source that the view would load."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from wallet.share.annex_rows import AnnexRow

_INDENT_PX = 18


@dataclass(frozen=True)
class ShownRows:
    """A credential's Annex I rows as one template gets them: ``rows`` with the credential's
    texts in ``lang``, ``labels`` (by row key) in the interface language ``ui_lang``."""

    title: str
    rows: list[AnnexRow]
    labels: dict[str, str]
    lang: str
    ui_lang: str

    def value(self, key: str) -> str | None:
        return next((row.value for row in self.rows if row.key == key), None)


def text_html(text: str) -> str:
    """Untrusted text as HTML: escaped (quotes too), its line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>")


def table_start() -> str:
    return "<table cellspacing='0' cellpadding='4' width='100%'>"


def table_row(label: str, value_html: str, depth: int = 0) -> str:
    """A row; ``value_html`` must already be escaped. ``depth`` indents a nested claim."""
    indent = f" style='padding-left:{4 + depth * _INDENT_PX}px'" if depth else ""
    return (f"<tr><td valign='top' width='38%'{indent}><b>{escape(label)}</b></td>"
            f"<td valign='top'>{value_html}</td></tr>")


def heading_row(label: str, depth: int = 0) -> str:
    """A nested object's name, across the table."""
    indent = 4 + depth * _INDENT_PX
    return (f"<tr><td colspan='2' valign='top' style='padding-left:{indent}px'>"
            f"<b>{escape(label)}</b></td></tr>")


def chip(text: str) -> str:
    """A small coloured word beside the format's name (like the cards' chips)."""
    return (f"<span style='background-color:#2f5d8a; color:white; font-weight:bold'>"
            f"&nbsp;{escape(text)}&nbsp;</span>")


def not_stated(text: str) -> str:
    return f"<i>{escape(text)}</i>"
