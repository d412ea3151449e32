"""One set of value readers for every format, with one date contract: the ELM readers and
the W3C/Open Badges readers had their own, with different rules, before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from wallet.errors import MalformedCredential
from wallet.json_values import (
    as_list,
    id_of,
    lang_text,
    merge_texts,
    parse_datetime,
    parse_number,
)
from wallet.model import LangText

# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2010-01-01T00:00:00", datetime(2010, 1, 1, tzinfo=UTC)),
        ("2020-10-20", datetime(2020, 10, 20, tzinfo=UTC)),
        ("2024-05-01T12:00:00Z", datetime(2024, 5, 1, 12, tzinfo=UTC)),
        ("2023-09-27T13:54:17+02:00",
         datetime(2023, 9, 27, 13, 54, 17, tzinfo=timezone(timedelta(hours=2)))),
        ([" 2020-10-20 ", "2021-01-01"], datetime(2020, 10, 20, tzinfo=UTC)),
        ({"@value": "2020-10-20", "@type": "xsd:date"}, datetime(2020, 10, 20, tzinfo=UTC)),
    ],
)
def test_every_readable_date_is_aware_and_utc_when_it_names_no_offset(
    value: object, expected: datetime
) -> None:
    # GIVEN a date in any of the forms credentials write WHEN read, optional or required
    # THEN it is the same aware moment either way (the VC readers used to return naive ones)
    for read in (parse_datetime(value), parse_datetime(value, what="issue date")):
        assert read == expected
        assert read is not None and read.tzinfo is not None


@pytest.mark.parametrize("value", [None, []])
def test_an_absent_date_is_none_even_where_required(value: object) -> None:
    assert parse_datetime(value) is None
    assert parse_datetime(value, what="issue date") is None


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("secret-ish 31/02", "The credential's issuance date is not a valid date."),
        ("2020-10-20" + "T00:00:00" * 8, "The credential's issuance date is not a valid date."),
        (20201020, "The credential's issuance date is not a date."),
        ("  ", "The credential's issuance date is not a date."),
    ],
)
def test_an_unreadable_date_is_none_where_optional_and_malformed_where_required(
    value: object, sentence: str
) -> None:
    # GIVEN a date no reader can read
    # WHEN it is optional THEN it is left out; WHEN the format requires it THEN it is malformed
    # AND the sentence never echoes the value
    assert parse_datetime(value) is None
    with pytest.raises(MalformedCredential) as caught:
        parse_datetime(value, what="issuance date")
    assert caught.value.message == sentence


# --- texts -------------------------------------------------------------------------------


def _values(text: LangText | None) -> dict[str, str] | None:
    return dict(text.values) if text is not None else None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ELM language maps, with a string or a list per language
        ({"en": "A", "cs": ["B", "C"]}, {"en": "A", "cs": "B\nC"}),
        ({"en": ""}, None),
        # W3C / Open Badges: plain strings, value objects, lists of those
        ("untagged", {"und": "untagged"}),
        ("  ", None),
        ({"@value": "Základy", "@language": "cs"}, {"cs": "Základy"}),
        (["A", {"en": "B"}, "A"], {"und": "A", "en": "B"}),
        # An object that is not a language map is not a text (an ELM Note, an id reference)
        ({"id": "urn:note:1", "type": "Note"}, None),
        ({"noteLiteral": {"en": "x"}}, None),
        (42, None),
    ],
)
def test_texts_read_alike_in_every_format(
    value: object, expected: dict[str, str] | None
) -> None:
    assert _values(lang_text(value)) == expected


def test_an_untagged_string_takes_the_document_language() -> None:
    assert _values(lang_text("Základy", language="cs")) == {"cs": "Základy"}
    assert _values(lang_text({"@value": "Basics", "@language": "en"}, language="cs")) == {
        "en": "Basics"
    }


def test_merged_texts_keep_each_language_once() -> None:
    merged = merge_texts([lang_text({"en": "A"}), None, lang_text({"en": "A", "cs": "B"})], ", ")
    assert _values(merged) == {"en": "A", "cs": "B"}


# --- numbers and lists -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", 2.0), ("2,5", 2.5), (5, 5.0), ([6, 7], 6.0), (True, None), ("two", None),
     (-3, None), ("inf", None), (float("nan"), None), ("1" * 40, None)],
)
def test_numbers_are_non_negative_and_finite(value: object, expected: float | None) -> None:
    assert parse_number(value) == expected


def test_single_values_and_lists_read_alike_without_touching_the_document() -> None:
    original = ["a", "b"]
    listed = as_list(original)
    listed.append("c")
    assert original == ["a", "b"]
    assert as_list("a") == ["a"]
    assert as_list(None) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("did:web:uni.cz", "did:web:uni.cz"), ({"id": "urn:x", "name": "X"}, "urn:x"), ("", None),
     ({"id": ""}, None), ({"name": "X"}, None), (["urn:x"], None), (None, None)],
)
def test_a_reference_is_a_string_or_the_id_of_an_object(
    value: object, expected: str | None
) -> None:
    assert id_of(value) == expected
