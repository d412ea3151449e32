"""A credential's Markdown (Open Badges 3.0 says criteria narratives and descriptions are
Markdown) as a small, safe subset of HTML: paragraphs, line breaks, **bold**, *italic*,
bullet lists, and links shown as text "label (address)".

The text is escaped first and only then are the Markdown marks turned into the few tags
above, so nothing a credential carries can become any other markup: no link, no picture,
no style; an address stays text that the view never loads."""

from __future__ import annotations

import re
from html import escape

# On escaped text: the marks themselves (*, _, [, ], (, )) are not touched by escaping.
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^)\s]*)\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![*\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*\w])")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_BLANK = re.compile(r"\n\s*\n")


def markdown_html(text: str) -> str:
    """Untrusted Markdown as the safe subset of HTML (see the module's docstring)."""
    blocks = [b for b in _BLANK.split(text.replace("\r\n", "\n").strip()) if b.strip()]
    return "".join(_block_html(block) for block in blocks)


def _block_html(block: str) -> str:
    lines = block.split("\n")
    parts: list[str] = []
    items: list[str] = []
    text: list[str] = []
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            if text:
                parts.append(_paragraph(text))
                text = []
            items.append(bullet.group(1))
        elif items and line.startswith((" ", "\t")):  # an item's continuation line
            items[-1] += " " + line.strip()
        else:
            if items:
                parts.append(_list(items))
                items = []
            text.append(line.strip())
    if items:
        parts.append(_list(items))
    if text:
        parts.append(_paragraph(text))
    return "".join(parts)


def _paragraph(lines: list[str]) -> str:
    return "<p style='margin:0 0 6px 0'>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def _list(items: list[str]) -> str:
    shown = "".join(f"<li>{_inline(item)}</li>" for item in items)
    return f"<ul style='margin:0 0 6px 0'>{shown}</ul>"


def _inline(line: str) -> str:
    html = escape(line, quote=True)
    html = _IMAGE.sub(lambda m: _as_text(m.group(1), m.group(2)), html)
    html = _LINK.sub(lambda m: _as_text(m.group(1), m.group(2)), html)
    html = _BOLD.sub(r"<b>\2</b>", html)
    return _ITALIC.sub(r"<i>\2</i>", html)


def _as_text(label: str, address: str) -> str:
    """A link (or a picture) as its label and its address in brackets, both as text."""
    if not address or label == address:
        return label or address
    return f"{label} ({address})" if label else address
