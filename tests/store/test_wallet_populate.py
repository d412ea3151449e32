"""A new wallet is made whole or not at all, whatever the application layer puts in it first."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

from wallet.app.wallet_setup import create_wallet
from wallet.share.holder import HolderProfiles
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet, wallet_exists


class PopulateFailed(Exception):
    pass


def test_a_failing_first_write_leaves_no_wallet(
    tmp_path: Path, no_keyring: KeyringSecretStore
) -> None:
    # GIVEN a first write that fails half-way
    def populate(repository: CredentialRepository) -> None:
        repository.set_setting("half", "made")
        raise PopulateFailed

    home = tmp_path / "w"
    # WHEN the wallet is created THEN the failure surfaces and nothing is left to open
    with pytest.raises(PopulateFailed):
        init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF,
                    populate=populate)
    assert not wallet_exists(home)
    # AND a second try starts clean
    create_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        assert [p.label for p in HolderProfiles(wallet.repository).list()] != []
        assert wallet.repository.get_setting("half") is None
