"""The store's front door: create a wallet, open it, change its passphrase.

``open_wallet`` runs key → vault → migrations and hands out the repository::

    with open_wallet(resolve_home()) as wallet:
        wallet.repository.add(credential, source="file")

Making a wallet is all or nothing, even when the process is killed (SIGKILL, a power cut): a
marker file (``init-unfinished``) is written first and removed last, once the key file and
the database with everything a new wallet starts with are on disk. A folder that still holds
the marker has no wallet: ``open_wallet`` says so, and ``init_wallet`` clears it and starts
again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from wallet.errors import StoreError, WalletAlreadyExists, WalletLocked, WalletNotFound
from wallet.store import keys
from wallet.store.kdf import DEFAULT_ARGON2, Argon2Params
from wallet.store.key_header import fsync_directory, read_header
from wallet.store.migrations import migrate
from wallet.store.paths import database_path, init_marker_path, key_header_path, wallet_files
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore, SecretStore
from wallet.store.vault import Connection, open_database
from wallet.translation import tr


class OpenWallet:
    """An unlocked wallet; close it (or use ``with``) to release the database."""

    def __init__(self, home: Path, connection: Connection) -> None:
        self.home = home
        self._connection: Connection | None = connection
        self._repository = CredentialRepository(connection)

    @property
    def repository(self) -> CredentialRepository:
        if self._connection is None:
            raise WalletLocked(tr("The wallet is closed; open it again."))
        return self._repository

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> OpenWallet:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def wallet_exists(home: Path) -> bool:
    """True when ``home`` holds a wallet (a half-made one does not count)."""
    if init_marker_path(home).exists():
        return False
    return key_header_path(home).is_file() or database_path(home).is_file()


def init_wallet(home: Path, *, passphrase: str | None = None, use_keyring: bool = True,
                secret_store: SecretStore | None = None,
                kdf_params: Argon2Params = DEFAULT_ARGON2,
                populate: Callable[[CredentialRepository], None] | None = None) -> None:
    """Create a new, empty wallet in ``home`` (made if missing, private to the user).

    ``populate`` writes what every new wallet starts with (the application layer gives it a
    holder identity) before the wallet counts as made: if it fails, nothing is left behind.
    """
    if wallet_exists(home):
        raise WalletAlreadyExists(tr("A wallet already exists there; nothing was changed."),
                                  details=home.name)
    marker = init_marker_path(home)
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        if marker.exists():  # an earlier init was killed: clear what it left
            _discard_unfinished(home, secret_store)
        _write_marker(marker)
    except OSError as exc:
        raise StoreError(tr("The wallet folder could not be created."),
                         details=f"{type(exc).__name__}: {exc.strerror}") from exc
    try:
        key = keys.create_key(home, passphrase=passphrase, use_keyring=use_keyring,
                              secret_store=secret_store, kdf_params=kdf_params)
        connection = open_database(database_path(home), key, create=True)
        try:
            migrate(connection)
            if populate is not None:
                populate(CredentialRepository(connection))
        finally:
            connection.close()
        marker.unlink()  # the wallet is made: from here on it opens
        fsync_directory(home)
    except BaseException:
        # Leave no half-made wallet behind: the next init must be able to start clean.
        _discard_unfinished(home, secret_store)
        raise


def open_wallet(home: Path, *, passphrase_provider: keys.PassphraseProvider | None = None,
                secret_store: SecretStore | None = None) -> OpenWallet:
    """Unlock and open the wallet in ``home``, upgrading its schema when older."""
    if init_marker_path(home).exists():
        raise WalletNotFound(tr("Making a wallet there was interrupted, so there is none; run "
                                "`kredo init` to make it again."), details=home.name)
    if not database_path(home).is_file() and not key_header_path(home).is_file():
        raise WalletNotFound(tr("No wallet was found there; run `kredo init` to create one."),
                             details=home.name)
    key = keys.unlock_key(home, passphrase_provider=passphrase_provider,
                          secret_store=secret_store)
    connection = open_database(database_path(home), key)
    try:
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return OpenWallet(home, connection)


def change_passphrase(home: Path, old: str | None, new: str, *,
                      secret_store: SecretStore | None = None,
                      kdf_params: Argon2Params = DEFAULT_ARGON2) -> None:
    """Re-wrap the key under a new passphrase; the database file is not touched."""
    if not key_header_path(home).is_file():
        raise WalletNotFound(tr("No wallet was found there; run `kredo init` to create one."),
                             details=home.name)
    keys.change_passphrase(home, old, new, secret_store=secret_store, kdf_params=kdf_params)


def _write_marker(marker: Path) -> None:
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, b"A wallet is being made in this folder; see wallet/store/wallet.py.\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_directory(marker.parent)


def _discard_unfinished(home: Path, secret_store: SecretStore | None) -> None:
    """Remove what a half-made wallet left: its files, its key in the keyring, the marker."""
    try:
        wallet_id = read_header(key_header_path(home)).wallet_id
    except StoreError:
        wallet_id = None
    if wallet_id is not None:  # deleting from no keyring, or a key not there, does nothing
        (secret_store or KeyringSecretStore()).delete(wallet_id)
    for leftover in wallet_files(home):
        leftover.unlink(missing_ok=True)
    init_marker_path(home).unlink(missing_ok=True)
    fsync_directory(home)


__all__ = ["OpenWallet", "change_passphrase", "init_wallet", "open_wallet", "wallet_exists"]
