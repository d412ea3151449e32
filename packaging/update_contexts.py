"""Refresh the bundled JSON-LD contexts in ``resources/contexts/`` from their npm packages.

Kredo never fetches a context at run time; this script is how the bundled copies are
renewed, deliberately and reviewably. ``resources/contexts/manifest.json`` is the one list of
what is bundled: for each file, the URLs it answers and its source, either an npm package
(``"npm": "name@version"`` and ``"path"`` inside the package) or a repository copy
(``"repository"``, ``"path"``) that this script cannot fetch and only re-hashes.

For each npm source it runs ``npm pack name@version`` in a temporary folder (npm uses the
registry it is configured with), extracts the file and writes it unchanged. A few packages
ship a context only as a JavaScript module; those are evaluated with ``node`` and written as
JSON. Then it rewrites ``SOURCES.md`` with the sha-256 of every file.

Usage::

    python packaging/update_contexts.py            # fetch with npm, rewrite files + SOURCES.md
    python packaging/update_contexts.py --offline  # only recompute SOURCES.md from the files
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

CONTEXTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "contexts"
MANIFEST = CONTEXTS_DIR / "manifest.json"
SOURCES = CONTEXTS_DIR / "SOURCES.md"

# Evaluates a CommonJS or ES module and prints its export as JSON; works for both because
# import() of a CommonJS file exposes module.exports as the default export.
_NODE_DUMP = (
    "const {pathToFileURL} = require('node:url');"
    "import(pathToFileURL(process.argv[1]).href).then((m) => {"
    "  const value = m.default ?? m;"
    "  process.stdout.write(JSON.stringify(value, null, 2) + '\\n');"
    "});"
)


def load_manifest() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["contexts"]
    return entries


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download and unpack one package version; return its ``package/`` folder."""
    target = workdir / spec.replace("/", "_").replace("@", "_")
    if target.exists():
        return target / "package"
    target.mkdir()
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is not installed; install Node.js and npm first.")
    out = subprocess.run(  # noqa: S603 - fixed argv, spec comes from the reviewed manifest
        [npm, "pack", spec, "--silent"], cwd=target, check=True, capture_output=True, text=True
    )
    tarball = target / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def context_bytes(package_dir: Path, inner_path: str) -> bytes:
    source = package_dir / inner_path
    if source.suffix == ".js":
        node = shutil.which("node")
        if node is None:
            sys.exit("node is not installed; it is needed to read contexts shipped as JavaScript.")
        out = subprocess.run(  # noqa: S603 - fixed argv
            [node, "-e", _NODE_DUMP, str(source)], check=True, capture_output=True
        )
        data = out.stdout
    else:
        data = source.read_bytes()
    parsed = json.loads(data)
    if not isinstance(parsed, dict) or "@context" not in parsed:
        sys.exit(f"{inner_path} in that package is not a JSON-LD context document.")
    return data


def refresh_from_npm(entries: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for entry in entries:
            if "npm" not in entry:
                continue
            package_dir = npm_pack(entry["npm"], workdir)
            (CONTEXTS_DIR / entry["file"]).write_bytes(context_bytes(package_dir, entry["path"]))
            print(f"{entry['file']}  <-  {entry['npm']} {entry['path']}")


def stamp_manifest_date(today: datetime.date) -> None:
    """Record in the manifest when the files were fetched (``kredo --version`` shows it).

    Only the ``"updated"`` value is replaced, so the reviewed layout of the list stays as is.
    """
    text = MANIFEST.read_text(encoding="utf-8")
    stamped, count = re.subn(
        r'("updated":\s*)"[0-9-]*"', rf'\g<1>"{today.isoformat()}"', text, count=1
    )
    if count != 1:
        sys.exit('manifest.json has no "updated" field; add one next to "contexts".')
    MANIFEST.write_text(stamped, encoding="utf-8")


def write_sources(entries: list[dict[str, Any]]) -> None:
    lines = [
        "# Bundled JSON-LD contexts",
        "",
        "Written by `packaging/update_contexts.py` from `manifest.json`; do not edit by hand.",
        "npm sources are the published package tarballs (`npm pack name@version`); files whose",
        "package path ends in `.js` are that module's export written as JSON. Repository sources",
        "are copied unchanged from the named repository at the named commit.",
        "",
        "| file | URLs | source | path in source | sha-256 |",
        "|---|---|---|---|---|",
    ]
    for entry in entries:
        digest = hashlib.sha256((CONTEXTS_DIR / entry["file"]).read_bytes()).hexdigest()
        source = f"npm `{entry['npm']}`" if "npm" in entry else f"repo `{entry['repository']}`"
        urls = "<br>".join(f"`{url}`" for url in entry["urls"])
        lines.append(f"| `{entry['file']}` | {urls} | {source} | `{entry['path']}` | `{digest}` |")
    SOURCES.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--offline", action="store_true", help="do not fetch; only rewrite SOURCES.md"
    )
    args = parser.parse_args()
    entries = load_manifest()
    if not args.offline:
        refresh_from_npm(entries)
        stamp_manifest_date(datetime.datetime.now(datetime.UTC).date())
    write_sources(entries)


if __name__ == "__main__":
    main()
