"""Reading single values out of credential JSON: lists, texts, dates, numbers.

One set of readers for every format (ELM v3, W3C VC, Open Badges, SD-JWT VC claims) and for
the checks that read proofs and status entries, with one contract:

- any property may hold one value or a list (:func:`as_list`, :func:`first`);
- a text is a string, a JSON-LD value object (``@value``/``@language``), a language map whose
  values are strings or lists of strings, or a list of those (:func:`lang_text`);
- a date is an ISO 8601 date or date-time, returned aware: a value without an offset is UTC,
  as the VC data model and ELM say, never local time (:func:`parse_datetime`);
- a number is a non-negative finite number, written as a JSON number or a string.

A value that is absent gives ``None``; so does one of a shape the reader does not know, unless
the caller names it (``what``) because its format requires it to be valid.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from wallet.dates import parse_xsd_datetime
from wallet.errors import MalformedCredential
from wallet.model import NO_LANGUAGE, LangText
from wallet.translation import tr

# A JSON-LD language map key: "en", "cs-CZ", "und" (BCP 47, loosely).
_LANGUAGE_KEY = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# Longer than any ISO 8601 date-time; a longer "date" is not read at all.
_MAX_DATE_CHARS = 64
_MAX_NUMBER_CHARS = 32


def as_list(value: Any) -> list[Any]:
    """One value or a list of values, as a list (``None`` is none)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def first(value: Any) -> Any:
    """The first of a single-or-list value, or ``None``."""
    items = as_list(value)
    return items[0] if items else None


def first_object(value: Any) -> dict[str, Any] | None:
    """The first JSON object of a single-or-list value (references by bare id are skipped)."""
    for item in as_list(value):
        if isinstance(item, dict):
            return item
    return None


def objects(value: Any) -> list[dict[str, Any]]:
    return [item for item in as_list(value) if isinstance(item, dict)]


def id_of(value: Any) -> str | None:
    """A reference: a non-empty string, or the non-empty string ``id`` of an object."""
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def plain_string(value: Any) -> str | None:
    """A non-empty string, also from a ``{"@value": ...}`` object or the first list item."""
    for item in as_list(value):
        text = item.get("@value") if isinstance(item, dict) else item
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def lang_text(value: Any, *, language: str | None = None) -> LangText | None:
    """Text from a string, a JSON-LD value object, a language map, or a list of those.

    ``language`` tags untagged strings (OB 3.0 ``inLanguage`` says which language the
    document's plain strings are in). The items of a list are joined language by language.
    """
    if isinstance(value, list):
        return merge_texts(lang_text(item, language=language) for item in value)
    untagged = language or NO_LANGUAGE
    if isinstance(value, str):
        return LangText.from_values({untagged: value})
    if not isinstance(value, Mapping):
        return None
    if "@value" in value:
        text, tag = value.get("@value"), value.get("@language")
        key = tag if isinstance(tag, str) and tag else untagged
        return LangText.from_values({key: text}) if isinstance(text, str) else None
    return LangText.from_values(_language_map(value)) if _is_language_map(value) else None


def _is_language_map(value: Mapping[Any, Any]) -> bool:
    keys = [k for k in value if not (isinstance(k, str) and k.startswith("@"))]
    return bool(keys) and all(isinstance(k, str) and _LANGUAGE_KEY.fullmatch(k) for k in keys)


def _language_map(value: Mapping[str, Any]) -> dict[str, list[str]]:
    return {
        lang: [t for t in as_list(texts) if isinstance(t, str)]
        for lang, texts in value.items()
        if not lang.startswith("@")
    }


def merge_texts(texts: Iterable[LangText | None], separator: str = "\n") -> LangText | None:
    """Join several texts language by language (a language missing in one keeps the others)."""
    merged: dict[str, list[str]] = {}
    for text in texts:
        if text is None:
            continue
        for lang, value in text.values.items():
            parts = merged.setdefault(lang, [])
            if value not in parts:
                parts.append(value)
    if not merged:
        return None
    return LangText({lang: separator.join(parts) for lang, parts in merged.items()})


def parse_datetime(value: Any, *, what: str | None = None) -> datetime | None:
    """An ISO 8601 date or date-time (``Z`` allowed), aware (UTC when it names no offset).

    Absent gives ``None``. Unreadable gives ``None`` too, unless ``what`` names the date
    (a ``tr()`` sentence such as ``tr("issue date")``): the caller's format requires a valid
    date there, and an unreadable one raises :class:`MalformedCredential`.
    """
    item = first(value)
    if isinstance(item, dict) and "@value" in item:
        item = item["@value"]
    if item is None:
        return None
    text = item.strip() if isinstance(item, str) else ""
    parsed = parse_xsd_datetime(text) if 0 < len(text) <= _MAX_DATE_CHARS else None
    if parsed is not None or what is None:
        return parsed
    if not text:
        raise MalformedCredential(
            tr("The credential's {what} is not a date.", what=what),
            details=f"type {type(item).__name__}",
        )
    raise MalformedCredential(invalid_date(what), details=f"value of {len(text)} characters")


def invalid_date(what: str) -> str:
    """The sentence for a date field that does not parse; ``what`` is a ``tr()`` sentence."""
    return tr("The credential's {what} is not a valid date.", what=what)


def parse_number(value: Any) -> float | None:
    """A non-negative finite number from a JSON number or a numeric string ("5", "2,5")."""
    item = first(value)
    if isinstance(item, bool):
        return None
    if isinstance(item, int | float):
        number = float(item)
    elif isinstance(item, str) and len(item) <= _MAX_NUMBER_CHARS:
        try:
            number = float(item.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return number
