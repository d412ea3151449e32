"""What this Kredo is made of: for ``kredo --version``, the About box and bug reports.

Versions of Kredo, Python, Qt (only when PySide6 is importable: the core never needs it, and a
headless install may not have it), SQLCipher (asked of the library itself with
``PRAGMA cipher_version`` on an in-memory database), and how old the bundled JSON-LD contexts
and the trust snapshot are. Nothing here may fail: a missing or damaged part is reported as
such, because the version report is what people send when something is broken.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime

import wallet
from wallet.bundled_resources import resource_path
from wallet.errors import WalletError

CONTEXTS_MANIFEST = ("contexts", "manifest.json")


@dataclass(frozen=True)
class BundledMaterial:
    """A dated part of ``resources/``; ``date`` is None when it is missing or unreadable."""

    date: date | None
    detail: str


@dataclass(frozen=True)
class VersionInfo:
    kredo: str
    frozen: bool
    python: str
    qt: str | None
    pyside: str | None
    sqlcipher: str | None
    sqlite: str | None
    contexts: BundledMaterial
    trust_snapshot: BundledMaterial


def collect_version_info(now: datetime | None = None) -> VersionInfo:
    """Ask each component for its version; ``now`` decides whether the trust data is outdated."""
    qt, pyside = _qt_versions()
    sqlcipher, sqlite = _sqlcipher_versions()
    return VersionInfo(
        kredo=wallet.__version__,
        frozen=bool(getattr(sys, "frozen", False)),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        qt=qt,
        pyside=pyside,
        sqlcipher=sqlcipher,
        sqlite=sqlite,
        contexts=_contexts_material(),
        trust_snapshot=_trust_material(now or datetime.now(UTC)),
    )


def version_lines(info: VersionInfo | None = None) -> list[str]:
    """One line per component, in English, ready for a terminal or an About box."""
    info = info or collect_version_info()
    build = " (packaged build)" if info.frozen else ""
    qt = (
        f"Qt {info.qt} (PySide6 {info.pyside})"
        if info.qt is not None
        else "Qt: not installed (the command line does not need it)"
    )
    sqlcipher = (
        f"SQLCipher {info.sqlcipher} (SQLite {info.sqlite})"
        if info.sqlcipher is not None
        else "SQLCipher: not available"
    )
    return [
        f"Kredo {info.kredo}{build}",
        f"Python {info.python}",
        qt,
        sqlcipher,
        f"JSON-LD contexts: {_dated(info.contexts)}",
        f"Trust snapshot: {_dated(info.trust_snapshot)}",
    ]


def _dated(material: BundledMaterial) -> str:
    if material.date is None:
        return material.detail
    return f"{material.date.isoformat()} ({material.detail})"


def _qt_versions() -> tuple[str | None, str | None]:
    # Imported by name, at call time: the core must not depend on Qt, only report it.
    try:
        qt_core = importlib.import_module("PySide6.QtCore")
        pyside = importlib.import_module("PySide6")
    except ImportError:
        return None, None
    return str(qt_core.qVersion()), str(getattr(pyside, "__version__", "unknown"))


def _sqlcipher_versions() -> tuple[str | None, str | None]:
    try:
        import sqlcipher3  # noqa: PLC0415 - a broken install must still print the other lines
    except ImportError:
        return None, None
    try:
        connection = sqlcipher3.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
        finally:
            connection.close()
    except sqlcipher3.Error:
        return None, str(sqlcipher3.sqlite_version)
    # A plain SQLite build answers nothing: that would store wallets unencrypted, say so.
    version = str(row[0]) if row and row[0] else None
    return version, str(sqlcipher3.sqlite_version)


def _contexts_material() -> BundledMaterial:
    manifest = resource_path(*CONTEXTS_MANIFEST)
    try:
        document = json.loads(manifest.read_text(encoding="utf-8"))
        updated = date.fromisoformat(document["updated"])
        count = len(document["contexts"])
    except OSError:
        return BundledMaterial(None, "missing from this installation")
    except (ValueError, KeyError, TypeError):
        return BundledMaterial(None, "manifest unreadable")
    return BundledMaterial(updated, f"{count} bundled")


def _trust_material(now: datetime) -> BundledMaterial:
    # Imported here so ``kredo --version`` still answers when the trust package cannot load.
    try:
        from wallet.trust import bundled_snapshot  # noqa: PLC0415

        snapshot = bundled_snapshot()
    except OSError:
        return BundledMaterial(None, "missing from this installation")
    except WalletError:
        return BundledMaterial(None, "damaged")
    territories = sorted({source.territory for source in snapshot.sources})
    detail = f"EU trusted lists: {', '.join(territories) or 'none'}"
    if snapshot.outdated(now):
        detail += "; outdated, see resources/trust/SOURCES.md"
    return BundledMaterial(snapshot.snapshot_date.date(), detail)
