"""Bad input gets one clear sentence per file and never disturbs the rest of the wallet."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import VECTORS, Kredo

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"


def _import_one(kredo: Kredo, path: Path) -> dict[str, object]:
    result = kredo("import", str(path), "--json")
    assert result.code == 2
    [outcome] = result.json()  # type: ignore[misc]
    assert outcome["status"] == "error"
    assert isinstance(outcome["error"], str) and outcome["error"].endswith(".")
    return outcome  # type: ignore[no-any-return]


def test_each_kind_of_bad_file_gets_a_sentence(kredo: Kredo, tmp_path: Path) -> None:
    kredo("init", "--passphrase")
    kredo("import", str(OB3))
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert "empty" in str(_import_one(kredo, empty)["error"]).lower()
    text = tmp_path / "notes.txt"
    text.write_text("just some notes, not a credential\n")
    assert "not a credential" in str(_import_one(kredo, text)["error"]).lower()
    latin = tmp_path / "latin1.json"
    latin.write_bytes(b'{"name": "Z\xe1klady"}')
    assert "utf-8" in str(_import_one(kredo, latin)["error"]).lower()
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(OB3.read_bytes()[:300])
    _import_one(kredo, truncated)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 200 MB declared, nothing read
        handle.truncate(200 * 1024 * 1024)
    assert "limit" in str(_import_one(kredo, huge)["error"]).lower()
    cv = VECTORS / "edc" / "europass2-cv-CandidateSample1.xml"
    assert "not a credential" in str(_import_one(kredo, cv)["error"]).lower()
    # THEN the one good credential is still there, alone
    assert len(kredo("list", "--json").json()) == 1  # type: ignore[arg-type]


def test_a_folder_with_thousands_of_files(kredo: Kredo, tmp_path: Path) -> None:
    kredo("init", "--passphrase")
    folder = tmp_path / "downloads"
    for index in range(2000):
        sub = folder / f"d{index // 500}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"junk{index}.json").write_text(f'{{"not": "a credential", "n": {index}}}')
    (folder / "d1" / "badge.json").write_bytes(OB3.read_bytes())
    result = kredo("import", str(folder), "--json")
    outcomes = result.json()
    assert result.code == 2
    assert len(outcomes) == 2001  # type: ignore[arg-type]
    assert sum(o["status"] == "imported" for o in outcomes) == 1  # type: ignore[union-attr]
    assert sum(o["status"] == "error" for o in outcomes) == 2000  # type: ignore[union-attr]
    assert len(kredo("list", "--json").json()) == 1  # type: ignore[arg-type]


def test_stdin_import(kredo: Kredo, monkeypatch: pytest.MonkeyPatch) -> None:
    kredo("init", "--passphrase")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OB3.read_bytes())))
    result = kredo("import", "-", "--json")
    assert result.code == 0
    assert result.json()[0]["status"] == "imported"  # type: ignore[index]
