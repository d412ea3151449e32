"""The vault opens only with the right key and never writes when the key is wrong."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from wallet.errors import KeyUnavailable, StoreError
from wallet.store.vault import open_database

KEY = bytes(range(32))
OTHER_KEY = bytes(reversed(range(32)))


def _make_db(path: Path) -> None:
    conn = open_database(path, KEY, create=True)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('hello')")
    conn.close()


def test_right_key_reads_back_with_safe_pragmas(tmp_path: Path) -> None:
    db = tmp_path / "wallet.db"
    _make_db(db)
    conn = open_database(db, KEY)
    assert conn.execute("SELECT x FROM t").fetchone()[0] == "hello"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    conn.close()
    assert (db.stat().st_mode & 0o077) == 0


def test_wrong_key_raises_and_leaves_file_byte_identical(tmp_path: Path) -> None:
    # GIVEN a closed database
    db = tmp_path / "wallet.db"
    _make_db(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    # WHEN it is opened with another key
    with pytest.raises(KeyUnavailable):
        open_database(db, OTHER_KEY)
    # THEN it is byte for byte unchanged and no WAL with content is left behind
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_wrong_key_logs_nothing_to_stderr(tmp_path: Path) -> None:
    # SQLCipher writes its own errors to file descriptor 2, below Python; watch the fd.
    db = tmp_path / "wallet.db"
    _make_db(db)
    captured = tmp_path / "stderr.txt"
    saved = os.dup(2)
    with captured.open("wb") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            with pytest.raises(KeyUnavailable):
                open_database(db, OTHER_KEY)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
    assert captured.read_bytes() == b""


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        open_database(tmp_path / "nope.db", KEY)
    assert not (tmp_path / "nope.db").exists()


def test_plain_sqlite_file_is_not_opened(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "plain.db"
    with sqlite3.connect(db) as plain:
        plain.execute("CREATE TABLE t (x)")
    plain.close()
    with pytest.raises(KeyUnavailable):
        open_database(db, KEY)
