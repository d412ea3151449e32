"""Where the bundled data lives: the top-level ``resources/`` folder beside ``wallet/``.

That holds in a source checkout, an editable install, a wheel (``resources`` is installed as
package data next to ``wallet``) and the frozen app (the spec copies it there), so one rule
serves all; ``importlib.resources`` cannot be used because ``resources`` is a namespace.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder inside ``resources/`` (it may not exist; callers check)."""
    return RESOURCES_DIR.joinpath(*parts)
