"""The label tables: complete for every row the GUI and the PDF show, and faithful to the
EU's own Czech wording where they claim to use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.model import MicroCredentialView
from wallet.share.annex_labels import (
    ANNEX_I_LABELS,
    DOCUMENT_LABELS,
    hours_word,
    label,
    ui_language,
)
from wallet.share.annex_rows import row_order
from wallet.share.view_text import ANNEX_LABELS_EN

EU_LABELS = (
    Path(__file__).resolve().parents[1] / "assets" / "vectors" / "cz" / "edc-ui-labels-cs-en.json"
)

# Rows that show a view field under another key, or several fields in one row.
ROW_OF_FIELD = {
    "learner_name": "learner",
    "ects": "workload",
    "workload_hours": "workload",
    "eqf_level": "level",
    "nqf_level": "level",
}
NOT_SHOWN_AS_ROWS = {"types", "images"}  # the format line and the picture show these


def test_every_shared_row_key_has_labels_in_both_languages() -> None:
    for key in ANNEX_LABELS_EN:
        assert ANNEX_I_LABELS[key].en and ANNEX_I_LABELS[key].cs, key


def test_every_field_of_the_view_is_shown_by_some_row() -> None:
    rows = set(row_order())
    for field in MicroCredentialView.__dataclass_fields__:
        if field in NOT_SHOWN_AS_ROWS:
            continue
        assert ROW_OF_FIELD.get(field, field) in rows, field


def test_czech_labels_taken_from_the_eu_viewer_match_it_word_for_word() -> None:
    pairs = {entry["key"]: entry for entry in json.loads(EU_LABELS.read_text())["labels"]}
    borrowed = [
        (name, found)
        for table in (ANNEX_I_LABELS, DOCUMENT_LABELS)
        for name, found in table.items()
        if found.eu_key
    ]
    assert len(borrowed) >= 15
    for name, found in borrowed:
        pair = pairs[found.eu_key]
        # English may follow the Annex I wording instead ("Awarding body", not "Awarded by")
        # the viewer writes a few Czech labels in lower case mid-sentence; Kredo capitalises
        assert found.cs[:1].upper() + found.cs[1:] == pair["cs"][:1].upper() + pair["cs"][1:], name


def test_language_codes_fall_back_to_english() -> None:
    assert ui_language("cs-CZ") == "cs"
    assert ui_language("CES") == "cs"
    assert ui_language("de") == "en"
    assert label("grade", "ces") == "Známka"
    assert label("grade", "fr") == "Grade"


@pytest.mark.parametrize(("value", "lang", "word"), [
    (1, "cs", "hodina"), (2, "cs", "hodiny"), (4, "cs", "hodiny"), (2.5, "cs", "hodiny"),
    (5, "cs", "hodin"), (60, "cs", "hodin"), (1, "en", "hour"), (60, "en", "hours"),
])
def test_the_hours_word_agrees_with_the_number(value: float, lang: str, word: str) -> None:
    assert hours_word(value, lang) == word
