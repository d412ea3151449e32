"""Every frozen past schema opens with today's code and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import MakeCredential

from wallet.errors import SchemaTooNew
from wallet.store.keys import unlock_key
from wallet.store.migrations import LATEST_VERSION, schema_version
from wallet.store.paths import database_path
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.vault import open_database
from wallet.store.wallet import open_wallet

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "store"
V1_PASSPHRASE = "kredo-v1-fixture"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    # Opening switches on WAL and may upgrade: never touch the committed file.
    target = tmp_path / "wallet-v1"
    shutil.copytree(ASSETS / "wallet-v1", target)
    return target


def test_v1_fixture_opens_and_reads_everything(v1_copy: Path,
                                               no_keyring: KeyringSecretStore) -> None:
    with open_wallet(v1_copy, passphrase_provider=lambda: V1_PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        repo = wallet.repository
        assert repo.count() == 2
        first, second = (repo.get(i) for i in repo.ids())
        assert first.raw == ('{"id":"urn:uuid:v1-fixture-1","name":"Základy programování"}'
                             .encode())
        assert second.raw == b'{"id":"urn:uuid:v1-fixture-2","name":"Data literacy"}'
        assert first.index.title is not None
        assert first.index.title.values["cs"] == "Základy programování"
        assert first.note == "Poznámka"
        assert first.tags == second.tags == ("fixture",)
        [stack] = repo.collections()
        assert stack.name == "Stack v1"
        assert stack.credential_ids == (first.id, second.id)
        assert repo.get_setting("language") == "cs"
        [key] = repo.holder_keys()
        assert key.private_key == bytes(range(32))
        assert [s.id for s in repo.list(search="zaklady")] == [first.id]
    key = unlock_key(v1_copy, passphrase_provider=lambda: V1_PASSPHRASE)
    conn = open_database(database_path(v1_copy), key)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_v1_fixture_accepts_new_credentials(v1_copy: Path, no_keyring: KeyringSecretStore,
                                            make_credential: MakeCredential) -> None:
    with open_wallet(v1_copy, passphrase_provider=lambda: V1_PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        assert not wallet.repository.add(make_credential(9), source="t").duplicate
        assert wallet.repository.count() == 3


def test_newer_schema_is_refused_untouched(v1_copy: Path,
                                           no_keyring: KeyringSecretStore) -> None:
    # GIVEN a wallet written by a future Kredo (schema one above ours)
    key = unlock_key(v1_copy, passphrase_provider=lambda: V1_PASSPHRASE)
    conn = open_database(database_path(v1_copy), key)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    # WHEN opened THEN SchemaTooNew, with a sentence saying to update
    with pytest.raises(SchemaTooNew, match="newer Kredo"):
        open_wallet(v1_copy, passphrase_provider=lambda: V1_PASSPHRASE,
                    secret_store=no_keyring)
