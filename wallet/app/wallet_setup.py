"""Creating a wallet: the store makes it, and it starts with a holder identity."""

from __future__ import annotations

from pathlib import Path

from wallet.share.holder import FIRST_PROFILE_LABEL, HolderProfiles
from wallet.store.kdf import DEFAULT_ARGON2, Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import SecretStore
from wallet.store.wallet import init_wallet


def _first_holder_profile(repository: CredentialRepository) -> None:
    # Every new wallet has a holder identity, so it can sign presentations at once.
    HolderProfiles(repository).create(FIRST_PROFILE_LABEL)


def create_wallet(home: Path, *, passphrase: str | None = None, use_keyring: bool = True,
                  secret_store: SecretStore | None = None,
                  kdf_params: Argon2Params = DEFAULT_ARGON2) -> None:
    """Create a new wallet in ``home`` with its first holder profile, or nothing at all."""
    init_wallet(home, passphrase=passphrase, use_keyring=use_keyring, secret_store=secret_store,
                kdf_params=kdf_params, populate=_first_holder_profile)
