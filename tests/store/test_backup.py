"""Backups: lossless round trips, duplicates on overlap, and every way a file can be bad."""

from __future__ import annotations

import os
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FAST_KDF, PASSPHRASE, MakeCredential

from wallet.app.wallet_setup import create_wallet
from wallet.errors import BackupError
from wallet.model import Credential, CredentialFormat, LangText, MicroCredentialView
from wallet.share.holder import DEFAULT_SETTING
from wallet.store.backup import restore_backup, write_backup
from wallet.store.backup_format import SegmentWriter
from wallet.store.kdf import Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import open_wallet

BACKUP_PASSPHRASE = "backup passphrase"


@pytest.fixture
def second_repository(tmp_path: Path,
                      no_keyring: KeyringSecretStore) -> Iterator[CredentialRepository]:
    home = tmp_path / "second"
    create_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        yield wallet.repository


def _fill(repo: CredentialRepository, make_credential: MakeCredential) -> list[Credential]:
    credentials = [make_credential(n, title_cs=f"Základy {n}", title_en=f"Basics {n}",
                                   outcomes=(f"Výstup {n}",), description=f"Popis {n}")
                   for n in range(5)]
    ids = [repo.add(c, source=f"file:{n}.json").id for n, c in enumerate(credentials)]
    repo.tag(ids[0], ["work", "čeština"])
    repo.tag(ids[1], ["work"])
    repo.set_note(ids[2], "Poznámka ✓")
    stack = repo.create_collection("Stack")
    repo.add_to_collection(stack, [ids[3], ids[0]])
    repo.create_collection("Empty one")
    repo.add_holder_key("did:key:z6MkA", os.urandom(32), "Ed25519", "laptop")
    repo.add_holder_key("did:key:zDnaB", os.urandom(32), "P-256", None)
    repo.set_setting("online", "false")
    repo.set_setting("language", "cs")
    repo.save_verification(ids[0], status="partially_verified", report_json='{"x":1}',
                           mode="offline", checked_at="2026-03-01T10:00:00+00:00")
    return credentials


def _snapshot(repo: CredentialRepository, *, own_dids: frozenset[str] = frozenset()
              ) -> dict[str, Any]:
    """Everything a learner would miss, keyed by content, never by database id.

    ``own_dids``: the holder profile the target wallet made for itself at init, which a
    restore adds to rather than replaces (so its default-profile setting stays too).
    """
    credentials = {}
    for credential_id in repo.ids():
        stored = repo.get(credential_id)
        latest = repo.latest_verification(credential_id)
        credentials[stored.content_hash] = (
            stored.raw, stored.format, stored.media_type, stored.imported_at, stored.source,
            stored.index, stored.note, stored.tags, stored.collections,
            (latest.checked_at, latest.status, latest.report_json, latest.mode) if latest else None)
    hash_of = {i: repo.get(i).content_hash for i in repo.ids()}
    return {
        "credentials": credentials,
        "collections": sorted((c.name, c.created_at, tuple(hash_of[i] for i in c.credential_ids))
                              for c in repo.collections()),
        "holder_keys": [(k.did, k.private_key, k.key_type, k.label, k.created_at)
                        for k in repo.holder_keys() if k.did not in own_dids],
        "settings": {k: v for k, v in repo.settings().items() if k != DEFAULT_SETTING},
        "tags": repo.all_tags(),
        "search": {q: sorted(hash_of[s.id] for s in repo.list(search=q))
                   for q in ("zaklady", "vystup 3", "popis", "nova", "masarykova")},
    }


def test_round_trip_into_an_empty_wallet_is_lossless(
        repository: CredentialRepository, second_repository: CredentialRepository,
        make_credential: MakeCredential, tmp_path: Path) -> None:
    # GIVEN a wallet with credentials, tags, notes, collections, keys, settings, verifications
    _fill(repository, make_credential)
    out = tmp_path / "kredo.backup"
    own_dids = frozenset(k.did for k in second_repository.holder_keys())
    # WHEN it is backed up and restored into an empty wallet
    summary = write_backup(repository, out, BACKUP_PASSPHRASE, kdf_params=FAST_KDF)
    report = restore_backup(out, BACKUP_PASSPHRASE, second_repository)
    # THEN everything is equal
    assert (summary.credentials, summary.holder_keys, summary.settings,
            summary.collections) == (5, 3, 3, 2)
    assert (report.restored, report.duplicates) == (5, 0)
    assert _snapshot(second_repository, own_dids=own_dids) == _snapshot(repository)
    assert b"Basics" not in out.read_bytes()


def test_restore_into_overlapping_wallet_counts_duplicates(
        repository: CredentialRepository, second_repository: CredentialRepository,
        make_credential: MakeCredential, tmp_path: Path) -> None:
    credentials = _fill(repository, make_credential)
    second_repository.add(credentials[0], source="elsewhere")
    second_repository.add(credentials[4], source="elsewhere")
    second_repository.set_setting("language", "en")
    out = tmp_path / "kredo.backup"
    write_backup(repository, out, BACKUP_PASSPHRASE, kdf_params=FAST_KDF)
    report = restore_backup(out, BACKUP_PASSPHRASE, second_repository)
    assert (report.restored, report.duplicates) == (3, 2)
    assert second_repository.count() == 5
    # the learner's own setting in the target wallet wins over the backup's
    assert second_repository.get_setting("language") == "en"
    assert second_repository.get_setting("online") == "false"
    # WHEN run again (as after a killed restore) THEN nothing is added twice
    again = restore_backup(out, BACKUP_PASSPHRASE, second_repository)
    assert (again.restored, again.duplicates, again.holder_keys_added) == (0, 5, 0)
    assert second_repository.count() == 5
    assert len(second_repository.holder_keys()) == 4  # its own profile + the backup's three


@pytest.fixture
def backup_file(repository: CredentialRepository, make_credential: MakeCredential,
                tmp_path: Path) -> Path:
    _fill(repository, make_credential)
    # Incompressible credentials so the file spans several 1 MiB segments.
    for n in range(3):
        raw = os.urandom(700 * 1024)
        repository.add(Credential(raw=raw, format=CredentialFormat.VC_JWT, document={},
                                  view=MicroCredentialView(title=LangText.plain(f"Big {n}"))),
                       source="big")
    out = tmp_path / "kredo.backup"
    write_backup(repository, out, BACKUP_PASSPHRASE, kdf_params=FAST_KDF)
    return out


def _restore_fails(path: Path, repo: CredentialRepository, passphrase: str = BACKUP_PASSPHRASE,
                   match: str | None = None) -> None:
    with pytest.raises(BackupError, match=match):
        restore_backup(path, passphrase, repo)
    assert repo.count() == 0, "a bad backup must restore nothing"


def test_wrong_backup_passphrase(backup_file: Path,
                                 second_repository: CredentialRepository) -> None:
    _restore_fails(backup_file, second_repository, "not the passphrase", match="passphrase")


@pytest.mark.parametrize("where", [0.3, 0.6, 0.95])
def test_tampered_byte_anywhere(backup_file: Path, second_repository: CredentialRepository,
                                where: float) -> None:
    data = bytearray(backup_file.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    backup_file.write_bytes(bytes(data))
    _restore_fails(backup_file, second_repository)


def test_tampered_header_kdf_parameters(backup_file: Path,
                                        second_repository: CredentialRepository) -> None:
    data = bytearray(backup_file.read_bytes())
    data[10:14] = struct.pack(">I", FAST_KDF.memory_kib * 2)  # memory_kib follows magic+version
    backup_file.write_bytes(bytes(data))
    _restore_fails(backup_file, second_repository)


@pytest.mark.parametrize(("memory_kib", "iterations", "lanes"), [
    (4 * 1024 * 1024, 64, 64),  # what an edited header asked for: minutes at 4 GiB before
    (256 * 1024 + 1, 1, 1), (1024, 13, 1), (1024, 1, 17),  # one past each bound
])
def test_kdf_parameters_above_the_bounds_are_refused_before_any_derivation(
        backup_file: Path, second_repository: CredentialRepository, memory_kib: int,
        iterations: int, lanes: int) -> None:
    # GIVEN a backup whose header asks for more Argon2id work than Kredo ever uses
    data = bytearray(backup_file.read_bytes())
    struct.pack_into(">III", data, 10, memory_kib, iterations, lanes)
    backup_file.write_bytes(bytes(data))
    # WHEN it is restored / THEN it is refused at once, with the bounds in the sentence
    started = time.monotonic()
    _restore_fails(backup_file, second_repository,
                   match=r"more key-stretching work than Kredo ever uses \(at most 256 MiB of "
                         r"memory, 12 passes and 16 lanes\)")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("params", [
    Argon2Params(memory_kib=256 * 1024, iterations=1, lanes=1),
    Argon2Params(memory_kib=16 * 8, iterations=12, lanes=16),
])
def test_parameters_at_the_bounds_are_written_and_read(
        tmp_path: Path, repository: CredentialRepository, params: Argon2Params,
        second_repository: CredentialRepository, make_credential: MakeCredential) -> None:
    # The bound is where a reader stops, so a writer at the bound must still be read back
    # (each bound on its own: all three together take seconds, three times over).
    _fill(repository, make_credential)
    out = tmp_path / "strong.kredo-backup"
    write_backup(repository, out, BACKUP_PASSPHRASE, kdf_params=params)
    assert restore_backup(out, BACKUP_PASSPHRASE, second_repository).restored == repository.count()


@pytest.mark.parametrize("keep", [10, 60, 0.5, 0.999])
def test_truncated_backup(backup_file: Path, second_repository: CredentialRepository,
                          keep: float) -> None:
    data = backup_file.read_bytes()
    cut = int(keep) if keep >= 1 else int(len(data) * keep)
    backup_file.write_bytes(data[:cut])
    _restore_fails(backup_file, second_repository)


def test_dropping_the_final_segment_is_detected(backup_file: Path,
                                                second_repository: CredentialRepository) -> None:
    # Cut exactly at a segment boundary: every remaining segment authenticates on its own.
    data = backup_file.read_bytes()
    offset, boundaries = 8 + 2 + 12 + 16 + 7, []
    while offset < len(data):
        boundaries.append(offset)
        (word,) = struct.unpack(">I", data[offset:offset + 4])
        offset += 4 + (word & 0x7FFF_FFFF)
    assert len(boundaries) >= 2
    backup_file.write_bytes(data[:boundaries[-1]])
    _restore_fails(backup_file, second_repository, match="cut short")


def test_trailing_garbage_is_refused(backup_file: Path,
                                     second_repository: CredentialRepository) -> None:
    backup_file.write_bytes(backup_file.read_bytes() + b"extra")
    _restore_fails(backup_file, second_repository)


def test_not_a_backup(tmp_path: Path, second_repository: CredentialRepository) -> None:
    path = tmp_path / "x.backup"
    path.write_bytes(b'{"not": "a backup"}')
    _restore_fails(path, second_repository, match="not a Kredo backup")


def _encrypted(path: Path, plaintext_stream: bytes) -> None:
    with path.open("wb") as handle:
        writer = SegmentWriter(handle, BACKUP_PASSPHRASE, FAST_KDF)
        writer.write(plaintext_stream)
        writer.finish()


def test_decompression_bomb_stops_at_the_cap(tmp_path: Path,
                                             second_repository: CredentialRepository) -> None:
    # GIVEN a correctly encrypted backup whose compressed content inflates hugely
    header = b'{"kind":"header","format":"kredo-backup","version":1,"created_at":"x"}\n'
    bomb = zlib.compress(header + b" " * (64 * 1024 * 1024), 9)
    assert len(bomb) < 200 * 1024
    path = tmp_path / "bomb.backup"
    _encrypted(path, bomb)
    with pytest.raises(BackupError, match="more data"):
        restore_backup(path, BACKUP_PASSPHRASE, second_repository, max_inflated=8 * 1024 * 1024)
    assert second_repository.count() == 0


def test_oversized_record_is_refused(tmp_path: Path,
                                     second_repository: CredentialRepository) -> None:
    header = b'{"kind":"header","format":"kredo-backup","version":1,"created_at":"x"}\n'
    path = tmp_path / "huge-record.backup"
    _encrypted(path, zlib.compress(header + b"a" * (33 * 1024 * 1024), 9))
    _restore_fails(path, second_repository, match="larger than Kredo accepts")


def test_well_encrypted_nonsense_is_refused(tmp_path: Path,
                                            second_repository: CredentialRepository) -> None:
    header = b'{"kind":"header","format":"kredo-backup","version":1,"created_at":"x"}\n'
    bad = header + b'{"kind":"credential","raw":"!!","format":"vc-jsonld"}\n'
    path = tmp_path / "nonsense.backup"
    _encrypted(path, zlib.compress(bad))
    _restore_fails(path, second_repository, match="damaged")
