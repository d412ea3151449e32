"""Real wallets for the robustness tests: SQLCipher on disk, passphrase key, cheap Argon2id.

``FAST_KDF`` keeps a test run fast; production code never defaults to it. The keyring is
keyring's own "no backend" keyring, as on a headless machine, unless a test says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from keyring.backends import fail

from wallet.app.importing import import_bytes
from wallet.store.kdf import Argon2Params
from wallet.store.keys import unlock_key
from wallet.store.paths import database_path
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.vault import open_database
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

FAST_KDF = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
BACKUP_PASSPHRASE = "backup passphrase"


def no_keyring() -> KeyringSecretStore:
    return KeyringSecretStore(fail.Keyring())


def new_wallet(home: Path, passphrase: str = PASSPHRASE) -> None:
    init_wallet(home, passphrase=passphrase, secret_store=no_keyring(), kdf_params=FAST_KDF)


def open_test_wallet(home: Path) -> OpenWallet:
    return open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring())


def import_all(repository: CredentialRepository, seeds: Iterable[tuple[str, bytes]]) -> int:
    """Import every seed that parses; the number of credentials stored."""
    stored = 0
    for name, raw in seeds:
        stored += sum(o.status == "imported" for o in import_bytes(repository, raw, source=name))
    return stored


def integrity_and_counts(home: Path) -> tuple[str, int, int]:
    """(``PRAGMA integrity_check``, credentials, FTS rows) read straight from the database."""
    key = unlock_key(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring())
    connection = open_database(database_path(home), key)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        credentials = connection.execute("SELECT count(*) FROM credentials").fetchone()[0]
        fts = connection.execute("SELECT count(*) FROM credentials_fts").fetchone()[0]
    finally:
        connection.close()
    return str(check), int(credentials), int(fts)
