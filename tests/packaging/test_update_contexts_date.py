"""``update_contexts.py`` dates the manifest when it fetches, so the version report stays true."""

from __future__ import annotations

import importlib.util
import json
import shutil
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_contexts", ROOT / "packaging" / "update_contexts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fetch_date_replaces_only_the_updated_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a copy of the reviewed manifest
    script = _script()
    manifest = tmp_path / "manifest.json"
    shutil.copyfile(ROOT / "resources" / "contexts" / "manifest.json", manifest)
    before = manifest.read_text(encoding="utf-8")
    monkeypatch.setattr(script, "MANIFEST", manifest)
    # WHEN the script records a fetch
    script.stamp_manifest_date(date(2031, 2, 3))
    # THEN the date is the new one and every other line is untouched
    after = manifest.read_text(encoding="utf-8")
    assert json.loads(after)["updated"] == "2031-02-03"
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1
    assert '"updated"' in changed[0][1]
    assert json.loads(after)["contexts"] == json.loads(before)["contexts"]


def test_a_manifest_without_the_field_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script()
    manifest = tmp_path / "manifest.json"
    manifest.write_text('{"contexts": []}\n', encoding="utf-8")
    monkeypatch.setattr(script, "MANIFEST", manifest)
    with pytest.raises(SystemExit, match='no "updated" field'):
        script.stamp_manifest_date(date(2031, 2, 3))
    assert manifest.read_text(encoding="utf-8") == '{"contexts": []}\n'
