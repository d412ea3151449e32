"""Where a wallet lives: one directory holding the database and its key header."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "KREDO_HOME"
DATABASE_NAME = "wallet.db"
KEY_HEADER_NAME = "key.json"
# Present while ``kredo init`` makes a wallet; a folder holding it has no finished wallet.
INIT_MARKER_NAME = "init-unfinished"


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


def init_marker_path(home: Path) -> Path:
    return home / INIT_MARKER_NAME


def wallet_files(home: Path) -> tuple[Path, ...]:
    """Every file a wallet (or a half-made one) may have in ``home``."""
    database, header = database_path(home), key_header_path(home)
    return (database, database.with_name(database.name + "-wal"),
            database.with_name(database.name + "-shm"),
            database.with_name(database.name + "-journal"), header,
            header.with_name(header.name + ".tmp"))
