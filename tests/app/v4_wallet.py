"""A wallet as Kredo wrote it at schema version 4 (before the list kept the issuer's names in
every language and the view kind), made by hand: today's schema taken back to v4's columns,
rows inserted with v4's own statements."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from wallet.model import CredentialFormat
from wallet.store.keys import unlock_key
from wallet.store.paths import database_path
from wallet.store.vault import Connection, open_database

V4_INSERT = (
    "INSERT INTO credentials (raw, format, media_type, content_hash, imported_at, source, "
    "title_json, issuer_name, issued, subject_name, ects, eqf_level) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def take_back_to_v4(home: Path, passphrase: str) -> Connection:
    """The empty wallet in ``home`` with v4's tables; the open connection to add rows."""
    conn = open_database(database_path(home), unlock_key(home, passphrase_provider=lambda: (
        passphrase)))
    conn.execute("DROP INDEX credentials_undescribed")
    conn.execute("ALTER TABLE credentials DROP COLUMN issuer_names_json")
    conn.execute("ALTER TABLE credentials DROP COLUMN view_kind")
    conn.execute("PRAGMA user_version = 4")
    return conn


def insert_v4_row(conn: Connection, raw: bytes, fmt: CredentialFormat, *,
                  title: dict[str, str], issuer_name: str | None, ects: float | None) -> int:
    """One credential as v4 stored it: one issuer string (English first), no view kind."""
    cursor = conn.execute(V4_INSERT, (
        raw, fmt.value, "application/json", hashlib.sha256(raw).hexdigest(),
        "2026-11-01T10:00:00+00:00", "v4 import", json.dumps(title, ensure_ascii=False),
        issuer_name, "2025-06-01", "Jana Nováková", ects, 6))
    new_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO credentials_fts (rowid, title, issuer, subject, description, "
                 "outcomes) VALUES (?, ?, ?, '', '', '')",
                 (new_id, "\n".join(title.values()), issuer_name or ""))
    return new_id
