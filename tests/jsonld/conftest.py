"""Shared helpers for the JSON-LD tests: where the vectors and bundled contexts live."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
W3C_VECTORS = REPO / "tests" / "assets" / "vectors" / "w3c"
EDC_VECTORS = REPO / "tests" / "assets" / "vectors" / "edc"
CONTEXTS = REPO / "resources" / "contexts"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def jsonld_vectors() -> list[Path]:
    """Every W3C/1EdTech vector that is a JSON-LD document (key pair files are not)."""
    return sorted(p for p in W3C_VECTORS.glob("*.json") if "@context" in load(p))
