"""Reading the values only ELM v3 JSON-LD has: concepts, notes, durations.

ELM v3 (the European Learning Model behind European Digital Credentials) is compact JSON-LD
with one flat context, so the shapes repeat everywhere: a ``Concept`` from an EU vocabulary
(``id`` URI plus ``prefLabel``), a ``Note`` (``noteLiteral``), ISO 8601 durations. Texts
(language maps such as ``{"en": "x"}`` or ``{"en": ["x"]}``), dates, numbers and single-or-list
values are read by :mod:`wallet.json_values`, like every other format's. These readers never
guess: a value that is absent gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wallet.json_values import as_list, first, lang_text, merge_texts
from wallet.model import LangText

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

