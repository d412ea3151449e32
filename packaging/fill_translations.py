"""Build the interface's Qt catalogues from the sources and the Czech table. Run by
``make translations`` and ``make test``.

``pyside6-lupdate`` collects the English strings of ``ui/`` into a ``.ts`` file, the Czech
table (``packaging/cs_translations.py``) is written into it, and ``pyside6-lrelease`` compiles
``resources/translations/kredo_cs.qm``; English gets ``kredo_en.qm`` with its plural forms
only. The ``.ts`` files are a step on the way, made afresh in a temporary folder: the table is
the one place the Czech is kept, and nothing tracked by git is written.

Exits 1 (after compiling) when a source string has no Czech in the table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cs_translations import CS

ROOT = Path(__file__).resolve().parents[1]
QM_DIR = ROOT / "resources" / "translations"


def fill(ts: Path) -> list[str]:
    """Fill every message; return the sources that have no Czech translation."""
    tree = ET.parse(ts)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        text = CS.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in text.split("|"):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def fill_english_plurals(ts: Path) -> None:
    """English needs only plural forms (``lupdate -pluralonly``): "%n issuer(s)" becomes
    "%n issuer" and "%n issuers", so nobody reads "1 credential(s)"."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def qt_tool(name: str) -> str:
    """A PySide6 tool, from the running Python's environment first."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} (from PySide6) is missing")
    return found


def collect(ts: Path, language: str, *, plural_only: bool = False) -> None:
    """A fresh ``.ts`` with every ``tr()`` string of ``ui/``, without source locations."""
    ts.unlink(missing_ok=True)
    sources = sorted(str(path) for path in (ROOT / "ui").glob("*.py"))
    subprocess.run([qt_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *(["-pluralonly"] if plural_only else []), *sources, "-ts", str(ts),
                    "-source-language", "en", "-target-language", language], check=True)


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)


def build(ts_dir: Path, qm_dir: Path = QM_DIR) -> list[str]:
    """Write ``kredo_cs``/``kredo_en`` ``.ts`` into ts_dir and their ``.qm`` into qm_dir;
    return the sources that have no Czech translation."""
    czech = ts_dir / "kredo_cs.ts"
    collect(czech, "cs")
    missing = fill(czech)
    compile_ts(czech, qm_dir / "kredo_cs.qm")
    english = ts_dir / "kredo_en.ts"
    collect(english, "en", plural_only=True)
    fill_english_plurals(english)
    compile_ts(english, qm_dir / "kredo_en.qm")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qm-dir", type=Path, default=QM_DIR,
                        help="where the .qm files go (default: resources/translations)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kredo-ts-") as work:
        missing = build(Path(work), args.qm_dir)
    for source in missing:
        print(f"no Czech translation: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
