"""The PyInstaller build works on its own: built from packaging/kredo.spec into a temporary
folder, its ``kredo`` and ``kredo-gui`` run outside the source tree and give the same answers as
the code they were built from.

Slow (the build takes about a minute), so it is marked ``slow``; CI runs it through ``make test``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from wallet.app.verifying import VerifyRequest, verify_options, verify_received
from wallet.app.version_info import version_lines

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "kredo.spec"
EU_SAMPLE = ROOT / "tests" / "assets" / "vectors" / "edc" / "Sample-MC-Annex1-signed.jsonld"
EXIT_FAILED, EXIT_PARTIAL = 1, 3
SIZE_LIMIT_MB = 400  # measured 305 MB (PySide6 6.12, FFmpeg for the camera); a jump = a leak
PASSPHRASE = "frozen build test passphrase"


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-build test checks the Linux one-folder layout")
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed: pip install -e '.[package]'"
    )
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    build = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-6000:]
    print(f"\nPyInstaller build: {time.monotonic() - started:.0f} s")
    return work / "dist" / "kredo"


@pytest.fixture(scope="module")
def run_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A bare environment: no PYTHONPATH or source tree to fall back on, no real keyring."""
    home = tmp_path_factory.mktemp("frozen-home")
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "KREDO_HOME": str(home / "wallet"),
        "KREDO_PASSPHRASE": PASSPHRASE,
    }


def _run(
    app_dir: Path, env: dict[str, str], program: str, *args: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app_dir / program), *args],
        cwd=env["HOME"], env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_one_folder_holds_both_programs_resources_and_qt_plugins(app_dir: Path) -> None:
    internal = app_dir / "_internal"
    assert os.access(app_dir / "kredo", os.X_OK)
    assert os.access(app_dir / "kredo-gui", os.X_OK)
    # Every file of resources/ is there, byte for byte (new ones are picked up by the spec).
    source = ROOT / "resources"
    for path in source.rglob("*"):
        if path.is_file():
            copied = internal / "resources" / path.relative_to(source)
            assert copied.read_bytes() == path.read_bytes(), path.relative_to(source)
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "imageformats/libqjpeg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    # What the spec leaves out stays out.
    names = {path.name for path in internal.rglob("*")}
    assert not any(
        name.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml")) for name in names
    )
    assert "aiohttp" not in names
    size_mb = sum(
        p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink()
    )
    size_mb //= 1024 * 1024
    print(f"\ndist/kredo: {size_mb} MB")
    assert size_mb < SIZE_LIMIT_MB


def test_frozen_kredo_version_reports_the_bundled_parts(
    app_dir: Path, run_env: dict[str, str]
) -> None:
    result = _run(app_dir, run_env, "kredo", "--version")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # It knows it is frozen, and every part answers as it does from the source tree: same
    # Python, Qt, SQLCipher, and the same contexts and trust snapshot found inside the bundle.
    source_lines = version_lines()
    assert lines[0] == f"{source_lines[0]} (packaged build)"
    assert lines[1:] == source_lines[1:]
    assert "not installed" not in result.stdout and "missing" not in result.stdout


def test_frozen_kredo_verifies_an_eu_sealed_sample_like_the_source(
    app_dir: Path, run_env: dict[str, str], tmp_path: Path
) -> None:
    # GIVEN the EU sample sealed with a test certificate and timestamped by a test TSA
    # WHEN the frozen kredo verifies it
    result = _run(app_dir, run_env, "kredo", "verify", "--json", "--file", str(EU_SAMPLE))
    # THEN it is partially verified (seal intact, its CA on the EU list; the TSA on none)
    assert result.returncode == EXIT_PARTIAL, result.stderr
    frozen = json.loads(result.stdout)
    assert frozen["status"] == "partially_verified"
    # AND every check says what the source tree says with the same (bundled) trust material
    source = verify_received(EU_SAMPLE.read_bytes(), verify_options(VerifyRequest())).to_json()
    assert [(c["id"], c["status"], c["message"]) for c in frozen["checks"]] == [
        (c["id"], c["status"], c["message"]) for c in source["checks"]
    ]
    # AND one changed character in the sealed payload makes it fail
    sealed = json.loads(EU_SAMPLE.read_bytes())
    at = sealed["payload"].index('"en":"') + 6
    sealed["payload"] = sealed["payload"][:at] + "X" + sealed["payload"][at + 1 :]
    tampered = tmp_path / "tampered.jsonld"
    tampered.write_text(json.dumps(sealed), encoding="utf-8")
    failed = _run(app_dir, run_env, "kredo", "verify", "--file", str(tampered))
    assert failed.returncode == EXIT_FAILED, failed.stdout + failed.stderr


def test_frozen_gui_renders_a_wallet_offscreen(
    app_dir: Path, run_env: dict[str, str], tmp_path: Path
) -> None:
    # GIVEN a wallet made and filled by the frozen kredo (SQLCipher, Argon2id, import)
    shutil.rmtree(run_env["KREDO_HOME"], ignore_errors=True)
    created = _run(app_dir, run_env, "kredo", "init", "--passphrase")
    assert created.returncode == 0, created.stderr
    imported = _run(app_dir, run_env, "kredo", "import", str(EU_SAMPLE))
    assert imported.returncode == 0, imported.stderr
    # WHEN the frozen kredo-gui renders its window offscreen
    shot = tmp_path / "kredo-gui.png"
    result = _run(app_dir, run_env, "kredo-gui", "--screenshot", str(shot), "--lang", "en")
    # THEN a real picture of a window appears
    assert result.returncode == 0, result.stderr
    with Image.open(shot) as image:
        assert image.format == "PNG"
        assert image.width >= 640 and image.height >= 400
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
    assert spread > 10  # not a blank or single-colour frame
