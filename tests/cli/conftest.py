from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from wallet.cli import main

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


Kredo = Callable[..., CliResult]


@pytest.fixture
def kredo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Kredo:
    """Run ``kredo --home <tmp> ARGS`` in-process, with the passphrase path (no keyring)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("KREDO_PASSPHRASE", "correct horse battery staple")
    home = tmp_path / "wallet"

    def run(*args: str) -> CliResult:
        out = io.StringIO()
        code = main(["--home", str(home), *args], out=out)
        return CliResult(code, out.getvalue(), capsys.readouterr().err)

    run.home = home  # type: ignore[attr-defined]
    return run
