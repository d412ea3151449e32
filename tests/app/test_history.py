"""The sharing history: listed newest first, exported, deleted, and carried by backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.conftest import FAST_KDF, MUNI, PASSPHRASE
from wallet.app.history import (
    SharedCredential,
    SharedVerifier,
    delete_entries,
    history,
    history_json,
    record_share,
)
from wallet.app.importing import import_bytes
from wallet.errors import StoreError
from wallet.store.backup import restore_backup, write_backup
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import init_wallet, open_wallet

VERIFIER = SharedVerifier("x509_san_dns:hr.example", "hr.example", True, "hr.example")


def _share(repository: CredentialRepository) -> int:
    (outcome,) = import_bytes(repository, MUNI.read_bytes(), source="test")
    assert outcome.id is not None
    return record_share(repository, [SharedCredential(outcome.id, "Základy",
                                                      "edc-jsonld", None)],
                        form="openid4vp", recipient="HR s.r.o.", verifier=VERIFIER)


def test_an_online_share_is_listed_and_exported(repository: CredentialRepository) -> None:
    # GIVEN a presentation file share and then an answer to a verifier
    repository.log_share([], form="pdf", recipient=None)
    _share(repository)
    # WHEN the history is read and exported
    entries = history(repository)
    exported = json.loads(history_json(entries))
    # THEN both are there; the verifier's details survive the export
    assert {e.form for e in entries} == {"pdf", "openid4vp"}
    online = next(e for e in exported["sharing_history"] if e["form"] == "openid4vp")
    assert online["verifier"]["name"] == "hr.example"
    assert online["credentials"][0]["title"] == "Základy"


def test_entries_can_be_deleted(repository: CredentialRepository) -> None:
    entry = _share(repository)
    assert delete_entries(repository, [entry]) == 1
    assert history(repository) == []
    with pytest.raises(StoreError, match="no entry"):
        delete_entries(repository, [entry])


def test_the_history_survives_backup_and_restore(
    repository: CredentialRepository, tmp_path: Path,
) -> None:
    # GIVEN a wallet with one share, backed up
    _share(repository)
    backup = tmp_path / "wallet.kredo-backup"
    summary = write_backup(repository, backup, "backup pass", kdf_params=FAST_KDF)
    assert summary.shares == 1
    # WHEN it is restored into a new wallet, twice
    other = tmp_path / "other"
    init_wallet(other, passphrase=PASSPHRASE, use_keyring=False, kdf_params=FAST_KDF)
    with open_wallet(other, passphrase_provider=lambda: PASSPHRASE) as restored:
        first = restore_backup(backup, "backup pass", restored.repository)
        again = restore_backup(backup, "backup pass", restored.repository)
        entries = history(restored.repository)
    # THEN the share is there once, pointing at the restored credential
    assert (first.shares_added, again.shares_added) == (1, 0)
    (entry,) = entries
    assert entry.verifier == VERIFIER
    assert entry.credentials[0].credential_id is not None
