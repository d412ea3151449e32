from __future__ import annotations

from pathlib import Path

import pytest

from wallet.store.paths import database_path, key_header_path, resolve_home


def test_argument_wins_over_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KREDO_HOME", str(tmp_path / "env"))
    assert resolve_home(tmp_path / "arg") == tmp_path / "arg"


def test_environment_wins_over_platform_dir(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("KREDO_HOME", str(tmp_path / "env"))
    assert resolve_home() == tmp_path / "env"


def test_platform_dir_names_kredo() -> None:
    assert resolve_home().name.lower() == "kredo"


def test_file_names(tmp_path: Path) -> None:
    assert database_path(tmp_path).name == "wallet.db"
    assert key_header_path(tmp_path).name == "key.json"
