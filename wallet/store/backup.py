"""Write and restore one encrypted backup file holding the whole wallet.

The container is :mod:`wallet.store.backup_format`; inside is a zlib-compressed stream of JSON
lines, one record each: a ``header``, then ``setting``, ``holder_key``, ``credential`` and
``collection`` records, then an ``end`` record with the counts. docs/backup-format.md
describes every field.

Restore reads the file twice: first to check every segment and record (a damaged, truncated,
or altered file, or a decompression bomb, restores nothing), then to apply it, one
transaction per credential, so a killed restore can simply be run again.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.errors import BackupError, StoreError, WalletError
from wallet.json_input import load_json
from wallet.model import CredentialFormat, LangText
from wallet.store.backup_format import SegmentWriter, read_segments
from wallet.store.kdf import DEFAULT_ARGON2, Argon2Params
from wallet.store.records import (
    CredentialDump,
    IndexFields,
    SearchText,
    ShareRecord,
    VerificationRecord,
)
from wallet.store.repository import CredentialRepository, clean_name
from wallet.translation import tr

FORMAT_NAME = "kredo-backup"
RECORD_VERSION = 2  # 2 added the ``share`` records (the share log); 1 is still read
_READABLE_VERSIONS = frozenset({1, 2})
# One record holds at most one credential (16 MiB raw, base64) plus its index: 32 MiB is ample.
MAX_RECORD_BYTES = 32 * 1024 * 1024
# All records together, decompressed; a larger stream is treated as a decompression bomb.
MAX_INFLATED_BYTES = 8 * 1024 * 1024 * 1024
_INFLATE_STEP = 1024 * 1024


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    credentials: int
    holder_keys: int
    settings: int
    collections: int
    bytes_written: int
    shares: int = 0


@dataclass(frozen=True)
class RestoreReport:
    restored: int
    duplicates: int
    holder_keys_added: int
    settings_added: int
    collections: int
    shares_added: int = 0


def write_backup(repository: CredentialRepository, out: Path, passphrase: str, *,
                 kdf_params: Argon2Params = DEFAULT_ARGON2) -> BackupSummary:
    """Write the whole wallet to ``out`` (replaced atomically), encrypted under ``passphrase``."""
    if not passphrase:
        raise BackupError(tr("The backup passphrase is empty; choose one."))
    tmp = out.with_name(out.name + ".partial")
    counts = {"credentials": 0, "holder_keys": 0, "settings": 0, "collections": 0,
              "shares": 0}
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            writer = SegmentWriter(handle, passphrase, kdf_params)
            compressor = zlib.compressobj(level=6)

            def emit(record: dict[str, Any]) -> None:
                line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
                writer.write(compressor.compress(line.encode("utf-8")))

            emit({"kind": "header", "format": FORMAT_NAME, "version": RECORD_VERSION,
                  "created_at": datetime.now(UTC).isoformat(timespec="seconds")})
            for key, value in repository.settings().items():
                emit({"kind": "setting", "key": key, "value": value})
                counts["settings"] += 1
            for holder_key in repository.holder_keys():
                emit({"kind": "holder_key", "did": holder_key.did,
                      "private_key": _b64(holder_key.private_key),
                      "key_type": holder_key.key_type, "label": holder_key.label,
                      "created_at": holder_key.created_at})
                counts["holder_keys"] += 1
            for dump in repository.dump_credentials():
                emit(_credential_record(dump))
                counts["credentials"] += 1
            # After the credentials, so members are named by content hash in their order.
            hashes = {i: repository.get(i).content_hash for i in repository.ids()}
            for collection in repository.collections():
                emit({"kind": "collection", "name": collection.name,
                      "created_at": collection.created_at,
                      "items": [hashes[i] for i in collection.credential_ids]})
                counts["collections"] += 1
            for share in repository.share_log():
                emit(_share_record(share, hashes))
                counts["shares"] += 1
            emit({"kind": "end", **counts})
            writer.write(compressor.flush())
            writer.finish()
            handle.flush()
            os.fsync(handle.fileno())
        size = tmp.stat().st_size
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(tr("The backup file could not be written."),
                          details=f"{type(exc).__name__}: {exc.strerror}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BackupSummary(path=out, bytes_written=size, **counts)


def restore_backup(path: Path, passphrase: str, repository: CredentialRepository, *,
                   max_inflated: int = MAX_INFLATED_BYTES) -> RestoreReport:
    """Restore ``path`` into ``repository``; credentials already present are counted, kept."""
    # Pass 1: everything must authenticate, decompress within bounds and parse.
    for _record in _records(path, passphrase, max_inflated):
        pass
    restored = duplicates = keys_added = settings_added = collections = shares = 0
    known_dids = {k.did for k in repository.holder_keys()}
    current_settings = repository.settings()
    for record in _records(path, passphrase, max_inflated):
        kind = record["kind"]
        if kind == "setting" and record["key"] not in current_settings:
            repository.set_setting(record["key"], record["value"])
            settings_added += 1
        elif kind == "holder_key" and record["did"] not in known_dids:
            repository.add_holder_key(record["did"], _unb64(record["private_key"]),
                                      record["key_type"], record["label"],
                                      created_at=record["created_at"])
            keys_added += 1
        elif kind == "collection":
            collection_id = repository.ensure_collection(record["name"],
                                                         created_at=record["created_at"])
            members = [repository.find_by_hash(h) for h in record["items"]]
            repository.add_to_collection(collection_id, [m for m in members if m is not None])
            collections += 1
        elif kind == "credential":
            if repository.restore_credential(_credential_dump(record)).duplicate:
                duplicates += 1
            else:
                restored += 1
        elif kind == "share" and repository.restore_share(_share_from_record(record,
                                                                             repository)):
            shares += 1
    return RestoreReport(restored=restored, duplicates=duplicates, holder_keys_added=keys_added,
                         settings_added=settings_added, collections=collections,
                         shares_added=shares)


# --- reading ---------------------------------------------------------------------------


def _records(path: Path, passphrase: str, max_inflated: int) -> Iterator[dict[str, Any]]:
    """Parsed, type-checked records; the last one is ``end`` with matching counts."""
    seen = {"credentials": 0, "holder_keys": 0, "settings": 0, "collections": 0}
    first = True
    version: object = RECORD_VERSION
    ended = False
    for line in _lines(path, passphrase, max_inflated):
        if ended:
            raise _damaged("records after the end record")
        record = _parse(line)
        kind = record["kind"]
        if first:
            if kind != "header" or record.get("format") != FORMAT_NAME:
                raise _damaged("first record is not the header")
            version = record.get("version")
            if not isinstance(version, int) or version not in _READABLE_VERSIONS:
                raise BackupError(tr("This backup was written by a newer Kredo; update Kredo to "
                                     "restore it."),
                                  details=f"record version {record.get('version')}")
            first = False
            if version != 1:
                seen["shares"] = 0
            continue
        if kind == "end":
            if any(record.get(k) != v for k, v in seen.items()):
                raise _damaged("counts in the end record do not match")
            ended = True
            continue
        plural = {"credential": "credentials", "holder_key": "holder_keys",
                  "setting": "settings", "collection": "collections",
                  "share": "shares"}.get(kind)
        if plural is None or plural not in seen:
            raise _damaged(f"unknown record kind {kind!r}")
        _check_fields(record)
        seen[plural] += 1
        yield record
    if not ended:
        raise _damaged("no end record")


def _lines(path: Path, passphrase: str, max_inflated: int) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    pending = bytearray()
    total = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise BackupError(tr("The backup file could not be opened."),
                          details=f"{type(exc).__name__}: {exc.strerror}") from exc
    with handle:
        for segment in read_segments(handle, passphrase):
            data = segment
            while True:
                # Inflate in bounded steps: a bomb stops at the cap, not in memory.
                try:
                    chunk = inflater.decompress(data, _INFLATE_STEP)
                except zlib.error as exc:
                    raise _damaged("compressed stream") from exc
                data = inflater.unconsumed_tail
                total += len(chunk)
                if total > max_inflated:
                    raise BackupError(tr("The backup unpacks to more data than Kredo accepts; "
                                         "nothing was restored."), details=f"cap {max_inflated}")
                pending += chunk
                yield from _split_lines(pending)
                if not data and len(chunk) < _INFLATE_STEP:
                    break
    if not inflater.eof or inflater.unused_data:
        raise _damaged("compressed stream incomplete")
    if pending:
        raise _damaged("last record is unterminated")


def _split_lines(pending: bytearray) -> Iterator[bytes]:
    while True:
        end = pending.find(b"\n")
        if end < 0:
            if len(pending) > MAX_RECORD_BYTES:
                raise BackupError(tr("A record in the backup is larger than Kredo accepts; nothing "
                                     "was restored."), details=f"cap {MAX_RECORD_BYTES}")
            return
        line = bytes(pending[:end])
        del pending[:end + 1]
        yield line


def _parse(line: bytes) -> dict[str, Any]:
    try:
        record = load_json(line, max_bytes=MAX_RECORD_BYTES)
    except WalletError as exc:
        raise _damaged(f"record is not JSON: {exc.message}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("kind"), str):
        raise _damaged("record without kind")
    return record


_STR, _OPT_STR = (str,), (str, type(None))
_FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "setting": {"key": _STR, "value": _STR},
    "holder_key": {"did": _STR, "private_key": _STR, "key_type": _STR, "label": _OPT_STR,
                   "created_at": _STR},
    "collection": {"name": _STR, "created_at": _STR, "items": (list,)},
    "share": {"shared_at": _STR, "form": _STR, "recipient": _OPT_STR, "items": (list,),
              "details": _OPT_STR},
    "credential": {"raw": _STR, "format": _STR, "media_type": _STR, "imported_at": _STR,
                   "source": _STR, "note": _OPT_STR, "index": (dict,), "search_text": (dict,),
                   "tags": (list,), "verifications": (list,)},
}


def _check_fields(record: dict[str, Any]) -> None:
    for name, types in _FIELDS[record["kind"]].items():
        if not isinstance(record.get(name), types):
            raise _damaged(f"{record['kind']}.{name} has the wrong type")
    if record["kind"] == "credential":
        _credential_dump(record)  # parse fully now so pass 2 cannot fail half-way
    if record["kind"] in ("credential", "collection"):
        kind, values = (("tag", record["tags"]) if record["kind"] == "credential"
                        else ("collection", [record["name"]]))
        try:  # the repository's own rules, so pass 2 cannot refuse a name half-way either
            for value in values:
                clean_name(_checked_str(value), kind)
        except (StoreError, TypeError) as exc:
            raise _damaged(f"{record['kind']} has an unusable {kind} name") from exc
    if record["kind"] in ("collection", "share"):
        for item in record["items"]:
            _checked_hash(item)


# --- share log records -----------------------------------------------------------------


def _share_record(share: ShareRecord, hashes: dict[int, str]) -> dict[str, Any]:
    """Credentials are named by content hash (ids differ between wallets); a credential
    deleted since the share is left out of ``items`` (its title stays in ``details``)."""
    return {"kind": "share", "shared_at": share.shared_at, "form": share.form,
            "recipient": share.recipient,
            "items": [hashes[i] for i in share.credential_ids if i in hashes],
            "details": share.details_json}


def _share_from_record(record: dict[str, Any], repository: CredentialRepository) -> ShareRecord:
    members = [repository.find_by_hash(h) for h in record["items"]]
    return ShareRecord(id=0, shared_at=record["shared_at"], form=record["form"],
                       recipient=record["recipient"],
                       credential_ids=tuple(m for m in members if m is not None),
                       details_json=record["details"])


# --- credential records ----------------------------------------------------------------


def _credential_record(dump: CredentialDump) -> dict[str, Any]:
    index, text = dump.index, dump.search_text
    return {
        "kind": "credential", "raw": _b64(dump.raw), "format": dump.format.value,
        "media_type": dump.media_type, "imported_at": dump.imported_at, "source": dump.source,
        "note": dump.note, "tags": list(dump.tags),
        "index": {"title": index.title.to_json() if index.title else None,
                  "issuer_name": index.issuer_name, "issued": index.issued,
                  "subject_name": index.subject_name, "ects": index.ects,
                  "eqf_level": index.eqf_level,
                  "issuer_names": index.issuer_names.to_json() if index.issuer_names else None,
                  "view_kind": index.view_kind},
        "search_text": {"title": text.title, "issuer": text.issuer, "subject": text.subject,
                        "description": text.description, "outcomes": text.outcomes},
        "verifications": [{"checked_at": v.checked_at, "status": v.status,
                           "report_json": v.report_json, "mode": v.mode}
                          for v in dump.verifications],
    }


def _credential_dump(record: dict[str, Any]) -> CredentialDump:
    try:
        index, text = record["index"], record["search_text"]
        title, names = index.get("title"), index.get("issuer_names")
        ects, eqf = index.get("ects"), index.get("eqf_level")
        return CredentialDump(
            raw=_unb64(record["raw"]), format=CredentialFormat(record["format"]),
            media_type=record["media_type"], imported_at=record["imported_at"],
            source=record["source"], note=record["note"],
            index=IndexFields(
                title=LangText({str(k): str(v) for k, v in title.items()}) if title else None,
                issuer_name=_opt_str(index.get("issuer_name")),
                issued=_opt_str(index.get("issued")),
                subject_name=_opt_str(index.get("subject_name")),
                ects=float(ects) if isinstance(ects, int | float) else None,
                eqf_level=int(eqf) if isinstance(eqf, int) else None,
                # absent from backups made before schema v5: described again after opening
                issuer_names=LangText({str(k): str(v) for k, v in names.items()})
                if names else None,
                view_kind=_opt_str(index.get("view_kind"))),
            search_text=SearchText(**{k: _text(text.get(k)) for k in (
                "title", "issuer", "subject", "description", "outcomes")}),
            tags=tuple(_checked_str(t) for t in record["tags"]),
            collections=(),  # collection records carry membership, in order
            verifications=tuple(
                VerificationRecord(credential_id=0, checked_at=_checked_str(v["checked_at"]),
                                   status=_checked_str(v["status"]),
                                   report_json=_checked_str(v["report_json"]),
                                   mode=_checked_str(v["mode"]))
                for v in record["verifications"]))
    except (KeyError, TypeError, ValueError, AttributeError, StoreError) as exc:
        if isinstance(exc, BackupError):
            raise
        raise _damaged(f"credential record: {type(exc).__name__}") from exc


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _checked_str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _checked_hash(value: object) -> str:
    if not (isinstance(value, str) and len(value) == 64
            and all(c in "0123456789abcdef" for c in value)):
        raise _damaged("collection item is not a sha-256 hex digest")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise _damaged("expected base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _damaged("bad base64") from exc


def _damaged(details: str) -> BackupError:
    return BackupError(tr("The backup file is damaged; nothing was restored."), details=details)


__all__ = ["BackupSummary", "RestoreReport", "restore_backup", "write_backup"]

