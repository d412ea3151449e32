"""``kredo`` builds its whole parser for every command: the parser must not pull in the engines.

Each test runs a fresh interpreter (this one has everything imported already) and asks which
modules a command loaded. A module-level import of the verification engine, the PDF or QR
code, or the issuance client in any command module makes every ``kredo`` start pay for it
(0.45 s before the handlers imported their engines themselves).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Engines a command imports when it runs, never while the parser is built.
HEAVY = (
    "wallet.verify.engine", "wallet.trust", "wallet.app.pdf_sharing", "wallet.export.cv_pdf",
    "wallet.issuance", "wallet.qr.scan", "wallet.qr.encode", "wallet.store.wallet",
    "wallet.app.importing", "fpdf", "pyhanko", "pyld", "PIL", "qrcode", "zxingcpp", "lxml",
    "sqlcipher3", "PySide6",
)

_PROBE = """
import contextlib, io, json, sys
from wallet.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _loaded_by(*args: str) -> tuple[int, set[str]]:
    """(exit code, modules imported) of ``kredo ARGS`` in a fresh interpreter."""
    child = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=60, check=True)
    answer = json.loads(child.stdout.splitlines()[-1])
    return answer["code"], set(answer["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or
                  any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_of_a_command_loads_no_engine() -> None:
    # GIVEN a fresh interpreter WHEN kredo prints the help of a command
    code, loaded = _loaded_by("list", "--help")
    # THEN the parser of every command was built without importing any engine
    assert code == 0
    assert "wallet.cli.export_commands" in loaded and "wallet.cli.qr_commands" in loaded
    assert _heavy(loaded) == []


def test_a_command_loads_its_own_engine_only() -> None:
    # GIVEN an OB 3.0 credential whose key is published online WHEN kredo verifies it offline
    vector = REPO_ROOT / "tests/assets/vectors/w3c/1edtech-obv3-ldp-signed-credential.json"
    code, loaded = _loaded_by("verify", "--file", str(vector))
    # THEN the verification engine ran (could not be checked: exit code 4), and the PDF, QR
    # and issuance code stayed unloaded
    assert code == 4
    assert "wallet.verify.engine" in loaded
    assert not {"wallet.app.pdf_sharing", "wallet.export.cv_pdf", "fpdf", "wallet.qr.scan",
                "wallet.issuance", "PySide6"} & loaded
