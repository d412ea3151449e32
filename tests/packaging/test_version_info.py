"""``kredo --version`` and the About box say what is running: each component asked itself."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from PySide6.QtCore import qVersion

import wallet
import wallet.bundled_resources
import wallet.trust
from wallet.app.version_info import collect_version_info, version_lines
from wallet.cli import main

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def _manifest() -> dict[str, object]:
    manifest: dict[str, object] = json.loads(
        (RESOURCES / "contexts" / "manifest.json").read_text(encoding="utf-8")
    )
    return manifest


def test_lines_name_every_component_with_its_real_version() -> None:
    # GIVEN this installation  WHEN the version lines are gathered
    lines = version_lines()
    # THEN each names the version the component itself reports
    cipher = sqlcipher3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()[0]
    assert lines[0] == f"Kredo {wallet.__version__}"
    assert lines[1].startswith(f"Python {sys.version.split()[0]} ")
    assert lines[2].startswith(f"Qt {qVersion()} (PySide6 ")
    assert lines[3] == f"SQLCipher {cipher} (SQLite {sqlcipher3.sqlite_version})"
    manifest = _manifest()
    assert isinstance(manifest["contexts"], list)
    assert (
        lines[4] == f"JSON-LD contexts: {manifest['updated']} ({len(manifest['contexts'])} bundled)"
    )
    # AND the trust snapshot's date is the one in the bundled snapshot, flagged as outdated
    snapshot = wallet.trust.bundled_snapshot()
    assert lines[5].startswith(f"Trust snapshot: {snapshot.snapshot_date.date().isoformat()} (")
    assert "CZ" in lines[5]
    assert "outdated" in lines[5]


def test_without_pyside6_the_qt_line_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN an installation where PySide6 cannot be imported (a headless server install)
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", None)
    # WHEN the lines are gathered  THEN the Qt line says it is absent and nothing else breaks
    lines = version_lines()
    assert lines[2] == "Qt: not installed (the command line does not need it)"
    assert lines[3].startswith("SQLCipher ")


@pytest.fixture
def resources_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of resources/ that a test may damage; the trust caches follow it."""
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    monkeypatch.setattr(wallet.bundled_resources, "RESOURCES_DIR", copy)
    wallet.trust._trust_dir.cache_clear()
    wallet.trust.bundled_snapshot.cache_clear()
    yield copy
    wallet.trust._trust_dir.cache_clear()
    wallet.trust.bundled_snapshot.cache_clear()


def test_missing_resources_are_reported_not_raised(resources_copy: Path) -> None:
    # GIVEN a broken installation without contexts and trust material
    shutil.rmtree(resources_copy / "contexts")
    shutil.rmtree(resources_copy / "trust")
    # WHEN the version is asked for  THEN it still answers, naming what is missing
    lines = version_lines()
    assert lines[4] == "JSON-LD contexts: missing from this installation"
    assert lines[5] == "Trust snapshot: missing from this installation"


def test_damaged_resources_are_reported_not_raised(resources_copy: Path) -> None:
    (resources_copy / "contexts" / "manifest.json").write_text('{"contexts": [', encoding="utf-8")
    (resources_copy / "trust" / "eu-qualified-eseal-cas.json").write_text(
        '{"format": "something-else"}', encoding="utf-8"
    )
    lines = version_lines()
    assert lines[4] == "JSON-LD contexts: manifest unreadable"
    assert lines[5] == "Trust snapshot: damaged"


def test_manifest_without_a_date_is_unreadable(resources_copy: Path) -> None:
    manifest = resources_copy / "contexts" / "manifest.json"
    document = json.loads(manifest.read_text(encoding="utf-8"))
    del document["updated"]
    manifest.write_text(json.dumps(document), encoding="utf-8")
    assert version_lines()[4] == "JSON-LD contexts: manifest unreadable"


def test_kredo_version_prints_the_lines_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    # WHEN `kredo --version` runs
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    # THEN it exits 0 with the same lines the About box gets
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.splitlines() == version_lines()


def test_a_frozen_build_says_so_and_finds_resources_in_its_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # GIVEN the interpreter of a PyInstaller build (sys.frozen, sys._MEIPASS)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    # THEN resources are looked for inside the bundle folder, not beside the source
    assert wallet.bundled_resources._resources_dir() == tmp_path / "resources"
    # AND the version report calls it a packaged build
    assert collect_version_info().frozen
    assert version_lines()[0] == f"Kredo {wallet.__version__} (packaged build)"


def test_outside_a_frozen_build_resources_sit_beside_the_wallet_package() -> None:
    assert wallet.bundled_resources._resources_dir() == RESOURCES
