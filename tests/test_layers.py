"""The layer contract of docs/architecture.md: a package imports only its floor or those below.

Floors, lowest first (a module directly under ``wallet/`` and ``wallet/jsonld`` are the base):

    base → store, crypto → did → formats → trust, status → verify
         → share, export, issuance, qr → app → cli → ui

Every import counts: top-level, inside functions (the lazy ones that keep start-up fast) and
under ``TYPE_CHECKING``. A module loaded by name (``importlib.import_module("wallet.…")``)
hides an arrow from every reader and linter, so it is refused too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FLOORS: dict[str, int] = {
    "store": 1,
    "crypto": 1,
    "did": 2,
    "formats": 3,
    "trust": 4,
    "status": 4,
    "verify": 5,
    "share": 6,
    "export": 6,
    "issuance": 6,
    "qr": 6,
    "app": 7,
    "cli": 8,
}
UI_FLOOR = 9
BASE = 0


def floor_of(module: str) -> int | None:
    """The floor of a dotted module name, or None for anything outside the project."""
    parts = module.split(".")
    if parts[0] == "ui":
        return UI_FLOOR
    if parts[0] != "wallet":
        return None
    if len(parts) == 1:
        return BASE
    return FLOORS.get(parts[1], BASE)


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every import in the file, relative ones made absolute."""
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # "from wallet import verify" names a package
                yield node.lineno, f"{target}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and _is_dynamic_import(node.func)
        ):
            yield node.lineno, "dynamic:" + node.args[0].value


def _is_dynamic_import(func: ast.expr) -> bool:
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in {"import_module", "__import__"}


def upward_imports(paths: list[Path], root: Path = ROOT) -> list[str]:
    found = []
    for path in paths:
        own = floor_of(_module_name(path, root))
        assert own is not None
        own_unit = _module_name(path, root).split(".")[:2]
        for line, target in imported_modules(path, root):
            where = f"{path.relative_to(root)}:{line}"
            if target.startswith("dynamic:"):
                name = target.removeprefix("dynamic:")
                if name.startswith(("wallet.", "ui.")):
                    found.append(f"{where} loads {name} by name")
                continue
            floor = floor_of(target)
            if floor is None or target.split(".")[:2] == own_unit:
                continue
            if floor > own:
                found.append(f"{where} imports {target} (floor {floor} above {own})")
    return found


def project_files(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


def test_no_package_imports_one_above_it() -> None:
    problems = upward_imports(project_files("wallet", "ui"))
    assert not problems, "\n".join(problems)


def test_every_wallet_package_has_a_floor() -> None:
    # GIVEN the packages under wallet/ WHEN one is added THEN it must be given a floor here
    packages = {p.name for p in (ROOT / "wallet").iterdir() if (p / "__init__.py").is_file()}
    assert packages - set(FLOORS) <= {"jsonld"}, "give the new package a floor in FLOORS"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("wallet/crypto/x.py", "wallet.did"),  # crypto ↔ did
        ("wallet/crypto/x.py", "wallet.formats.json_input"),
        ("wallet/crypto/x.py", "wallet.trust.xml_signature"),
        ("wallet/trust/x.py", "wallet.verify.options"),
        ("wallet/store/x.py", "wallet.share.holder"),
        ("wallet/share/x.py", "wallet.app.importing"),
        ("wallet/qr/x.py", "wallet.cli"),
        ("wallet/app/x.py", "ui.main_window"),
        ("wallet/x.py", "wallet.store"),
    ],
)
def test_the_contract_catches_an_upward_import(tmp_path: Path, source: str, target: str) -> None:
    # GIVEN a module on a low floor importing one above it (the back-imports this test ended)
    path = tmp_path / source
    path.parent.mkdir(parents=True)
    path.write_text(f"def f() -> None:\n    import {target}\n", encoding="utf-8")
    # WHEN the contract reads it THEN it names the import
    assert upward_imports([path], tmp_path) != []


def test_the_contract_catches_a_module_loaded_by_name(tmp_path: Path) -> None:
    path = tmp_path / "wallet" / "qr" / "payload.py"
    path.parent.mkdir(parents=True)
    path.write_text('import importlib\nimportlib.import_module("wallet.share.vpqr")\n')
    found = upward_imports([path], tmp_path)
    assert found == ["wallet/qr/payload.py:2 loads wallet.share.vpqr by name"]


def test_the_core_never_imports_qt() -> None:
    for path in project_files("wallet"):
        for line, target in imported_modules(path):
            assert not target.startswith(("PySide6", "shiboken6")), f"{path}:{line}"
