"""The core never imports Qt: the CLI, tests and a future mobile face reuse it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Imports every module under wallet/ while a meta-path finder makes PySide6 unimportable.
_PROBE = """
import importlib, pkgutil, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError("PySide6 is unavailable in this probe")
        return None
sys.meta_path.insert(0, BlockQt())
import wallet
names = [m.name for m in pkgutil.walk_packages(wallet.__path__, "wallet.")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_without_pyside6() -> None:
    # GIVEN a Python where PySide6 cannot be imported
    # WHEN every module of the core is imported
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # THEN all of them import, and none pulled Qt in
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5
