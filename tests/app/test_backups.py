"""Backup and restore use cases: a round trip into another real wallet keeps notes and tags,
a second restore skips what is there, and a backup's passphrase follows its own rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import FAST_KDF, MUNI, PASSPHRASE, SEALED
from wallet.app.backups import back_up, check_backup_passphrase, restore
from wallet.app.importing import import_paths
from wallet.errors import BackupError, WrongPassphrase
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import init_wallet, open_wallet

BACKUP_PASSPHRASE = "backup passphrase 42"


def test_a_backup_restores_into_another_wallet_with_notes_and_tags(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a wallet with two credentials, one of them tagged and annotated
    ids = [o.id for o in import_paths(repository, [SEALED, MUNI]) if o.id is not None]
    repository.tag(ids[0], ["europass"])
    repository.set_note(ids[0], "For the job at ACME")
    # WHEN it is backed up and restored into a new wallet, twice
    out = tmp_path / "kredo.backup"
    summary = back_up(repository, out, BACKUP_PASSPHRASE)
    other = tmp_path / "other"
    init_wallet(other, passphrase=PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(other, passphrase_provider=lambda: PASSPHRASE) as opened:
        first = restore(opened.repository, out, BACKUP_PASSPHRASE)
        second = restore(opened.repository, out, BACKUP_PASSPHRASE)
        restored = {opened.repository.get(i).raw: opened.repository.get(i)
                    for i in opened.repository.ids()}
    # THEN every credential arrived once, byte for byte, with its note and tags
    assert summary.credentials == 2
    assert (first.restored, first.duplicates) == (2, 0)
    assert (second.restored, second.duplicates) == (0, 2)
    sealed = restored[SEALED.read_bytes()]
    assert (sealed.tags, sealed.note) == (("europass",), "For the job at ACME")
    assert MUNI.read_bytes() in restored


def test_a_wrong_backup_passphrase_restores_nothing(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    list(import_paths(repository, [MUNI]))
    out = tmp_path / "kredo.backup"
    back_up(repository, out, BACKUP_PASSPHRASE)
    repository.delete(repository.ids()[0])
    with pytest.raises((BackupError, WrongPassphrase)):
        restore(repository, out, "not the backup passphrase")
    assert repository.count() == 0


def test_a_backup_passphrase_is_not_empty_and_typed_the_same_twice(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    check_backup_passphrase("eight ch", "eight ch")
    with pytest.raises(BackupError, match=r"^The two passphrases differ; nothing was written\.$"):
        check_backup_passphrase("first one", "second one")
    with pytest.raises(BackupError, match="passphrase of its own"):
        back_up(repository, tmp_path / "kredo.backup", "")
    assert not (tmp_path / "kredo.backup").exists()


def test_a_backup_passphrase_follows_the_wallets_length_rule(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN a two-character passphrase WHEN a backup is asked for
    # THEN it is refused in a sentence and no file is written
    with pytest.raises(BackupError, match=r"at least 8 characters, like the wallet's; this "
                                          r"one has 2\. Nothing was written\.$"):
        back_up(repository, tmp_path / "kredo.backup", "ab")
    assert not (tmp_path / "kredo.backup").exists()
