"""The backup reader, fed damaged backups: ``BackupError`` and an untouched wallet, or success.

Two layers are damaged separately, because encryption hides the inner one from byte flips:

* the container (header, segment words, ciphertext): any change must fail authentication;
* the records inside — re-encrypted after the damage, as a buggy or hostile writer holding
  the passphrase could — wrong types, missing members, reordered or repeated records, wrong
  counts, deep nesting. A record set that passes the first (checking) pass must restore
  completely; one that fails it must restore nothing.
"""

from __future__ import annotations

import io
import json
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.robustness.corpus import all_seeds
from tests.robustness.mutations import JSON_VALUES, fuzz_settings, json_document_mutations
from tests.robustness.wallets import (
    BACKUP_PASSPHRASE,
    FAST_KDF,
    import_all,
    integrity_and_counts,
    new_wallet,
    open_test_wallet,
)
from wallet.errors import BackupError
from wallet.store.backup import restore_backup, write_backup
from wallet.store.backup_format import SegmentWriter, read_segments
from wallet.store.repository import CredentialRepository

# Bytes 10..22 of the header are the Argon2id cost; a flip there asks for up to 4 GiB of
# memory (the reader's cap), which is a valid, slow backup, not a parsing question.
_KDF_FIELDS = slice(10, 22)


@dataclass
class Workspace:
    directory: Path
    original: bytes
    lines: list[bytes]
    target_home: Path
    target: CredentialRepository


def _plaintext_lines(backup: bytes) -> list[bytes]:
    inflated = zlib.decompress(b"".join(read_segments(io.BytesIO(backup), BACKUP_PASSPHRASE)))
    return inflated.splitlines()


def _pack(lines: list[bytes]) -> bytes:
    out = io.BytesIO()
    writer = SegmentWriter(out, BACKUP_PASSPHRASE, FAST_KDF)
    writer.write(zlib.compress(b"".join(line + b"\n" for line in lines)))
    writer.finish()
    return out.getvalue()


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory(prefix="kredo-fuzz-backup-") as name:
        directory = Path(name)
        source_home = directory / "source"
        new_wallet(source_home)
        with open_test_wallet(source_home) as source:
            repo = source.repository
            assert import_all(repo, sorted(all_seeds().items())) >= 15
            first = repo.ids()[0]
            repo.tag(first, ["práce", "EU"])
            collection = repo.create_collection("Stack")
            repo.add_to_collection(collection, repo.ids()[:3])
            repo.set_setting("language", "cs")
            write_backup(repo, directory / "original.kredobak", BACKUP_PASSPHRASE,
                         kdf_params=FAST_KDF)
        original = (directory / "original.kredobak").read_bytes()
        target_home = directory / "target"
        new_wallet(target_home)
        with open_test_wallet(target_home) as target:
            yield Workspace(directory, original, _plaintext_lines(original), target_home,
                            target.repository)
        check, credentials, fts = integrity_and_counts(target_home)
        assert check == "ok" and credentials == fts


def _restore(workspace: Workspace, data: bytes) -> bool:
    """Restore ``data``; True when it restored, False on BackupError (and then nothing moved)."""
    path = workspace.directory / "fuzzed.kredobak"
    path.write_bytes(data)
    repo = workspace.target
    before = (repo.count(), len(repo.holder_keys()), repo.settings(), len(repo.collections()))
    try:
        restore_backup(path, BACKUP_PASSPHRASE, repo)
    except BackupError as exc:
        assert exc.message.endswith((".", "it.")), exc.message
        after = (repo.count(), len(repo.holder_keys()), repo.settings(), len(repo.collections()))
        assert after == before, "a refused backup changed the wallet"
        return False
    for credential_id in repo.ids():
        repo.get(credential_id)
    return True


def test_the_undamaged_backup_restores(workspace: Workspace) -> None:
    assert _restore(workspace, workspace.original)
    assert workspace.target.count() >= 15


@st.composite
def _container_damage(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["flip", "truncate", "insert", "drop"]))
        at = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at:at + draw(st.integers(1, 64))]
        if not data:
            break
    data[_KDF_FIELDS] = original[_KDF_FIELDS][: len(data[_KDF_FIELDS])]
    return bytes(data)


@fuzz_settings(120)
@given(data=st.data())
def test_damaged_container_restores_nothing(workspace: Workspace, data: st.DataObject) -> None:
    damaged = data.draw(_container_damage(workspace.original))
    restored = _restore(workspace, damaged)
    assert not restored or damaged == workspace.original


@st.composite
def _record_damage(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    lines = list(lines)
    action = draw(st.sampled_from(["record", "record", "record", "drop", "repeat", "swap",
                                   "counts", "garbage", "header"]))
    index = draw(st.integers(0, len(lines) - 1))
    if action == "record":
        record = json.loads(lines[index])
        damaged = draw(json_document_mutations(record, rounds=2))
        lines[index] = json.dumps(damaged, ensure_ascii=False).encode("utf-8")
    elif action == "drop":
        del lines[index]
    elif action == "repeat":
        lines.insert(index, lines[index])
    elif action == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif action == "counts":
        end = json.loads(lines[-1])
        key = draw(st.sampled_from(sorted(k for k in end if k != "kind")))
        end[key] = draw(JSON_VALUES)
        lines[-1] = json.dumps(end).encode("utf-8")
    elif action == "garbage":
        lines.insert(index, draw(st.binary(max_size=40)).replace(b"\n", b""))
    else:
        header = json.loads(lines[0])
        header[draw(st.sampled_from(["format", "version", "kind"]))] = draw(JSON_VALUES)
        lines[0] = json.dumps(header).encode("utf-8")
    return lines


@fuzz_settings(60)
@given(data=st.data())
def test_damaged_records_restore_all_or_nothing(workspace: Workspace, data: st.DataObject) -> None:
    lines = data.draw(_record_damage(workspace.lines))
    _restore(workspace, _pack(lines))


def _with_record(lines: list[bytes], kind: str, change: dict[str, object]) -> list[bytes]:
    out = []
    for line in lines:
        record = json.loads(line)
        if record["kind"] == kind:
            record.update(change)
        out.append(json.dumps(record).encode("utf-8") if record["kind"] == kind else line)
    return out


@pytest.mark.parametrize(("kind", "change"), [
    ("collection", {"name": "   "}),  # found by the long run: restored the credentials, then
    ("credential", {"tags": [""]}),  # ensure_collection refused the name half-way
    ("credential", {"tags": ["x" * 500]}),
])
def test_a_name_the_wallet_refuses_restores_nothing(
        workspace: Workspace, kind: str, change: dict[str, object]) -> None:
    # GIVEN a new, empty wallet and a backup whose names the repository would refuse
    home = workspace.directory / f"fresh-{kind}-{len(str(change))}"
    new_wallet(home)
    damaged = _pack(_with_record(workspace.lines, kind, change))
    path = workspace.directory / "names.kredobak"
    path.write_bytes(damaged)
    with open_test_wallet(home) as wallet:
        # WHEN it is restored THEN the check pass refuses it and nothing at all was restored
        with pytest.raises(BackupError, match="damaged"):
            restore_backup(path, BACKUP_PASSPHRASE, wallet.repository)
        assert wallet.repository.count() == 0
        assert wallet.repository.collections() == []
