"""Single ELM values: durations and concepts (texts, dates and numbers: test_json_values)."""

from __future__ import annotations

import pytest

from wallet.formats.elm_values import concept_label, duration_hours


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
