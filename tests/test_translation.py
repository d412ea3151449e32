"""The core speaks Czech: every sentence it shows has a Czech translation, and saved reports
can be shown again in the other language."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from wallet.errors import FormatError
from wallet.translation import (
    Sentence,
    language_from_environment,
    localize,
    tr,
    tr_n,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import core_catalogue  # noqa: E402

# A plural sentence of the core (wallet/qr/assemble.py): three forms in Czech.
PLURAL = ("from {n} frame", "from {n} frames")

# The command line's own texts (argparse help, progress lines) are English for now.
NOT_CHECKED = ("wallet/cli/",)


def test_catalogue_has_czech_for_every_sentence_and_is_current() -> None:
    catalog, problems = core_catalogue.build()
    assert not problems.missing, f"sentences without Czech: {problems.missing[:20]}"
    assert not problems.fields, f"Czech with other {{fields}}: {problems.fields[:20]}"
    _po, mo = core_catalogue.rendered(catalog)
    assert core_catalogue.po_is_current(catalog), "kredo.po is stale: run `make translations`"
    assert core_catalogue.mo_is_current(mo), "kredo.mo is stale: run `make translations`"
    assert not core_catalogue.fragments(), "fold packaging/po: make translations FOLD=1"
    assert len(catalog) > 50


def test_the_catalogue_check_passes_on_the_committed_files() -> None:
    # WHEN the staleness check runs as a person or CI would run it
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "core_catalogue.py"),
                           "--check"], capture_output=True, text=True, check=False)
    # THEN it finds nothing to do
    assert done.returncode == 0, done.stderr[-2000:]


def test_babel_layout_is_not_staleness_but_a_changed_translation_is(tmp_path: Path) -> None:
    # GIVEN the committed catalogue laid out as another Babel might: no flags on the
    # sentences, lines wrapped at 60 columns
    catalog, _ = core_catalogue.build()
    with core_catalogue.PO.open("rb") as handle:
        committed = read_po(handle, locale="cs")
    for message in committed:
        message.flags.clear()
    other_babel = tmp_path / "other-babel.po"
    with other_babel.open("wb") as handle:
        write_po(handle, committed, width=60)
    assert other_babel.read_bytes() != core_catalogue.PO.read_bytes()
    # THEN it is current: rewriting it would change nothing a reader sees
    assert core_catalogue.po_is_current(catalog, other_babel)
    # BUT a different plural rule, or one changed Czech word, is stale
    text = core_catalogue.PO.read_text(encoding="utf-8")
    wrong_rule = tmp_path / "wrong-rule.po"
    wrong_rule.write_text(text.replace(core_catalogue.PLURAL_FORMS,
                                       "nplurals=2; plural=(n != 1);"), encoding="utf-8")
    assert wrong_rule.read_text(encoding="utf-8") != text
    assert not core_catalogue.po_is_current(catalog, wrong_rule)
    changed = tmp_path / "changed.po"
    changed.write_text(text.replace('msgstr "Zrušeno."', 'msgstr "Přerušeno."', 1),
                       encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != text
    assert not core_catalogue.po_is_current(catalog, changed)


def _wallet_error_names(files: list[Path]) -> set[str]:
    bases: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases}
    names = {"WalletError"}
    while True:
        more = {name for name, parents in bases.items() if parents & names} - names
        if not more:
            return names
        names |= more


def _is_text(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _untranslated(path: Path, errors: set[str]) -> Iterator[str]:
    where = path.relative_to(ROOT).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        suspects: list[ast.AST] = [k.value for k in node.keywords if k.arg == "message"]
        if callee in errors and node.args:
            suspects.append(node.args[0])
        if callee == "result" and len(node.args) >= 3:
            suspects.append(node.args[2])
        if callee in ("tr", "tr_n") and node.args and not all(
            isinstance(a, ast.Constant) for a in node.args[: 1 if callee == "tr" else 2]
        ):
            yield f"{where}:{node.lineno}: tr() needs a literal template, not an f-string"
        for suspect in suspects:
            if _is_text(suspect):
                yield f"{where}:{node.lineno}: {callee}(…) is given English text without tr()"


def test_core_sentences_go_through_tr() -> None:
    files = sorted((ROOT / "wallet").rglob("*.py"))
    errors = _wallet_error_names(files)
    found = [line for path in files
             if not path.relative_to(ROOT).as_posix().startswith(NOT_CHECKED)
             for line in _untranslated(path, errors)]
    assert not found, "\n".join(found)


def test_sentence_is_made_in_the_active_language_and_keeps_its_template(czech: None) -> None:
    error = FormatError(tr("The file {name} does not exist.", name="odznak.json"))
    assert str(error) == "Soubor odznak.json neexistuje."
    assert isinstance(error.message, Sentence)
    assert error.message.localized("en") == "The file odznak.json does not exist."


def test_saved_sentence_is_shown_in_the_other_language(czech: None) -> None:
    outer = tr("{name} could not be read ({reason}).", name="a.json", reason=tr("Cancelled."))
    assert outer == "a.json nelze přečíst (Zrušeno.)."
    spec = json.loads(json.dumps(outer.to_json()))
    assert localize(outer, spec, "en") == "a.json could not be read (Cancelled.)."
    assert localize(outer, spec, "cs") == str(outer)
    # Text saved before templates existed, or a damaged template, is shown as saved.
    assert localize("as saved", None, "cs") == "as saved"
    assert localize("as saved", {"template": 5}, "cs") == "as saved"
    # A sentence the catalogue does not know stays English in Czech.
    assert tr("Not in any catalogue {x}.", x=1) == "Not in any catalogue 1."


def test_czech_plurals_have_three_forms(czech: None) -> None:
    czech_forms = [tr_n(*PLURAL, count) for count in (1, 3, 5)]
    assert len(set(czech_forms)) == 3, czech_forms
    assert tr_n(*PLURAL, 2).localized("en") == PLURAL[1].format(n=2)


def test_language_from_environment() -> None:
    assert language_from_environment({"KREDO_LANG": "cs", "LANG": "en_GB.UTF-8"}) == "cs"
    assert language_from_environment({"LANG": "cs_CZ.UTF-8"}) == "cs"
    assert language_from_environment({"LANGUAGE": "en:cs", "LANG": "cs_CZ.UTF-8"}) == "en"
    assert language_from_environment({}) == "en"
