"""One benchmark figure, the table ``make bench`` prints, and the machine it ran on."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Figure:
    section: str
    name: str
    value: float
    unit: str
    target: float | None = None  # the figure must stay below it (above, for "per second")
    higher_is_better: bool = False

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def to_json(self) -> dict[str, Any]:
        return {"section": self.section, "name": self.name, "value": round(self.value, 3),
                "unit": self.unit, "target": self.target, "meets_target": self.meets_target}


def table(figures: list[Figure]) -> str:
    lines = []
    section = None
    for figure in figures:
        if figure.section != section:
            section = figure.section
            lines.append(f"\n{section}")
        target = ""
        if figure.target is not None:
            sign = ">" if figure.higher_is_better else "<"
            verdict = "ok" if figure.meets_target else "MISSED"
            target = f"  target {sign} {figure.target:g} {figure.unit}: {verdict}"
        lines.append(f"  {figure.name:<56}{figure.value:>12.2f} {figure.unit:<8}{target}")
    return "\n".join(lines).lstrip("\n")


def _first_line_with(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def machine() -> dict[str, Any]:
    """What the figures depend on: CPU, memory, OS, Python, SQLCipher, Qt."""
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    cipher = connection.execute("PRAGMA cipher_version").fetchone()
    sqlite = connection.execute("SELECT sqlite_version()").fetchone()[0]
    connection.close()
    memory = _first_line_with("/proc/meminfo", "MemTotal")
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = None
    return {
        "cpu": _first_line_with("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "sqlcipher": cipher[0] if cipher else None,
        "sqlite": sqlite,
        "pyside6": qt,
    }
