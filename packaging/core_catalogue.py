"""Keep the core's Czech catalogue in step with its sentences. Run by ``make translations``.

The core writes every sentence a person reads as ``tr("…")`` or ``tr_n("…", "…", n)``
(``wallet/translation.py``). This collects them from ``wallet/`` with Babel, keeps the Czech
already in ``resources/locale/cs/LC_MESSAGES/kredo.po`` (a translation waiting in a
``packaging/po/*.po`` fragment wins; ``--fold`` then deletes the fragments), drops sentences
no longer in the code, and compiles ``kredo.mo``, which the app reads with the standard
library's gettext.

``kredo.po`` and ``kredo.mo`` are rewritten only when what they say changes (a sentence, a
translation, where a sentence is used), never for how a given Babel lays the file out: the
Plural-Forms line is Kredo's own, and a catalogue is compared with what it should say, not byte
for byte. So the command leaves a clean clone clean, whichever Babel is installed.

``--check`` changes nothing and exits 1 when a sentence lacks Czech, a translation's ``{fields}``
differ from its English, or the committed catalogue is stale.
"""

from __future__ import annotations

import argparse
import gettext
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "cs" / "LC_MESSAGES" / "kredo.po"
MO = PO.with_suffix(".mo")
FRAGMENTS = ROOT / "packaging" / "po"
KEYWORDS = {"tr": None, "tr_n": (1, 2)}
_FIELD = re.compile(r"{(\w*)[^{}]*}")
# Czech: 1 / 2–4 / 5+ (and 0). Written here, not taken from Babel, whose versions spell it
# differently ("(n == 1 ? 0 : …)" or "((n==1) ? 0 : …)").
PLURAL_FORMS = "nplurals=3; plural=(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2);"

MessageId = str | tuple[str, str]


@dataclass
class Problems:
    missing: list[MessageId] = field(default_factory=list)
    fields: list[MessageId] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.missing or self.fields or self.stale)


def extract(root: Path = ROOT) -> dict[MessageId, list[tuple[str, int]]]:
    """Every ``tr``/``tr_n`` template under ``wallet/``, with where it is used."""
    found: dict[MessageId, list[tuple[str, int]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root / "wallet"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.setdefault(message, []).append((f"wallet/{filename}", lineno))
    return found


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale="cs", domain="kredo")


def known_translations(paths: Iterable[Path]) -> dict[MessageId, str | tuple[str, ...]]:
    known: dict[MessageId, str | tuple[str, ...]] = {}
    for path in paths:
        if not path.exists():
            continue
        for message in _read(path):
            if message.id and _translated(message.string):
                known[message.id] = message.string
    return known


def _translated(string: str | tuple[str, ...] | None) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


def fragments() -> list[Path]:
    return sorted(FRAGMENTS.glob("*.po")) if FRAGMENTS.is_dir() else []


def build(root: Path = ROOT) -> tuple[Catalog, Problems]:
    known = known_translations([PO, *fragments()])
    catalog = Catalog(locale="cs", domain="kredo", project="Kredo", version="",
                      copyright_holder="Kredo", msgid_bugs_address="",
                      last_translator="Kredo", language_team="Kredo",
                      charset="utf-8", fuzzy=False)
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS)]
    catalog.header_comment = (
        "# Czech for the sentences of Kredo's core (wallet/); see core_catalogue.py.")
    problems = Problems()
    for message_id, locations in sorted(extract(root).items(), key=lambda item: str(item[0])):
        string = known.get(message_id)
        if string is None:
            problems.missing.append(message_id)
            string = ("", "", "") if isinstance(message_id, tuple) else ""
        elif not _same_fields(message_id, string):
            problems.fields.append(message_id)
        catalog[message_id] = Message(message_id, string,
                                      locations=[(path, None) for path, _ in locations])
    return catalog, problems


def _same_fields(message_id: MessageId, string: str | tuple[str, ...]) -> bool:
    """Every Czech form uses the English fields; ``{n}`` (the count) may be left out."""
    english = message_id if isinstance(message_id, tuple) else (message_id,)
    czech = string if isinstance(string, tuple) else (string,)
    wanted = {name for text in english for name in _FIELD.findall(text)} - {"n"}
    return all(set(_FIELD.findall(text)) - {"n"} == wanted for text in czech)


def rendered(catalog: Catalog) -> tuple[bytes, bytes]:
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, catalog, width=100, omit_header=False, include_lineno=False,
             sort_output=False, ignore_obsolete=True)
    write_mo(mo, catalog)
    return _without_dates(po.getvalue()), mo.getvalue()


Content = tuple[str, list[tuple[MessageId, object, tuple[str, ...]]]]


def content(catalog: Catalog) -> Content:
    """What a catalogue says: its plural forms, and each sentence with its Czech and the files
    that use it. Babel's layout (flags it adds, line wrapping) is left out."""
    messages = [(m.id, m.string, tuple(sorted({path for path, _ in m.locations})))
                for m in catalog if m.id]
    return catalog.plural_forms, sorted(messages, key=lambda item: str(item[0]))


def po_is_current(catalog: Catalog, po: Path = PO) -> bool:
    return po.exists() and content(_read(po)) == content(catalog)


def mo_messages(mo: bytes) -> dict[object, str]:
    """What a compiled catalogue translates, without its header (which carries the time it
    was compiled and Babel's version, and so differs on every run)."""
    messages = dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def mo_is_current(mo: bytes) -> bool:
    return MO.exists() and mo_messages(MO.read_bytes()) == mo_messages(mo)


def _without_dates(po: bytes) -> bytes:
    # Dates and Babel's version would make every run, or a newer Babel, a change.
    return re.sub(rb'"(POT-Creation-Date|PO-Revision-Date|Generated-By): [^"]*\\n"\n', b"", po)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on problems")
    parser.add_argument("--fold", action="store_true",
                        help="delete the packaging/po fragments once written into kredo.po")
    args = parser.parse_args(argv)
    catalog, problems = build()
    po, mo = rendered(catalog)
    if args.check:
        if not po_is_current(catalog) or not mo_is_current(mo) or fragments():
            problems.stale.append("run `make translations` and commit the catalogue")
    else:
        if not po_is_current(catalog):
            PO.parent.mkdir(parents=True, exist_ok=True)
            PO.write_bytes(po)
        if not mo_is_current(mo):
            MO.write_bytes(mo)
        if args.fold and not problems:
            for fragment in fragments():
                fragment.unlink()
    for message_id in problems.missing:
        print(f"no Czech: {message_id!r}", file=sys.stderr)
    for message_id in problems.fields:
        print(f"fields differ from the English: {message_id!r}", file=sys.stderr)
    for line in problems.stale:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
