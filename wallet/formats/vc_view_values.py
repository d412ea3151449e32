"""Reading single values out of JSON credentials: texts, dates, numbers, images.

Shared by the W3C VC / Open Badges / SD-JWT view mappers. Each reader returns ``None`` for a
value that is missing or of a shape it does not know: a view shows what is there and never
guesses, and one odd optional field must not make a whole credential unreadable.
"""

from __future__ import annotations

import math
import re
import urllib.parse
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from wallet.base64url import b64url_decode
from wallet.dates import parse_numeric_date
from wallet.errors import MalformedCredential
from wallet.model import NO_LANGUAGE, Image, LangText

# A JSON-LD language map key: "en", "cs-CZ", "und" (BCP 47, loosely).
_LANGUAGE_KEY = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_DATA_URL = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(?:;[^,;]*)*?),(?P<data>.*)",
                       re.DOTALL)
_DIGITS = re.compile(r"\d+")


def as_list(value: Any) -> list[Any]:
    """JSON-LD allows one value or a list of values for most properties."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def first_object(value: Any) -> dict[str, Any] | None:
    for item in as_list(value):
        if isinstance(item, dict):
            return item
    return None


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
    document's plain strings are in).
    """
    collected: dict[str, list[str]] = {}
    untagged = language or NO_LANGUAGE
    for item in as_list(value):
        if isinstance(item, str):
            collected.setdefault(untagged, []).append(item)
        elif isinstance(item, dict) and "@value" in item:
            text = item.get("@value")
            tag = item.get("@language")
            if isinstance(text, str):
                key = tag if isinstance(tag, str) and tag else untagged
                collected.setdefault(key, []).append(text)
        elif isinstance(item, dict) and item and all(
            isinstance(k, str) and _LANGUAGE_KEY.fullmatch(k) for k in item
        ):
            for key, texts in item.items():
                for text in as_list(texts):
                    if isinstance(text, str):
                        collected.setdefault(key, []).append(text)
    return LangText.from_values(collected) if collected else None


def parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 date or date-time (``Z`` allowed); anything else is ``None``."""
    text = plain_string(value)
    if text is None or len(text) > 64:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


parse_epoch = parse_numeric_date


def parse_number(value: Any) -> float | None:
    """A non-negative finite number from a JSON number or a numeric string ("5", "2.5")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and len(value) <= 32:
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return number


def level_from_code(value: Any) -> int | None:
    """An EQF level 1-8 from ``6``, ``"6"``, ``"EQF 6"`` or ``http://data.europa.eu/snb/eqf/6``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 8 else None
    text = plain_string(value)
    if text is None:
        return None
    digits = _DIGITS.findall(text[-16:])
    if not digits:
        return None
    level = int(digits[-1][-3:])
    return level if 1 <= level <= 8 else None


def image_from(value: Any, *, role: str = "badge") -> Image | None:
    """An Image from a URL string, a ``data:`` URL, or an OB 3.0 ``Image`` object."""
    obj = first_object(value)
    url = plain_string(obj.get("id") if obj is not None else value)
    if url is None:
        return None
    if url.startswith("data:"):
        decoded = decode_data_url(url)
        if decoded is None:
            return None
        media_type, data = decoded
        return Image(media_type=media_type, data=data, role=role)
    return Image(media_type=_media_type_from_url(url), url=url, role=role)


def decode_data_url(url: str) -> tuple[str, bytes] | None:
    """``data:[type][;base64],...`` → (media type, bytes); ``None`` when malformed."""
    match = _DATA_URL.fullmatch(url)
    if match is None:
        return None
    media_type = (match.group("type") or "text/plain").lower()
    params = match.group("params") or ""
    payload = match.group("data")
    if ";base64" in params.lower():
        # RFC 2397 says standard base64; some issuers write base64url. Line breaks are common.
        text = "".join(urllib.parse.unquote(payload).split())
        try:
            data = b64url_decode(text, tolerant=True)
        except MalformedCredential:
            return None
    else:
        data = urllib.parse.unquote_to_bytes(payload)
    return media_type, data


def _media_type_from_url(url: str) -> str:
    path = urllib.parse.urlsplit(url).path.lower()
    for suffix, media_type in ((".svg", "image/svg+xml"), (".jpg", "image/jpeg"),
                               (".jpeg", "image/jpeg"), (".gif", "image/gif"),
                               (".webp", "image/webp")):
        if path.endswith(suffix):
            return media_type
    return "image/png"


def languages_of(texts: Iterable[LangText | None]) -> tuple[str, ...]:
    found: set[str] = set()
    for text in texts:
        if text is not None:
            found.update(text.languages)
    return tuple(sorted(found))
