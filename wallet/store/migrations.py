"""The versioned schema: ``PRAGMA user_version`` says which version a database holds.

Each step upgrades one version inside one transaction. A frozen database of every past
version lives in ``tests/assets/store/`` with a test that opens it; never edit a step once
released, add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlcipher3

from wallet.errors import SchemaTooNew, StoreError
from wallet.store.vault import Connection
from wallet.translation import tr

LATEST_VERSION = 5

_V1 = (
    """CREATE TABLE credentials (
        id INTEGER PRIMARY KEY,
        raw BLOB NOT NULL,
        format TEXT NOT NULL,
        media_type TEXT NOT NULL DEFAULT 'application/json',
        content_hash TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL,
        source TEXT NOT NULL,
        title_json TEXT,
        issuer_name TEXT,
        issued TEXT,
        subject_name TEXT,
        ects REAL,
        eqf_level INTEGER,
        note TEXT
    )""",
    """CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    )""",
    """CREATE TABLE credential_tags (
        credential_id INTEGER NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (credential_id, tag_id)
    )""",
    "CREATE INDEX credential_tags_by_tag ON credential_tags(tag_id)",
    """CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE collection_items (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        credential_id INTEGER NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (collection_id, credential_id)
    )""",
    "CREATE INDEX collection_items_by_credential ON collection_items(credential_id)",
    """CREATE TABLE holder_keys (
        id INTEGER PRIMARY KEY,
        did TEXT NOT NULL UNIQUE,
        private_key BLOB NOT NULL,
        key_type TEXT NOT NULL,
        label TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE verifications (
        id INTEGER PRIMARY KEY,
        credential_id INTEGER NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        status TEXT NOT NULL,
        report_json TEXT NOT NULL,
        mode TEXT NOT NULL
    )""",
    "CREATE INDEX verifications_by_credential ON verifications(credential_id, checked_at)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # rowid = credentials.id. Diacritics removed so "zaklady" finds "Základy".
    """CREATE VIRTUAL TABLE credentials_fts USING fts5(
        title, issuer, subject, description, outcomes,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER credentials_fts_delete AFTER DELETE ON credentials BEGIN
        DELETE FROM credentials_fts WHERE rowid = old.id;
    END""",
)


def _to_v1(conn: Connection) -> None:
    for statement in _V1:
        conn.execute(statement)


# v2: a local log of what the learner shared, when, in which form and with whom.
_V2 = (
    """CREATE TABLE share_log (
        id INTEGER PRIMARY KEY,
        shared_at TEXT NOT NULL,
        form TEXT NOT NULL,
        recipient TEXT,
        credential_ids TEXT NOT NULL
    )""",
)


def _to_v2(conn: Connection) -> None:
    for statement in _V2:
        conn.execute(statement)


# v3: what each share said beyond the credential ids (JSON, written by the app layer): the
# verifier as its certificate or DID named it, and the claims disclosed per credential.
_V3 = ("ALTER TABLE share_log ADD COLUMN details_json TEXT",)


def _to_v3(conn: Connection) -> None:
    for statement in _V3:
        conn.execute(statement)


# v4: OCSP responses and CRLs fetched online for seals, kept until their nextUpdate (ISO 8601
# UTC, so it sorts), keyed by what they speak about (``ocsp:…`` or ``crl:`` and the address).
_V4 = (
    """CREATE TABLE revocation_cache (
        key TEXT PRIMARY KEY,
        der BLOB NOT NULL,
        next_update TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    )""",
)


def _to_v4(conn: Connection) -> None:
    for statement in _V4:
        conn.execute(statement)


# v5: the list shows the issuer in the interface language and a badge as a badge: the issuer's
# name in every language the credential gives ({lang: text} JSON, as title_json) and the view
# kind (micro-credential, open-badge, generic). Only a parsed credential tells them, and the
# parsers live above the store, so this step leaves view_kind NULL on the rows it finds;
# ``wallet.app.list_fields.describe_stored`` fills them from the stored bytes when the wallet
# is opened (resumable: a row is filled in its own write). The partial index finds them.
_V5 = (
    "ALTER TABLE credentials ADD COLUMN issuer_names_json TEXT",
    "ALTER TABLE credentials ADD COLUMN view_kind TEXT",
    "CREATE INDEX credentials_undescribed ON credentials(id) WHERE view_kind IS NULL",
)


def _to_v5(conn: Connection) -> None:
    for statement in _V5:
        conn.execute(statement)


_STEPS: dict[int, Callable[[Connection], None]] = {
    1: _to_v1, 2: _to_v2, 3: _to_v3, 4: _to_v4, 5: _to_v5}


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection) -> int:
    """Bring the schema to :data:`LATEST_VERSION`; return the version found before."""
    found = schema_version(conn)
    if found > LATEST_VERSION:
        raise SchemaTooNew(tr("This wallet was written by a newer Kredo; update Kredo to open it."),
                           details=f"schema {found}, known up to {LATEST_VERSION}")
    for target in range(found + 1, LATEST_VERSION + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            _STEPS[target](conn)
            # PRAGMA takes no parameters; target is an int from our own table.
            conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(tr("The wallet database could not be upgraded; nothing was changed."),
                             details=f"step to {target}: {exc}") from exc
    return found
