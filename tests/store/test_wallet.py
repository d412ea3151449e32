"""The facade: create once, open, refuse what does not exist, lock after close."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE, MakeCredential

from wallet.errors import WalletAlreadyExists, WalletLocked, WalletNotFound
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet, wallet_exists


def test_init_twice_is_refused(home: Path, no_keyring: KeyringSecretStore) -> None:
    assert not wallet_exists(home)
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    assert wallet_exists(home)
    header = (home / "key.json").read_bytes()
    with pytest.raises(WalletAlreadyExists):
        init_wallet(home, passphrase="other", secret_store=no_keyring, kdf_params=FAST_KDF)
    assert (home / "key.json").read_bytes() == header


def test_open_missing_wallet_says_run_init(tmp_path: Path) -> None:
    with pytest.raises(WalletNotFound, match="kredo init"):
        open_wallet(tmp_path / "nothing-here")


def test_closed_wallet_is_locked(home: Path, no_keyring: KeyringSecretStore,
                                 make_credential: MakeCredential) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    wallet = open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring)
    wallet.repository.add(make_credential(1), source="t")
    wallet.close()
    wallet.close()  # closing twice is harmless
    with pytest.raises(WalletLocked):
        wallet.repository.count()
    assert wallet.home == home
