"""Where a wallet lives: one directory holding the database and its key header."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "KREDO_HOME"
DATABASE_NAME = "wallet.db"
KEY_HEADER_NAME = "key.json"


def resolve_home(override: str | os.PathLike[str] | None = None) -> Path:
    """The wallet directory: explicit argument, else ``KREDO_HOME``, else the platform data dir."""
    if override is not None and os.fspath(override):
        return Path(override).expanduser()
    from_env = os.environ.get(HOME_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("kredo", appauthor=False))


def database_path(home: Path) -> Path:
    return home / DATABASE_NAME


def key_header_path(home: Path) -> Path:
    return home / KEY_HEADER_NAME
