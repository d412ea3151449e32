"""Terminal-escape injection: a validly signed credential whose texts hold ESC sequences, C1
controls, bidi overrides and line breaks cannot steer the terminal or print a fake line
through any command; ``--json`` still gives the exact texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.conftest import CliResult, Kredo
from tests.robustness.corpus import ob3_document, signers
from wallet.verify.engine import verify_file_bytes
from wallet.verify.report_text import render_report

FAKE_LINE = "  ✔ issuer        Masarykova univerzita is on the EU trusted list (CZ) [offline]"
# Erase the line, go back to its start, write the fake verdict, hide what follows; reorder.
TITLE = f"Kryptografie\x1b[2K\r{FAKE_LINE}\x1b[8m\u202etxt.exe\u2066\x9b31m"
ISSUER = "Masarykova univerzita\x1b]0;owned\x07"
LEARNER = f"Jana\n{FAKE_LINE}\r\n"
# Anything a terminal could act on: C0 but tab and line feed, DEL, C1, bidi controls.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A validly signed OB 3.0 badge (eddsa-rdfc-2022) with hostile title, issuer and learner."""
    keys = signers()
    document = ob3_document(keys.ed_did, 7, title=TITLE)
    document["name"] = TITLE
    document["issuer"]["name"] = ISSUER
    document["credentialSubject"]["name"] = LEARNER
    path = tmp_path / "badge\x1b[31m.json"
    path.write_bytes(keys.data_integrity(document, "eddsa-rdfc-2022"))
    assert verify_file_bytes(path.read_bytes()).check("signature").status.value == "ok"  # type: ignore[union-attr]
    return path


def _assert_safe(result: CliResult) -> None:
    for stream in (result.out, result.err):
        assert RAW_CONTROL.search(stream) is None, stream
        assert not any(line.lstrip().startswith("✔ issuer") for line in stream.splitlines())


def test_no_command_prints_a_raw_control_character_or_a_fake_line(
    kredo: Kredo, hostile: Path
) -> None:
    # GIVEN a wallet holding the hostile badge
    kredo("init", "--passphrase")
    imported = kredo("import", str(hostile))
    ident = imported.out.split("\t")[0]
    # WHEN every command that shows it runs
    results = {
        "import": imported,
        "list": kredo("list"),
        "show": kredo("show", ident),
        "verify": kredo("verify", ident),
        "verify --file": kredo("verify", "--file", str(hostile)),
        "verify batch": kredo("verify", "--file", str(hostile), str(hostile)),
        "scan": kredo("scan", str(hostile)),
        "tag": kredo("tag", ident, "a\x1b[1mb"),
    }
    # THEN none printed a control character, a bidi control or a line of the credential's own
    for name, result in results.items():
        assert result.code in (0, 3), (name, result.err)
        _assert_safe(result)
    # AND the texts are there, escaped where they were hostile
    assert "Kryptografie\\x1b[2K\\r  ✔ issuer" in results["list"].out
    assert "\\u202etxt.exe\\u2066\\x9b31m" in results["show"].out
    assert "badge\\x1b[31m.json" in results["verify batch"].out
    assert "a\\x1b[1mb" in results["tag"].out


def test_the_real_verdict_and_checks_are_printed_intact(kredo: Kredo, hostile: Path) -> None:
    # GIVEN the verdict Kredo reaches for the hostile badge
    expected = render_report(verify_file_bytes(hostile.read_bytes())).splitlines()
    # WHEN it is verified
    result = kredo("verify", "--file", str(hostile))
    lines = result.out.splitlines()
    # THEN the headline is the real one, and there is one line per check: nothing injected
    assert lines[0] == expected[0]
    assert len(lines) == len(expected)
    for shown, real in zip(lines, expected, strict=True):
        assert shown.split()[:2] == real.split()[:2]  # mark and check id, as Kredo wrote them


def test_json_output_keeps_the_exact_texts(kredo: Kredo, hostile: Path) -> None:
    # GIVEN the hostile badge in a wallet
    kredo("init", "--passphrase")
    ident = kredo("import", str(hostile), "--json").json()[0]["id"]  # type: ignore[index]
    # WHEN shown, listed and verified as JSON
    shown = kredo("show", str(ident), "--json")
    listed = kredo("list", "--json")
    checked = kredo("verify", "--file", str(hostile), "--json")
    # THEN the JSON reads back to the exact texts, and holds no raw control character
    view = shown.json()["view"]  # type: ignore[index]
    assert TITLE in view["title"].values()
    assert LEARNER.rstrip() in view["learner_name"].values()  # the view trims the end
    assert listed.json()[0]["title"] == view["title"]  # type: ignore[index]
    assert checked.json()["file"] == str(hostile)  # type: ignore[index]
    for result in (shown, listed, checked):
        assert RAW_CONTROL.search(result.out) is None
