"""Single ELM values: durations, dates, concepts, language maps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wallet.errors import MalformedCredential
from wallet.formats.elm_values import (
    concept_label,
    duration_hours,
    lang_text,
    number,
    parse_datetime,
)


@pytest.mark.parametrize(
    ("duration", "hours"),
    [
        ("PT60H", 60.0),
        ("PT100H", 100.0),
        ("PT1H30M", 1.5),
        ("PT90M", 1.5),
        ("pt2h", 2.0),
        # A date part has no fixed length in hours of study: never guessed.
        ("P2M", None),
        ("P60M", None),
        ("P1D", None),
        ("P1DT2H", None),
        ("P", None),
        ("PT", None),
        ("60 hours", None),
        (60, None),
    ],
)
def test_duration_hours(duration: object, hours: float | None) -> None:
    assert duration_hours(duration) == hours


def test_dates_without_offset_are_read_as_utc() -> None:
    assert parse_datetime("2010-01-01T00:00:00", what="issuance date") == datetime(
        2010, 1, 1, tzinfo=UTC
    )
    assert parse_datetime("2020-10-20", what="issue date") == datetime(2020, 10, 20, tzinfo=UTC)
    assert parse_datetime(None, what="issue date") is None


def test_invalid_date_is_malformed_without_echoing_the_value() -> None:
    with pytest.raises(MalformedCredential) as caught:
        parse_datetime("secret-ish 31/02", what="issuance date")
    assert caught.value.message == "The credential's issuance date is not a valid date."


def test_concept_label_prefers_pref_label_then_uri_code() -> None:
    labelled = {
        "id": "http://publications.europa.eu/resource/authority/country/CZE",
        "prefLabel": {"en": "Czechia"},
    }
    bare = {"id": "http://publications.europa.eu/resource/authority/country/CZE"}
    assert concept_label(labelled) is not None and concept_label(labelled).values == {
        "en": "Czechia"
    }  # type: ignore[union-attr]
    assert concept_label(bare) is not None and concept_label(bare).values == {"und": "CZE"}  # type: ignore[union-attr]
    assert concept_label(None) is None


def test_language_map_forms() -> None:
    assert lang_text({"en": "A", "cs": ["B", "C"]}).values == {"en": "A", "cs": "B\nC"}  # type: ignore[union-attr]
    assert lang_text({"en": ""}) is None
    assert lang_text("untagged").values == {"und": "untagged"}  # type: ignore[union-attr]
    assert lang_text(42) is None


def test_number_accepts_strings_and_rejects_booleans() -> None:
    assert number("2") == 2.0
    assert number("2,5") == 2.5
    assert number(True) is None
    assert number("two") is None
