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
from typing import Any

import pytest

CACHE_ROOT = Path(__file__).resolve().parents[1] / ".npm-interop"
INSTALL_TIMEOUT_SECONDS = 300


class NpmUnavailable(Exception):
    """node/npm are missing (``tools_missing``) or the install failed; the message says why."""

    def __init__(self, reason: str, *, tools_missing: bool = False) -> None:
        super().__init__(reason)
        self.tools_missing = tools_missing


def find_node_and_npm() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise NpmUnavailable("node and npm are not installed", tools_missing=True)
    return node, npm


def node_and_npm() -> tuple[str, str]:
    try:
        return find_node_and_npm()
    except NpmUnavailable:
        pytest.skip("node and npm are needed for the npm interop tests; they are not installed")


def install_packages(name: str, packages: Mapping[str, str]) -> Path:
    """The folder holding ``node_modules`` with exactly ``packages`` (name → version)."""
    node_and_npm()
    try:
        return install(name, packages)
    except NpmUnavailable as exc:
        _skip_or_fail(str(exc))
        raise


def install(name: str, packages: Mapping[str, str]) -> Path:
    """``install_packages`` outside pytest (the bench): raises :class:`NpmUnavailable`."""
    _, npm = find_node_and_npm()
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
        raise NpmUnavailable(f"npm install took longer than {INSTALL_TIMEOUT_SECONDS} s") from None
    if completed.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise NpmUnavailable(f"npm install failed: {completed.stderr.strip()[-600:]}")
    try:
        staging.rename(target)
    except OSError:  # another run finished first: use theirs
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the npm interop tests: {reason}")
    pytest.skip(reason)


def run_reference_script(name: str, packages: Mapping[str, str], script: Path,
                         cases: object, work: Path) -> dict[str, dict[str, Any]]:
    """Run ``script`` (an ``.mjs`` beside the test) with the installed ``packages`` on the cases
    written as JSON in ``work``; return what it printed (one JSON object)."""
    node, _ = node_and_npm()
    folder = install_packages(name, packages)
    copy = folder / script.name
    shutil.copyfile(script, copy)  # next to node_modules, where node resolves imports
    cases_file = work / "cases.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    completed = subprocess.run([node, str(copy), str(cases_file)], cwd=folder,
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    results: dict[str, dict[str, Any]] = json.loads(completed.stdout)
    return results
