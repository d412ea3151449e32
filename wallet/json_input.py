"""Strict, bounded JSON reading shared by every JSON-based format."""

from __future__ import annotations

import json
import re
from typing import Any

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH
from wallet.translation import tr

_OPENERS = frozenset(b"[{")
# A string runs to its closing quote, or to the end of the input when it has none: every
# quote outside a string starts a match, so the scan stays linear on hostile input.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _subject(what: str | None) -> str:
    """The subject of this module's sentences: ``what`` (a ``tr()`` sentence), or "The file"."""
    return what or tr("The file")


def decode_text(raw: bytes, *, what: str | None = None) -> str:
    """UTF-8 (an optional BOM is dropped); anything else is a clear error.

    ``what`` names the input as the subject of a sentence (a ``tr()`` sentence such as
    ``tr("The token's header")``); the default is "The file".
    """
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr(
            "{what} is {size} MB, above the {limit} MB limit for one credential.",
            what=_subject(what), size=len(raw) // (1024 * 1024),
            limit=MAX_INPUT_BYTES // (1024 * 1024),
        ))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedCredential(tr(
            "{what} is not valid UTF-8 text (bad byte at position {position}).",
            what=_subject(what), position=exc.start,
        )) from None


def json_depth_exceeds(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when brackets outside strings nest deeper than ``limit`` (no parsing needed).

    Complete strings are cut out by a regular expression and everything but brackets is
    dropped, both in C; Python then walks only the brackets (a byte-by-byte loop took 20 ms
    on a 150 KB EDC, and an import reads it four times). An unterminated string hides
    everything after its opening quote, as in a byte-by-byte scan.
    """
    outside = _JSON_STRING.sub(b"", raw)
    depth = 0
    for byte in outside.translate(None, _NOT_BRACKETS):
        if byte in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def looks_like_json_object(raw: bytes) -> bool:
    """Cheap check for ``detect``: first non-blank byte is ``{``."""
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def load_json(raw: bytes, *, what: str | None = None) -> Any:
    """Parse JSON with the size and depth caps; raise only typed wallet errors."""
    text = decode_text(raw, what=what)
    if json_depth_exceeds(raw):
        raise InputTooLarge(tr("{what} nests JSON deeper than {limit} levels.",
                               what=_subject(what), limit=MAX_JSON_DEPTH))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        # exc.msg is the standard library's English ("Expecting value"): a technical detail.
        raise MalformedCredential(tr(
            "{what} is not valid JSON ({reason} at line {line}, column {column}).",
            what=_subject(what), reason=exc.msg, line=exc.lineno, column=exc.colno,
        )) from None
    except RecursionError:  # pragma: no cover - guarded by the depth pre-scan
        raise InputTooLarge(tr("{what} nests JSON too deeply.", what=_subject(what))) from None


def load_json_object(raw: bytes, *, what: str | None = None) -> dict[str, Any]:
    value = load_json(raw, what=what)
    if not isinstance(value, dict):
        raise MalformedCredential(
            tr("{what} holds JSON, but not a JSON object.", what=_subject(what))
        )
    return value


def _reject_constant(name: str) -> Any:
    raise MalformedCredential(tr("JSON must not contain {name}.", name=name))
