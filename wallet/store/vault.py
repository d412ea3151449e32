"""Open the SQLCipher database with the raw 256-bit key, and nothing else.

The key is checked by reading ``sqlite_master`` before any pragma that could write (WAL
switch, schema): a wrong key leaves the file byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import cast

import sqlcipher3

from wallet.errors import KeyUnavailable, StoreError
from wallet.store.kdf import KEY_BYTES
from wallet.translation import tr

# sqlcipher3 ships no type hints; its connection is pysqlite's, the same API as sqlite3's.
# Its exceptions are its own classes: catch ``sqlcipher3.Error``, not ``sqlite3.Error``.
Connection = sqlite3.Connection


def open_database(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """An open, key-checked connection in autocommit mode (callers run explicit transactions).

    ``create`` allows a new empty file; otherwise a missing file is a :class:`StoreError`.
    The connection may be handed to one worker thread; callers serialise its use.
    """
    if len(key) != KEY_BYTES:
        raise KeyUnavailable(tr("The wallet key has the wrong length."),
                             details=f"{len(key)} bytes")
    if not create and not path.is_file():
        raise StoreError(tr("The wallet database is missing; restore the wallet from a backup."),
                         details=path.name)
    if create:
        # Create it private before SQLite does (SQLite would honour the umask).
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    try:
        conn = cast(Connection, sqlcipher3.connect(str(path), isolation_level=None,
                                                   check_same_thread=False))
    except sqlcipher3.Error as exc:
        raise StoreError(tr("The wallet database could not be opened."),
                         details=type(exc).__name__) from exc
    try:
        # Before the key: SQLCipher otherwise logs decryption failures to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        _check_key(conn)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # 32 MiB of decrypted pages (the default is 8): a 10,000-credential wallet's list and
        # searches then stay in memory instead of decrypting pages again on every query.
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


# SQLite result codes that mean "these bytes do not decrypt to a database".
_NOT_A_DATABASE = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def _check_key(conn: Connection) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) not in _NOT_A_DATABASE:
            # A disk that is full, read-only or failing is no reason to doubt the key.
            raise StoreError(
                tr("The wallet database could not be read from the disk; check that the disk is "
                   "not full and the wallet folder is writable."), details=str(exc)) from exc
        raise KeyUnavailable(
            tr("The wallet key does not open this database; the key file and the database do not "
               "belong together, or the database is damaged. Restore from a backup."),
            details=str(exc)) from exc
