"""Write the Czech table (packaging/cs_translations.py) into the Qt .ts file that
``pyside6-lupdate`` keeps in step with the sources. Run by ``make translations``."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cs_translations import CS  # noqa: E402

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "kredo_cs.ts"


def fill(ts: Path = TS) -> list[str]:
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


EN_TS = TS.with_name("kredo_en.ts")


def fill_english_plurals(ts: Path = EN_TS) -> None:
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


if __name__ == "__main__":
    if sys.argv[1:] == ["--english"]:
        fill_english_plurals()
        sys.exit(0)
    left = fill()
    for source in left:
        print(f"no Czech translation: {source!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
