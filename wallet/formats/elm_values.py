"""Reading single values out of ELM v3 JSON-LD: language maps, concepts, dates, durations.

ELM v3 (the European Learning Model behind European Digital Credentials) is compact JSON-LD
with one flat context, so the shapes repeat everywhere: a language map (``{"en": "x"}`` or,
from newer issuers, ``{"en": ["x"]}``), a ``Concept`` from an EU vocabulary (``id`` URI plus
``prefLabel``), a ``Note`` (``noteLiteral``), ISO 8601 dates and durations. Any property may
hold one value or a list. These readers never guess: a value that is absent gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from wallet.errors import MalformedCredential
from wallet.model import LangText
from wallet.translation import tr

# The EU authority tables end their concept URIs with a code: .../country/CZE, .../eqf/6.
_URI_TAIL = re.compile(r"[/#]([^/#]+)$")
# ISO 8601 durations; only the time part converts to hours without guessing how long a
# day, week, month or year of study is.
_DURATION = re.compile(
    r"^P(?:(?P<years>\d+(?:[.,]\d+)?)Y)?(?:(?P<months>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)


def as_list(value: Any) -> list[Any]:
    """Every ELM property may be single or repeated; read both alike."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


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


def lang_text(value: Any) -> LangText | None:
    """A language map whose values are strings or lists of strings; a bare string is untagged."""
    if isinstance(value, str):
        return LangText.plain(value.strip()) if value.strip() else None
    if isinstance(value, list):
        return merge_texts(lang_text(item) for item in value)
    if not isinstance(value, Mapping):
        return None
    cleaned: dict[str, str | list[str]] = {}
    for lang, text in value.items():
        if not isinstance(lang, str) or lang.startswith("@"):
            continue
        if isinstance(text, str):
            cleaned[lang] = text
        elif isinstance(text, list):
            cleaned[lang] = [t for t in text if isinstance(t, str)]
    return LangText.from_values(cleaned)


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


def concept_label(concept: Any) -> LangText | None:
    """A Concept's ``prefLabel``; without one, the code at the end of its URI (``FRA``)."""
    if isinstance(concept, str):
        code = uri_code(concept)
        return LangText.plain(code) if code else None
    if not isinstance(concept, Mapping):
        return None
    label = lang_text(concept.get("prefLabel"))
    if label is not None:
        return label
    concept_id = concept.get("id")
    if isinstance(concept_id, str) and (code := uri_code(concept_id)):
        return LangText.plain(code)
    return None


def concept_labels(value: Any) -> LangText | None:
    """Labels of one or several concepts, joined with ``, `` per language."""
    return merge_texts((concept_label(c) for c in as_list(value)), separator=", ")


def concept_id(concept: Any) -> str | None:
    if isinstance(concept, str):
        return concept
    if isinstance(concept, Mapping) and isinstance(concept.get("id"), str):
        return str(concept["id"])
    return None


def uri_code(uri: str) -> str | None:
    match = _URI_TAIL.search(uri.strip())
    return match.group(1) if match else None


def note_text(note: Any) -> LangText | None:
    """A ``Note`` (``noteLiteral``), or a plain language map where an issuer skipped the Note."""
    texts = []
    for item in as_list(note):
        if isinstance(item, Mapping) and "noteLiteral" in item:
            texts.append(lang_text(item.get("noteLiteral")))
        else:
            texts.append(lang_text(item))
    return merge_texts(texts)


def parse_datetime(value: Any, *, what: str) -> datetime | None:
    """An ``xsd:dateTime`` or ``xsd:date`` as an aware datetime.

    ``what`` names the date in sentences (a ``tr()`` sentence such as ``tr("issue date")``).

    A value without an offset is read as UTC: ELM issuers write UTC, and an aware value is
    what every consumer compares against.
    """
    value = first(value)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MalformedCredential(
            tr("The credential's {what} is not a date.", what=what),
            details=f"type {type(value).__name__}",
        )
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MalformedCredential(
            invalid_date(what), details=f"value of {len(value)} characters"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def invalid_date(what: str) -> str:
    """The sentence for a date field that does not parse; ``what`` is a ``tr()`` sentence."""
    return tr("The credential's {what} is not a valid date.", what=what)


def duration_hours(value: Any) -> float | None:
    """Hours in an ISO 8601 duration such as ``PT60H`` or ``PT1H30M``.

    Durations with a date part (``P2M``, ``P1D``) give ``None``: a month or a day of study
    has no fixed number of hours, and a workload is never guessed.
    """
    value = first(value)
    if not isinstance(value, str):
        return None
    match = _DURATION.match(value.strip().upper())
    if match is None or value.strip().upper() in ("P", "PT"):
        return None
    parts = {k: float(v.replace(",", ".")) for k, v in match.groupdict().items() if v is not None}
    if any(parts.get(k, 0.0) for k in ("years", "months", "weeks", "days")):
        return None
    if not any(k in parts for k in ("hours", "minutes", "seconds")):
        return None
    return (
        parts.get("hours", 0.0) + parts.get("minutes", 0.0) / 60 + parts.get("seconds", 0.0) / 3600
    )


def number(value: Any) -> float | None:
    """A number written as a JSON number or a string (``"point": "2"``)."""
    value = first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None
