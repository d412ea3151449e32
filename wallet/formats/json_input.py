"""Strict, bounded JSON reading shared by every JSON-based format."""

from __future__ import annotations

import json
import re
from typing import Any

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.formats.limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH

_OPENERS = frozenset(b"[{")
# A string runs to its closing quote, or to the end of the input when it has none: every
# quote outside a string starts a match, so the scan stays linear on hostile input.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def decode_text(raw: bytes, *, what: str = "The file") -> str:
    """UTF-8 (an optional BOM is dropped); anything else is a clear error."""
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(
            f"{what} is {len(raw) // (1024 * 1024)} MB, "
            f"above the {MAX_INPUT_BYTES // (1024 * 1024)} MB "
            "limit for one credential."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedCredential(
            f"{what} is not valid UTF-8 text (bad byte at position {exc.start}).",
        ) from None


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


def load_json(raw: bytes, *, what: str = "The file") -> Any:
    """Parse JSON with the size and depth caps; raise only typed wallet errors."""
    text = decode_text(raw, what=what)
    if json_depth_exceeds(raw):
        raise InputTooLarge(f"{what} nests JSON deeper than {MAX_JSON_DEPTH} levels.")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise MalformedCredential(
            f"{what} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).",
        ) from None
    except RecursionError:  # pragma: no cover - guarded by the depth pre-scan
        raise InputTooLarge(f"{what} nests JSON too deeply.") from None


def load_json_object(raw: bytes, *, what: str = "The file") -> dict[str, Any]:
    value = load_json(raw, what=what)
    if not isinstance(value, dict):
        raise MalformedCredential(f"{what} holds JSON, but not a JSON object.")
    return value


def _reject_constant(name: str) -> Any:
    raise MalformedCredential(f"JSON must not contain {name}.")
