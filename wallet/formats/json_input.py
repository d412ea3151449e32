"""Strict, bounded JSON reading shared by every JSON-based format."""

from __future__ import annotations

import json
from typing import Any

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.formats.limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH

_OPENERS = frozenset(b"[{")
_CLOSERS = frozenset(b"]}")


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
    """True when brackets outside strings nest deeper than ``limit`` (no parsing needed)."""
    depth = 0
    in_string = False
    escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in _OPENERS:
            depth += 1
            if depth > limit:
                return True
        elif byte in _CLOSERS:
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
