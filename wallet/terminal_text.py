"""Text from strangers made safe to print on a terminal.

A credential's title, an issuer's name, a file name or a web server's answer may hold control
characters: ESC and C1 sequences move the cursor, recolour or rewrite lines, so a validly signed
credential could print a fake "✔ issuer … on the EU trusted list" over the real line; bidi
overrides and isolates reorder what is shown; a carriage return or a line break starts a line the
reader would take for Kredo's own. :func:`printable` shows each of them escaped (``\\x1b``,
``\\u202e``), the way a Python literal writes them, and leaves every other character as it is.
"""

from __future__ import annotations

import re

# C0 controls (tab and line breaks included: inside one value they would fake columns and
# lines), DEL and C1; the bidi embeddings, overrides, isolates and marks; the Unicode line and
# paragraph separators; lone surrogates (which also cannot be encoded for the terminal).
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
# JSON writes C0 controls inside strings as escapes itself; outside strings they are its layout.
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every character that could steer a terminal or reorder a line escaped."""
    return _UNSAFE.sub(_escaped, text)


def escape_in_json(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with the same characters as JSON ``\\u`` escapes.

    They can stand only inside JSON strings, where ``\\uXXXX`` means the same character, so
    the document still reads back exactly as it was."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
