"""The desktop app's first paint loads no engine it does not show.

The detail panel is built with the window but shows nothing until a credential is opened; the
verification engine, the trust material, the PDF, QR and issuance code load when they are
first used (on the worker). Before, they were imported for every start: about 0.35 s of a
1.1 s start with 10,000 credentials, and ``--version`` read the trust snapshot on every start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import FAST_KDF, VECTORS
from wallet.app.importing import import_paths
from wallet.store.wallet import init_wallet, open_wallet

REPO_ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "start imports passphrase"

NOT_AT_FIRST_PAINT = (
    "wallet.verify.engine", "wallet.app.verifying", "wallet.trust",
    "wallet.app.pdf_sharing", "wallet.qr.encode", "wallet.qr.scan", "wallet.issuance",
    "wallet.export.cv_pdf", "pyhanko", "fpdf", "pyld", "qrcode", "zxingcpp", "pypdfium2",
    # the status-list machinery (Data Integrity, an HTTP client) that one wording helper
    # once pulled in with it
    "wallet.status", "wallet.crypto.data_integrity", "http.client",
)

_PROBE = """
import json, sys
from ui.app import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _first_paint(home: Path, shot: Path, *extra: str) -> tuple[int, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KREDO_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "KREDO_PASSPHRASE": PASSPHRASE,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    child = subprocess.run(
        [sys.executable, "-c", _PROBE, "--home", str(home), "--screenshot", str(shot),
         "--lang", "en", *extra],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    answer = json.loads(child.stdout.splitlines()[-1])
    return answer["code"], set(answer["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_first_paint_loads_no_verification_pdf_qr_or_issuance_code(tmp_path: Path) -> None:
    # GIVEN a wallet holding a sealed European credential
    home = tmp_path / "wallet"
    init_wallet(home, passphrase=PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as opened:
        outcomes = list(import_paths(opened.repository,
                                     [VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"]))
    assert [o.status for o in outcomes] == ["imported"]
    # WHEN kredo-gui starts, lists it and paints its window
    shot = tmp_path / "list.png"
    code, modules = _first_paint(home, shot)
    # THEN the window was painted without loading any engine it does not show yet
    assert code == 0 and shot.stat().st_size > 0
    assert _loaded(modules, NOT_AT_FIRST_PAINT) == []
    # AND opening and verifying the credential loads the engine (on first use)
    code, modules = _first_paint(home, tmp_path / "verify.png", "--view", "verify")
    assert code == 0
    assert "wallet.verify.engine" in modules and "wallet.trust" in modules
