"""Reading the values the W3C VC, Open Badges and SD-JWT view mappers share: levels, images,
languages, JWT dates.

Texts, dates, numbers and single-or-list values are read by :mod:`wallet.json_values`, like
every other format's. Each reader returns ``None`` for a value that is missing or of a shape
it does not know: a view shows what is there and never guesses, and one odd optional field
must not make a whole credential unreadable.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable
from typing import Any

from wallet.base64url import b64url_decode
from wallet.dates import parse_numeric_date
from wallet.errors import MalformedCredential
from wallet.json_values import first_object, plain_string
from wallet.model import Image, LangText

_DATA_URL = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(?:;[^,;]*)*?),(?P<data>.*)",
                       re.DOTALL)
_DIGITS = re.compile(r"\d+")


parse_epoch = parse_numeric_date


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
