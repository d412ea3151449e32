"""Text from strangers made safe for a terminal: every character that could steer it or reorder
a line is shown escaped; everything else, Czech included, is left as it is."""

from __future__ import annotations

import json

import pytest

from wallet.terminal_text import escape_in_json, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Základy kryptografie ✔", "Základy kryptografie ✔"),
        ("a\x1b[32mb", "a\\x1b[32mb"),  # ESC: colours, cursor moves
        ("a\rb\nc\td", "a\\rb\\nc\\td"),  # a line or a column of its own
        ("\x00\x07\x7f", "\\x00\\x07\\x7f"),
        ("\x9b31m\x85", "\\x9b31m\\x85"),  # C1: CSI and NEL in one character
        ("\u202etxt.exe\u202c", "\\u202etxt.exe\\u202c"),  # bidi override and its end
        ("\u2066\u2067\u2068\u2069\u202a\u202b\u202d", "\\u2066\\u2067\\u2068\\u2069\\u202a"
                                                        "\\u202b\\u202d"),
        ("a\u2028b", "a\\u2028b"),  # a line separator
        ("\ud800", "\\ud800"),  # a lone surrogate, which no terminal encoding takes
    ],
)
def test_printable_escapes_what_could_steer_a_terminal(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(shown) == shown  # escaping twice changes nothing more


def test_json_keeps_its_layout_and_reads_back_exactly() -> None:
    # GIVEN JSON text holding every kind of character printable escapes
    value = {"title": "a\x1b[2K\r\n\u202e\x9b\ud800 ✔", "n": [1, 2]}
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # WHEN it is made safe for the terminal
    safe = escape_in_json(text)
    # THEN it still reads back to the same value, keeps its lines, and holds no raw control
    assert json.loads(safe) == value
    assert safe.count("\n") == text.count("\n")
    assert printable(safe.replace("\n", "")) == safe.replace("\n", "")
