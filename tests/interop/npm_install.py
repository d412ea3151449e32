"""Install pinned npm packages into a cache folder for interop tests, once per set of versions.

The folder is ``tests/.npm-interop/<name>-<hash of the versions>`` (git-ignored), so a rerun
with the same versions installs nothing and a version change gets a fresh folder. The install
goes to a temporary folder first and is renamed into place when complete, so an interrupted
install is never mistaken for a finished one. No lock file is written.

Without ``node``/``npm`` the test is skipped with the reason; when the install itself fails,
the test is skipped with npm's message, except in CI (``CI`` set), where it fails: CI must
run the interop tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

CACHE_ROOT = Path(__file__).resolve().parents[1] / ".npm-interop"
INSTALL_TIMEOUT_SECONDS = 300


def node_and_npm() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are needed for the npm interop tests; they are not installed")
    return node, npm


def install_packages(name: str, packages: Mapping[str, str]) -> Path:
    """The folder holding ``node_modules`` with exactly ``packages`` (name → version)."""
    _, npm = node_and_npm()
    key = hashlib.sha256(json.dumps(sorted(packages.items())).encode()).hexdigest()[:16]
    target = CACHE_ROOT / f"{name}-{key}"
    if (target / "node_modules").is_dir():
        return target
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=CACHE_ROOT))
    manifest = {"name": f"kredo-{name}", "private": True, "type": "module",
                "dependencies": dict(packages)}
    (staging / "package.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    try:
        completed = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"],
            cwd=staging, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(staging, ignore_errors=True)
        _skip_or_fail(f"npm install took longer than {INSTALL_TIMEOUT_SECONDS} s")
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        _skip_or_fail(f"npm install failed: {completed.stderr.strip()[-600:]}")
    try:
        staging.rename(target)
    except OSError:  # another run finished first: use theirs
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the npm interop tests: {reason}")
    pytest.skip(reason)
