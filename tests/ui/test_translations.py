"""Every user-visible string of the interface has a Czech translation, and it is loaded.

The Qt catalogues are built from the sources and the Czech table (as ``make translations`` and
``make test`` do); nothing of them is kept in git, so there is nothing that could be stale."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import fill_translations  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The .ts and .qm files of a fresh build, and the sources it found without Czech."""
    out = tmp_path_factory.mktemp("translations")
    return out, fill_translations.build(out, out)


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).iter("message"))


def test_every_string_in_the_sources_has_a_czech_translation(
        built: tuple[Path, list[str]]) -> None:
    # GIVEN the catalogues built from the current sources and the Czech table
    out, missing = built
    # THEN nothing is left untranslated, and every translation has text
    assert missing == [], f"add Czech to packaging/cs_translations.py for: {missing}"
    messages = _messages(out / "kredo_cs.ts")
    assert len(messages) > 100
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(t and t.strip() for t in texts), message.findtext("source")


def test_a_string_without_czech_is_reported(tmp_path: Path) -> None:
    # GIVEN a .ts with a source string the Czech table does not know
    ts = tmp_path / "kredo_cs.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="cs">'
                  "<context><name>X</name><message><source>&amp;Import…</source>"
                  '<translation type="unfinished"/></message><message>'
                  "<source>Nobody wrote Czech for this</source>"
                  '<translation type="unfinished"/></message></context></TS>',
                  encoding="utf-8")
    # WHEN the table is written in
    missing = fill_translations.fill(ts)
    # THEN that string is named, and the known one is translated
    assert missing == ["Nobody wrote Czech for this"]
    assert ET.parse(ts).findtext(".//message/translation") == "&Importovat…"


def test_the_catalogues_carry_no_line_numbers(built: tuple[Path, list[str]]) -> None:
    # Moving a line in ui/ must not change what is built.
    out, _ = built
    for name in ("kredo_cs.ts", "kredo_en.ts"):
        assert ET.parse(out / name).find(".//location") is None, name


def test_the_compiled_catalogue_translates(built: tuple[Path, list[str]], qapp: object) -> None:
    out, _ = built
    translator = QTranslator()
    assert translator.load(str(out / "kredo_cs.qm"))
    assert translator.translate("MainWindow", "&Import…") == "&Importovat…"
    assert translator.translate("StatusChip", "Partially verified") == "Částečně ověřeno"
    assert QCoreApplication.instance() is not None


def test_english_says_one_credential_and_two_credentials(
        built: tuple[Path, list[str]], qapp: object) -> None:
    out, _ = built
    translator = QTranslator()
    assert translator.load(str(out / "kredo_en.qm"))
    assert translator.translate("MainWindow", "%n credential(s)", "", 1) == "%n credential"
    assert translator.translate("MainWindow", "%n credential(s)", "", 2) == "%n credentials"
    plural_sources = {m.findtext("source") for m in _messages(out / "kredo_cs.ts")
                      if m.get("numerus") == "yes"}
    english = {m.findtext("source") for m in _messages(out / "kredo_en.ts")}
    assert plural_sources == english


def test_the_build_writes_no_tracked_file(tmp_path: Path) -> None:
    # GIVEN the build as make runs it, its .qm files sent to a folder of the test's own
    before = _git_status()
    # WHEN it runs
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "fill_translations.py"),
                           "--qm-dir", str(tmp_path)], capture_output=True, text=True,
                          check=False)
    # THEN it succeeds, compiles both catalogues, and git sees no new change
    assert done.returncode == 0, done.stderr
    assert {p.name for p in tmp_path.iterdir()} == {"kredo_cs.qm", "kredo_en.qm"}
    assert _git_status() == before


def _git_status() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    return subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
