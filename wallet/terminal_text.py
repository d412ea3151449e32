"""Text from strangers made safe to show in a terminal, store as UTF-8, or print in a sentence.

A credential's fields, a file name and a server's answer are written by someone else. Printed
as they are, control characters can move the cursor, recolour or erase what Kredo printed
(ESC sequences: a validly signed credential could draw a fake "✔ issuer … on the EU trusted
list" line over the real one), carriage returns overwrite a line, and bidi overrides (U+202E)
show text in another order than it is read. :func:`terminal_text` shows all of these escaped,
so what a person sees is exactly what is there.

File names the operating system gives as bytes that are not UTF-8 (a cp1250 name from a ZIP
made on Windows) reach Python as lone surrogates (``surrogateescape``); such a string cannot be
encoded as UTF-8, so it can be neither printed nor stored. :func:`escape_surrogates` writes each
such byte as ``\\xNN`` (and half of a UTF-16 pair as ``\\uDxxx``).

``--json`` output stays exact JSON: these are for text shown to people, not for data.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL; bidi marks, embeddings, overrides and isolates; line and
# paragraph separators (some terminals break the line there); surrogates.
_ALWAYS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029"
    "\ud800-\udfff"
)
_ONE_LINE = re.compile(f"[\t\n{_ALWAYS}]")
_MANY_LINES = re.compile(f"[{_ALWAYS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # surrogateescape: byte 0x80-0xFF → U+DC80-U+DCFF


def terminal_text(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character, bidi control, line separator and surrogate
    shown as an escape (``\\x1b``, ``\\u202e``, ``\\n``…); ``multiline`` keeps newlines and
    tabs (for a description printed as a paragraph)."""
    pattern = _MANY_LINES if multiline else _ONE_LINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def escape_surrogates(text: str) -> str:
    """``text`` with its surrogates escaped and nothing else changed: encodable as UTF-8."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """One value on one line of a terminal: :func:`terminal_text` without ``multiline``."""
    return terminal_text(text)


# JSON writes C0 controls inside strings as escapes itself; outside strings they are its layout.
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def escape_in_json(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with the same characters as JSON ``\\u`` escapes.

    They can stand only inside JSON strings, where ``\\uXXXX`` means the same character, so
    the document still reads back exactly as it was."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
