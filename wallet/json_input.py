"""Strict, bounded JSON reading: the one JSON reader for everything that comes from outside.

Whatever the bytes, :func:`load_json` returns a value or raises one typed error with a
sentence (never ``ValueError``, ``UnicodeError`` or ``RecursionError``):

* more than the size cap, or nesting deeper than the depth cap: :class:`InputTooLarge`;
* not UTF-8, not JSON, ``NaN``/``Infinity``, a number that overflows a float, an integer longer
  than Python converts (4,300 digits): :class:`MalformedCredential`;
* a lone UTF-16 surrogate (``"\\ud800"`` without its pair): :class:`MalformedCredential`. Such a
  string cannot be written as UTF-8, so it could be neither stored, printed nor signed over;
  refusing it here keeps it from failing later in a place that expects text.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from typing import Any

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH
from wallet.translation import grouped, tr

_OPENERS = frozenset(b"[{")
# A string runs to its closing quote, or to the end of the input when it has none: every
# quote outside a string starts a match, so the scan stays linear on hostile input.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
# A \\u escape of a surrogate; only then can a decoded string hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _subject(what: str | None) -> str:
    """The subject of this module's sentences: ``what`` (a ``tr()`` sentence), or "The file"."""
    return what or tr("The file")


def decode_text(raw: bytes, *, what: str | None = None,
                max_bytes: int = MAX_INPUT_BYTES) -> str:
    """UTF-8 (an optional BOM is dropped); anything else is a clear error.

    ``what`` names the input as the subject of a sentence (a ``tr()`` sentence such as
    ``tr("The token's header")``); the default is "The file". ``max_bytes`` is the size cap.
    """
    if len(raw) > max_bytes:
        raise InputTooLarge(tr(
            "{what} is {size} MB, above the {limit} MB limit for one credential.",
            what=_subject(what), size=len(raw) // (1024 * 1024),
            limit=max_bytes // (1024 * 1024),
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


def load_json(raw: bytes, *, what: str | None = None, max_bytes: int = MAX_INPUT_BYTES,
              object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Any:
    """Parse JSON with the size and depth caps; raise only typed wallet errors.

    ``object_pairs_hook`` is ``json.loads``'s (a JOSE header refusing repeated names); it may
    raise only a ``WalletError``.
    """
    text = decode_text(raw, what=what, max_bytes=max_bytes)
    if json_depth_exceeds(raw):
        raise InputTooLarge(tr("{what} nests JSON deeper than {limit} levels.",
                               what=_subject(what), limit=MAX_JSON_DEPTH))
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float,
                           object_pairs_hook=object_pairs_hook)
    except json.JSONDecodeError as exc:
        # exc.msg is the standard library's English ("Expecting value"): a technical detail.
        raise MalformedCredential(tr(
            "{what} is not valid JSON ({reason} at line {line}, column {column}).",
            what=_subject(what), reason=exc.msg, line=exc.lineno, column=exc.colno,
        )) from None
    except ValueError as exc:  # int(): more digits than Python converts (sys.int_info)
        raise MalformedCredential(tr(
            "{what} holds a number with more than {limit} digits, which Kredo does not read.",
            what=_subject(what), limit=grouped(sys.get_int_max_str_digits()),
        ), details=str(exc)[:200]) from None
    except RecursionError:  # pragma: no cover - guarded by the depth pre-scan
        raise InputTooLarge(tr("{what} nests JSON too deeply.", what=_subject(what))) from None
    if _SURROGATE_ESCAPE.search(text) and _holds_lone_surrogate(value):
        raise MalformedCredential(tr(
            "{what} holds a broken character (half of a UTF-16 surrogate pair), which is "
            "not text.", what=_subject(what)))
    return value


def load_json_object(raw: bytes, *, what: str | None = None, max_bytes: int = MAX_INPUT_BYTES,
                     object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
                     ) -> dict[str, Any]:
    value = load_json(raw, what=what, max_bytes=max_bytes, object_pairs_hook=object_pairs_hook)
    if not isinstance(value, dict):
        raise MalformedCredential(
            tr("{what} holds JSON, but not a JSON object.", what=_subject(what))
        )
    return value


def _reject_constant(name: str) -> Any:
    raise MalformedCredential(tr("JSON must not contain {name}.", name=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as infinity, which JSON cannot carry
        raise MalformedCredential(tr("JSON holds a number too large to read ({start}…).",
                                     start=text[:20]))
    return value


def _holds_lone_surrogate(value: Any) -> bool:
    """True when a key or a string anywhere in ``value`` holds a surrogate code point (a pair
    in the input decodes to one character, so what is left is half a pair)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False
