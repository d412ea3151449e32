"""Where the bundled data lives: the top-level ``resources/`` folder beside ``wallet/``.

That holds in a source checkout, an editable install and a wheel (``resources`` is installed as
package data next to ``wallet``); the frozen app (``packaging/kredo.spec``) copies the whole tree
into its bundle folder, ``sys._MEIPASS``. ``importlib.resources`` cannot be used because
``resources`` is a namespace.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _resources_dir() -> Path:
    # A PyInstaller build unpacks everything under sys._MEIPASS (the ``_internal`` folder);
    # asking for it directly keeps working whatever layout a future PyInstaller chooses.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


RESOURCES_DIR = _resources_dir()


def resource_path(*parts: str) -> Path:
    """A file or folder inside ``resources/`` (it may not exist; callers check)."""
    return RESOURCES_DIR.joinpath(*parts)
