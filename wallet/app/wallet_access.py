"""Getting into the wallet and choosing how its key is kept: open (unlock), the passphrase and
its rules, and moving the key into or out of the system keyring. The same rules for the
``kredo`` command and the desktop app (see docs/adr/0001-key-management.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wallet.app.list_fields import describe_stored
from wallet.errors import StoreError
from wallet.store import keys
from wallet.store.keys import KeyProtection, PassphraseProvider
from wallet.store.paths import resolve_home
from wallet.store.wallet import OpenWallet, open_wallet, wallet_exists
from wallet.store.wallet import change_passphrase as rewrap_key
from wallet.translation import tr

MIN_PASSPHRASE = 8  # characters of a new wallet passphrase


def wallet_home(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the wallet lives: ``override`` (``--home``), else ``KREDO_HOME``, else the
    platform's data folder."""
    return resolve_home(override)


def has_wallet(home: Path) -> bool:
    return wallet_exists(home)


def unlock(home: Path, passphrase_provider: PassphraseProvider | None) -> OpenWallet:
    """Open the wallet: the key from the keyring, or unwrapped with the passphrase the
    provider is asked for (only when needed). A wrong passphrase changes nothing.

    Rows an older Kredo stored are described for the list on the way in (once)."""
    opened = open_wallet(home, passphrase_provider=passphrase_provider)
    try:
        describe_stored(opened.repository)
    except BaseException:
        opened.close()
        raise
    return opened


def check_new_passphrase(passphrase: str, repeat: str | None = None) -> None:
    """A new wallet passphrase: at least :data:`MIN_PASSPHRASE` characters, and typed the same
    twice when it was typed twice."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(tr("Choose a passphrase of at least {n} characters.", n=MIN_PASSPHRASE))
    if repeat is not None and repeat != passphrase:
        raise StoreError(tr("The two passphrases differ."))


def change_passphrase(home: Path, old: str | None, new: str) -> None:
    """Wrap the wallet key under ``new`` (checked as :func:`check_new_passphrase` does);
    ``old`` proves who asks (None for a wallet kept only in the keyring so far)."""
    check_new_passphrase(new)
    rewrap_key(home, old, new)


@dataclass(frozen=True)
class KeyStatus:
    """Where the wallet key is kept, and whether this computer has a usable keyring."""

    protection: KeyProtection
    keyring_available: bool


def key_status(home: Path) -> KeyStatus:
    return KeyStatus(keys.key_protection(home), keys.keyring_usable())


def keyring_available() -> bool:
    """Whether a new wallet can keep its key in the system keyring."""
    return keys.keyring_usable()


def move_key_into_keyring(home: Path, passphrase: str) -> None:
    """Keep the key in the system keyring too; the passphrase stays the way back in."""
    keys.keep_key_in_keyring(home, passphrase)


def move_key_out_of_keyring(home: Path, passphrase: str) -> bool:
    """Only the passphrase opens the wallet from now on. A wallet without a passphrase gets
    ``passphrase`` as its first (checked as a new one). False when the keyring did not forget
    the key (the wallet no longer uses it either way: say so)."""
    if not keys.key_protection(home).has_passphrase:
        check_new_passphrase(passphrase)
    return keys.keep_key_by_passphrase_only(home, passphrase)
