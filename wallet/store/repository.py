"""``CredentialRepository``: the only SQL in Kredo, over a migrated, open vault connection.

Every write runs in its own short transaction, so a crash loses at most the write in flight.
Access is serialised by the caller (one database worker in the GUI).
"""

from __future__ import annotations

import builtins  # the repository has a list() method; annotations need the type
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import sqlcipher3

from wallet.errors import CredentialNotFound, StoreError
from wallet.model import Credential, CredentialFormat, LangText
from wallet.store.index_fields import index_fields, search_text
from wallet.store.records import (
    AddResult,
    Collection,
    CredentialDump,
    CredentialSummary,
    HolderKey,
    IndexFields,
    ListDescription,
    RevocationRecord,
    SearchText,
    ShareRecord,
    StoredCredential,
    VerificationRecord,
)
from wallet.store.search_query import fts_query
from wallet.store.vault import Connection
from wallet.terminal_text import escape_surrogates
from wallet.translation import tr

_TAG_SEPARATOR = "\x1f"  # unit separator: cannot be typed into a tag name
_MAX_NAME_CHARS = 200
_SUMMARY_COLUMNS = (
    "c.id, c.format, c.title_json, c.issuer_name, c.issued, c.subject_name, c.ects, "
    "c.eqf_level, c.imported_at, c.issuer_names_json, c.view_kind, "
    "(SELECT group_concat(t.name, char(31)) FROM credential_tags ct JOIN tags t "
    " ON t.id = ct.tag_id WHERE ct.credential_id = c.id) AS tag_names, "
    "(SELECT v.status FROM verifications v WHERE v.credential_id = c.id "
    " ORDER BY v.checked_at DESC, v.id DESC LIMIT 1) AS last_status"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CredentialRepository:
    """Credentials, tags, collections, holder keys, settings and the verification cache."""

    def __init__(self, connection: Connection) -> None:
        self._conn = connection

    # --- transactions ------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise _write_error(exc, tr("The wallet is busy or cannot be written.")) from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlcipher3.Error):
                raise _write_error(exc, tr("The change could not be saved.")) from exc
            raise

    def _rollback(self) -> None:
        # After some errors (a full disk at COMMIT) SQLite has already rolled back: a second
        # ROLLBACK would fail with "no transaction is active" and hide the real error.
        if self._conn.in_transaction:
            with suppress(sqlcipher3.Error):
                self._conn.execute("ROLLBACK")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> builtins.list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlcipher3.Error as exc:
            raise StoreError(tr("The wallet could not be read."), details=str(exc)) from exc

    # --- credentials -------------------------------------------------------------------

    def add(self, credential: Credential, *, source: str,
            view_kind: str | None = None) -> AddResult:
        """Store ``credential`` (raw bytes as they are); the same bytes twice are one entry.

        ``view_kind`` is the template that shows it (the app layer tells it; without it the
        row waits to be described, see :meth:`undescribed_ids`).

        ``source`` may be a file name the OS gave as bytes that are not UTF-8 (Python holds
        them as lone surrogates); they are kept as ``\\xNN`` escapes, which SQLite can store.
        """
        dump = CredentialDump(
            raw=credential.raw, format=credential.format, media_type=credential.media_type,
            imported_at=_now(), source=escape_surrogates(source),
            index=index_fields(credential, view_kind),
            search_text=search_text(credential), note=None, tags=(), collections=())
        with self._transaction() as conn:
            return _insert(conn, dump)

    def get(self, credential_id: int) -> StoredCredential:
        rows = self._query(
            "SELECT id, raw, format, media_type, content_hash, imported_at, source, title_json, "
            "issuer_name, issued, subject_name, ects, eqf_level, note, issuer_names_json, "
            "view_kind FROM credentials WHERE id = ?", (credential_id,))
        if not rows:
            raise _not_found(credential_id)
        r = rows[0]
        return StoredCredential(
            id=int(r[0]), raw=bytes(r[1]), format=CredentialFormat(r[2]), media_type=r[3],
            content_hash=r[4], imported_at=r[5], source=r[6],
            index=IndexFields(title=_title_from_json(r[7]), issuer_name=r[8], issued=r[9],
                              subject_name=r[10], ects=r[11], eqf_level=r[12],
                              issuer_names=_title_from_json(r[14]), view_kind=r[15]),
            note=r[13], tags=self._tags_of(credential_id),
            collections=self._collections_of(credential_id))

    def list(self, *, search: str | None = None, tag: str | None = None,
             collection: int | None = None, limit: int | None = None,
             offset: int = 0) -> builtins.list[CredentialSummary]:
        """Summaries, best search match first when searching, else in import order."""
        where: builtins.list[str] = []
        params: builtins.list[Any] = []
        match = fts_query(search) if search else None
        source = "credentials c"
        order = "c.id"
        if match is not None:
            source = "credentials c JOIN credentials_fts f ON f.rowid = c.id"
            where.append("credentials_fts MATCH ?")
            params.append(match)
            order = "f.rank, c.id"
        if tag is not None:
            where.append("c.id IN (SELECT ct.credential_id FROM credential_tags ct "
                         "JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)")
            params.append(tag.strip())
        if collection is not None:
            where.append("c.id IN (SELECT credential_id FROM collection_items "
                         "WHERE collection_id = ?)")
            params.append(collection)
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM {source}"  # noqa: S608 - fixed fragments only
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        params += [-1 if limit is None else max(limit, 0), max(offset, 0)]
        return [_summary(r) for r in self._query(sql, params)]

    def search_ids(self, search: str) -> builtins.list[int]:
        """Ids of the credentials matching ``search``, best match first, and nothing else.

        For a view that holds the summaries already (the GUI's list model): filtering them
        by these ids costs a few milliseconds where ``list(search=...)`` rebuilds thousands
        of summaries (25 ms at the 95th percentile over 10,000 credentials).
        """
        match = fts_query(search)
        if match is None:
            return self.ids()
        rows = self._query("SELECT rowid FROM credentials_fts WHERE credentials_fts MATCH ? "
                           "ORDER BY rank, rowid", (match,))
        return [int(r[0]) for r in rows]

    def find_by_hash(self, content_hash: str) -> int | None:
        """The id of the credential whose raw bytes have this sha-256, if stored."""
        rows = self._query("SELECT id FROM credentials WHERE content_hash = ?", (content_hash,))
        return int(rows[0][0]) if rows else None

    def count(self) -> int:
        return int(self._query("SELECT count(*) FROM credentials")[0][0])

    def ids(self) -> builtins.list[int]:
        return [int(r[0]) for r in self._query("SELECT id FROM credentials ORDER BY id")]

    def delete(self, credential_id: int) -> None:
        with self._transaction() as conn:
            if conn.execute("DELETE FROM credentials WHERE id = ?",
                            (credential_id,)).rowcount == 0:
                raise _not_found(credential_id)

    def undescribed_ids(self) -> builtins.list[int]:
        """Rows stored before the list knew the issuer's languages and the view kind (schema
        v5), or restored from a backup that did not carry them."""
        return [int(r[0]) for r in self._query(
            "SELECT id FROM credentials WHERE view_kind IS NULL ORDER BY id")]

    def describe(self, credential_id: int, description: ListDescription) -> None:
        """Write what the parsed credential tells the list (one row, one short write)."""
        with self._transaction() as conn:
            if conn.execute("UPDATE credentials SET issuer_names_json = ?, view_kind = ? "
                            "WHERE id = ?", (_title_to_json(description.issuer_names),
                                             description.view_kind,
                                             credential_id)).rowcount == 0:
                raise _not_found(credential_id)

    def set_note(self, credential_id: int, text: str | None) -> None:
        note = escape_surrogates(text) if text and text.strip() else None
        with self._transaction() as conn:
            if conn.execute("UPDATE credentials SET note = ? WHERE id = ?",
                            (note, credential_id)).rowcount == 0:
                raise _not_found(credential_id)

    # --- tags --------------------------------------------------------------------------

    def tag(self, credential_id: int, tags: Iterable[str]) -> None:
        names = [clean_name(t, "tag") for t in tags]
        with self._transaction() as conn:
            self._require(conn, credential_id)
            for name in names:
                _attach_tag(conn, credential_id, name)

    def untag(self, credential_id: int, tags: Iterable[str]) -> None:
        names = [t.strip() for t in tags]
        with self._transaction() as conn:
            self._require(conn, credential_id)
            for name in names:
                conn.execute(
                    "DELETE FROM credential_tags WHERE credential_id = ? AND tag_id IN "
                    "(SELECT id FROM tags WHERE name = ?)", (credential_id, name))
            # A tag nobody uses any more disappears from the tag list.
            conn.execute("DELETE FROM tags WHERE id NOT IN "
                         "(SELECT tag_id FROM credential_tags)")

    def all_tags(self) -> builtins.list[str]:
        return [r[0] for r in self._query(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM credential_tags) "
            "ORDER BY name COLLATE NOCASE")]

    def _tags_of(self, credential_id: int) -> tuple[str, ...]:
        return tuple(r[0] for r in self._query(
            "SELECT t.name FROM credential_tags ct JOIN tags t ON t.id = ct.tag_id "
            "WHERE ct.credential_id = ? ORDER BY t.name COLLATE NOCASE", (credential_id,)))

    # --- collections -------------------------------------------------------------------

    def create_collection(self, name: str) -> int:
        clean = clean_name(name, "collection")
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM collections WHERE name = ?", (clean,)).fetchone():
                raise StoreError(tr("A collection with that name already exists."))
            cursor = conn.execute("INSERT INTO collections (name, created_at) VALUES (?, ?)",
                                  (clean, _now()))
            return int(cursor.lastrowid or 0)

    def rename_collection(self, collection_id: int, name: str) -> None:
        clean = clean_name(name, "collection")
        with self._transaction() as conn:
            clash = conn.execute("SELECT id FROM collections WHERE name = ?",
                                 (clean,)).fetchone()
            if clash is not None and int(clash[0]) != collection_id:
                raise StoreError(tr("A collection with that name already exists."))
            if conn.execute("UPDATE collections SET name = ? WHERE id = ?",
                            (clean, collection_id)).rowcount == 0:
                raise _no_collection(collection_id)

    def delete_collection(self, collection_id: int) -> None:
        """Remove the collection; its credentials stay in the wallet."""
        with self._transaction() as conn:
            if conn.execute("DELETE FROM collections WHERE id = ?",
                            (collection_id,)).rowcount == 0:
                raise _no_collection(collection_id)

    def add_to_collection(self, collection_id: int, credential_ids: Iterable[int]) -> None:
        ids = list(credential_ids)
        with self._transaction() as conn:
            if not conn.execute("SELECT 1 FROM collections WHERE id = ?",
                                (collection_id,)).fetchone():
                raise _no_collection(collection_id)
            for credential_id in ids:
                self._require(conn, credential_id)
                _attach_to_collection(conn, collection_id, credential_id)

    def remove_from_collection(self, collection_id: int, credential_ids: Iterable[int]) -> None:
        ids = list(credential_ids)
        with self._transaction() as conn:
            for credential_id in ids:
                conn.execute("DELETE FROM collection_items WHERE collection_id = ? AND "
                             "credential_id = ?", (collection_id, credential_id))

    def collections(self) -> builtins.list[Collection]:
        rows = self._query("SELECT id, name, created_at FROM collections ORDER BY name")
        result = []
        for collection_id, name, created_at in rows:
            items = self._query(
                "SELECT credential_id FROM collection_items WHERE collection_id = ? "
                "ORDER BY position, credential_id", (collection_id,))
            result.append(Collection(
                id=int(collection_id), name=name, created_at=created_at,
                credential_ids=tuple(int(i[0]) for i in items)))
        return result

    def _collections_of(self, credential_id: int) -> tuple[str, ...]:
        return tuple(r[0] for r in self._query(
            "SELECT co.name FROM collection_items ci JOIN collections co "
            "ON co.id = ci.collection_id WHERE ci.credential_id = ? ORDER BY co.name",
            (credential_id,)))

    # --- holder keys, settings, verification cache -------------------------------------

    def add_holder_key(self, did: str, private_key: bytes, key_type: str,
                       label: str | None = None, *, created_at: str | None = None) -> int:
        """Store a holder key; the same DID twice keeps the first and returns its id."""
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM holder_keys WHERE did = ?", (did,)).fetchone()
            if row is not None:
                return int(row[0])
            cursor = conn.execute(
                "INSERT INTO holder_keys (did, private_key, key_type, label, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (did, private_key, key_type, label, created_at or _now()))
            return int(cursor.lastrowid or 0)

    def holder_keys(self) -> builtins.list[HolderKey]:
        return [HolderKey(id=int(r[0]), did=r[1], private_key=bytes(r[2]), key_type=r[3],
                          label=r[4], created_at=r[5])
                for r in self._query("SELECT id, did, private_key, key_type, label, created_at "
                                     "FROM holder_keys ORDER BY id")]

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def settings(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._query("SELECT key, value FROM settings ORDER BY key")}

    def save_verification(self, credential_id: int, *, status: str, report_json: str,
                          mode: str, checked_at: str | None = None) -> None:
        with self._transaction() as conn:
            self._require(conn, credential_id)
            conn.execute(
                "INSERT INTO verifications (credential_id, checked_at, status, report_json, "
                "mode) VALUES (?, ?, ?, ?, ?)",
                (credential_id, checked_at or _now(), status, report_json, mode))

    def latest_verification(self, credential_id: int) -> VerificationRecord | None:
        rows = self._query(
            "SELECT credential_id, checked_at, status, report_json, mode FROM verifications "
            "WHERE credential_id = ? ORDER BY checked_at DESC, id DESC LIMIT 1",
            (credential_id,))
        return _verification(rows[0]) if rows else None

    # --- revocation cache (seals' OCSP responses and CRLs) ---------------------------------

    def current_revocation_records(self, now: datetime) -> builtins.list[RevocationRecord]:
        """The cached status answers still current at ``now`` (older ones are dropped)."""
        moment = now.astimezone(UTC).isoformat()
        with self._transaction() as conn:
            conn.execute("DELETE FROM revocation_cache WHERE next_update <= ?", (moment,))
        rows = self._query("SELECT key, der, next_update FROM revocation_cache ORDER BY key")
        return [RevocationRecord(r[0], bytes(r[1]), datetime.fromisoformat(r[2])) for r in rows]

    def keep_revocation_records(self, records: Iterable[RevocationRecord]) -> None:
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO revocation_cache (key, der, next_update, fetched_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET der = excluded.der, "
                "next_update = excluded.next_update, fetched_at = excluded.fetched_at",
                [(r.key, r.der, r.next_update.astimezone(UTC).isoformat(), _now())
                 for r in records])

    # --- share log -------------------------------------------------------------------------

    def log_share(self, credential_ids: Iterable[int], *, form: str,
                  recipient: str | None = None, details_json: str | None = None,
                  shared_at: str | None = None) -> int:
        """Remember that these credentials were shared (only here, in the encrypted wallet)."""
        ids = sorted(set(credential_ids))
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO share_log (shared_at, form, recipient, credential_ids, "
                "details_json) VALUES (?, ?, ?, ?, ?)",
                (shared_at or _now(), form, (recipient or "").strip() or None, json.dumps(ids),
                 details_json))
            return int(cursor.lastrowid or 0)

    def share_log(self) -> builtins.list[ShareRecord]:
        rows = self._query("SELECT id, shared_at, form, recipient, credential_ids, details_json "
                           "FROM share_log ORDER BY shared_at DESC, id DESC")
        return [ShareRecord(id=int(r[0]), shared_at=r[1], form=r[2], recipient=r[3],
                            credential_ids=tuple(int(i) for i in json.loads(r[4])),
                            details_json=r[5])
                for r in rows]

    def delete_shares(self, share_ids: Iterable[int]) -> int:
        """Forget these entries of the share log; returns how many were there."""
        ids = sorted(set(share_ids))
        with self._transaction() as conn:
            removed = 0
            for share_id in ids:
                removed += conn.execute("DELETE FROM share_log WHERE id = ?",
                                        (share_id,)).rowcount
            return removed

    def restore_share(self, record: ShareRecord) -> bool:
        """Put back a share log entry from a backup, unless the very same entry is there."""
        ids = json.dumps(sorted(set(record.credential_ids)))
        with self._transaction() as conn:
            found = conn.execute(
                "SELECT 1 FROM share_log WHERE shared_at = ? AND form = ? AND "
                "recipient IS ? AND credential_ids = ?",
                (record.shared_at, record.form, record.recipient, ids)).fetchone()
            if found:
                return False
            conn.execute(
                "INSERT INTO share_log (shared_at, form, recipient, credential_ids, "
                "details_json) VALUES (?, ?, ?, ?, ?)",
                (record.shared_at, record.form, record.recipient, ids, record.details_json))
            return True

    # --- backup support ------------------------------------------------------------------

    def dump_credentials(self) -> Iterator[CredentialDump]:
        """Every credential with all that is attached to it, one at a time."""
        for credential_id in self.ids():
            stored = self.get(credential_id)
            text = self._query("SELECT title, issuer, subject, description, outcomes FROM "
                               "credentials_fts WHERE rowid = ?", (credential_id,))
            verifications = self._query(
                "SELECT credential_id, checked_at, status, report_json, mode FROM "
                "verifications WHERE credential_id = ? ORDER BY id", (credential_id,))
            yield CredentialDump(
                raw=stored.raw, format=stored.format, media_type=stored.media_type,
                imported_at=stored.imported_at, source=stored.source, index=stored.index,
                search_text=SearchText(*text[0]) if text else SearchText(),
                note=stored.note, tags=stored.tags, collections=stored.collections,
                verifications=tuple(_verification(v) for v in verifications))

    def restore_credential(self, dump: CredentialDump) -> AddResult:
        """Put back one dumped credential with all attached to it, in one transaction.

        One already present (same bytes) is left alone, so a restore that was killed can
        simply run again.
        """
        with self._transaction() as conn:
            result = _insert(conn, dump)
            if result.duplicate:
                return result
            if dump.note is not None:
                conn.execute("UPDATE credentials SET note = ? WHERE id = ?",
                             (dump.note, result.id))
            for name in dump.tags:
                _attach_tag(conn, result.id, clean_name(name, "tag"))
            for name in dump.collections:
                clean = clean_name(name, "collection")
                conn.execute("INSERT OR IGNORE INTO collections (name, created_at) "
                             "VALUES (?, ?)", (clean, _now()))
                _attach_to_collection(conn, _collection_id(conn, clean), result.id)
            for record in dump.verifications:
                conn.execute(
                    "INSERT INTO verifications (credential_id, checked_at, status, "
                    "report_json, mode) VALUES (?, ?, ?, ?, ?)",
                    (result.id, record.checked_at, record.status, record.report_json,
                     record.mode))
        return result

    def ensure_collection(self, name: str, *, created_at: str | None = None) -> int:
        """The id of the collection called ``name``, created when missing."""
        clean = clean_name(name, "collection")
        with self._transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)",
                         (clean, created_at or _now()))
            return _collection_id(conn, clean)

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _require(conn: Connection, credential_id: int) -> None:
        if conn.execute("SELECT 1 FROM credentials WHERE id = ?",
                        (credential_id,)).fetchone() is None:
            raise _not_found(credential_id)


def _insert(conn: Connection, dump: CredentialDump) -> AddResult:
    content_hash = hashlib.sha256(dump.raw).hexdigest()
    row = conn.execute("SELECT id FROM credentials WHERE content_hash = ?",
                       (content_hash,)).fetchone()
    if row is not None:
        return AddResult(id=int(row[0]), duplicate=True)
    index, text = dump.index, dump.search_text
    cursor = conn.execute(
        "INSERT INTO credentials (raw, format, media_type, content_hash, imported_at, source, "
        "title_json, issuer_name, issued, subject_name, ects, eqf_level, issuer_names_json, "
        "view_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (dump.raw, dump.format.value, dump.media_type, content_hash, dump.imported_at,
         dump.source, _title_to_json(index.title), index.issuer_name, index.issued,
         index.subject_name, index.ects, index.eqf_level, _title_to_json(index.issuer_names),
         index.view_kind))
    new_id = int(cursor.lastrowid or 0)
    conn.execute(
        "INSERT INTO credentials_fts (rowid, title, issuer, subject, description, outcomes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (new_id, text.title, text.issuer, text.subject, text.description, text.outcomes))
    return AddResult(id=new_id, duplicate=False)


def _attach_tag(conn: Connection, credential_id: int, name: str) -> None:
    conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
    conn.execute("INSERT OR IGNORE INTO credential_tags (credential_id, tag_id) "
                 "SELECT ?, id FROM tags WHERE name = ?", (credential_id, name))


def _attach_to_collection(conn: Connection, collection_id: int, credential_id: int) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO collection_items (collection_id, credential_id, position) "
        "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM collection_items "
        "WHERE collection_id = ?))", (collection_id, credential_id, collection_id))


def _collection_id(conn: Connection, name: str) -> int:
    return int(conn.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()[0])


_SQLITE_FULL = 13


def _write_error(exc: sqlcipher3.Error, message: str) -> StoreError:
    if getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL:
        return StoreError(tr("The disk is full, so the change was not saved; free some space and "
                             "try again."), details=str(exc))
    return StoreError(message, details=str(exc))


_FORMATS = {f.value: f for f in CredentialFormat}  # the Enum call costs more than the row


def _summary(r: Sequence[Any]) -> CredentialSummary:
    return CredentialSummary(
        id=int(r[0]), format=_FORMATS[r[1]],
        index=IndexFields(title=_title_from_json(r[2]), issuer_name=r[3], issued=r[4],
                          subject_name=r[5], ects=r[6], eqf_level=r[7],
                          issuer_names=_title_from_json(r[9]), view_kind=r[10]),
        imported_at=r[8],
        tags=tuple(sorted(r[11].split(_TAG_SEPARATOR), key=str.casefold)) if r[11] else (),
        verification_status=r[12])


def _verification(r: Sequence[Any]) -> VerificationRecord:
    return VerificationRecord(credential_id=int(r[0]), checked_at=r[1], status=r[2],
                              report_json=r[3], mode=r[4])


# Titles and issuer names alike: a LangText as {lang: text} JSON.
def _title_to_json(title: LangText | None) -> str | None:
    if title is None:
        return None
    return json.dumps(title.to_json(), ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=32768)
def _title_from_json(text: str | None) -> LangText | None:
    # Cached: the list and every search read the same titles again (LangText is immutable).
    if not text:
        return None
    values = json.loads(text)
    return LangText(values) if isinstance(values, dict) and values else None


def clean_name(name: str, kind: str) -> str:
    """A tag or collection name as stored (spaces collapsed); StoreError when unusable."""
    clean = " ".join(escape_surrogates(name).split())
    if not clean:
        if kind == "tag":
            raise StoreError(tr("A tag name cannot be empty."))
        raise StoreError(tr("A collection name cannot be empty."))
    if len(clean) > _MAX_NAME_CHARS or _TAG_SEPARATOR in clean:
        if kind == "tag":
            raise StoreError(
                tr("That tag name is too long or holds characters Kredo cannot keep."))
        raise StoreError(
            tr("That collection name is too long or holds characters Kredo cannot keep."))
    return clean


def _not_found(credential_id: int) -> CredentialNotFound:
    return CredentialNotFound(tr("No credential with that number is in the wallet."),
                              details=f"id={credential_id}")


def _no_collection(collection_id: int) -> StoreError:
    return StoreError(tr("No collection with that number exists."),
                      details=f"id={collection_id}")
