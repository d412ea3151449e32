"""Every user-visible string of the interface has a Czech translation, and it is loaded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kredo_cs.ts"
QM = ROOT / "resources" / "translations" / "kredo_cs.qm"
sys.path.insert(0, str(ROOT / "packaging"))
from fill_translations import fill  # noqa: E402


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} (from PySide6) is missing; the translations cannot be checked")
    return found


def test_every_string_in_the_sources_has_a_czech_translation(tmp_path: Path) -> None:
    # GIVEN the .ts refreshed from the current sources (as make translations does)
    ts = tmp_path / "kredo_cs.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources, "-ts",
                    str(ts), "-source-language", "en", "-target-language", "cs"], check=True)
    # WHEN the Czech table is written in
    missing = fill(ts)
    # THEN nothing is left untranslated, and every translation has text
    assert missing == [], f"add Czech for: {missing}"
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(t and t.strip() for t in texts), message.findtext("source")


def test_the_committed_catalogue_matches_the_sources(tmp_path: Path) -> None:
    ts = tmp_path / "kredo_cs.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources, "-ts",
                    str(ts), "-source-language", "en", "-target-language", "cs"], check=True)
    fill(ts)
    wanted = {m.findtext("source") for m in ET.parse(ts).iter("message")}
    have = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    assert wanted == have, "run `make translations` and commit the result"


def test_the_compiled_catalogue_translates(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "&Import…") == "&Importovat…"
    assert translator.translate("StatusChip", "Partially verified") == "Částečně ověřeno"
    assert QCoreApplication.instance() is not None


def test_english_says_one_credential_and_two_credentials(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(QM.with_name("kredo_en.qm")))
    assert translator.translate("MainWindow", "%n credential(s)", "", 1) == "%n credential"
    assert translator.translate("MainWindow", "%n credential(s)", "", 2) == "%n credentials"
    plural_sources = {m.findtext("source") for m in ET.parse(TS).iter("message")
                      if m.get("numerus") == "yes"}
    english = {m.findtext("source")
               for m in ET.parse(TS.with_name("kredo_en.ts")).iter("message")}
    assert plural_sources == english, "run `make translations` and commit the result"
