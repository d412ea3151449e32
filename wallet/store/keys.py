"""The database key: a random 256-bit key kept in the OS keyring or wrapped by a passphrase.

Modes (recorded in the key header, see :mod:`wallet.store.key_header`):

* ``keyring`` — the key sits in the OS keyring under service ``kredo`` and the wallet id. If a
  passphrase was also given at creation, a passphrase-wrapped copy is kept in the header as a
  way back in when the keyring is lost.
* ``passphrase`` — no usable keyring (or the user asked): the key is wrapped with AES-256-GCM
  under an Argon2id key stretched from the passphrase.

``KREDO_PASSPHRASE`` in the environment is used before asking, so scripts and CI never prompt.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.errors import KeyUnavailable, StoreError, WrongPassphrase
from wallet.store.kdf import (
    DEFAULT_ARGON2,
    KEY_BYTES,
    Argon2Params,
    derive_key,
    new_salt,
    normalise_passphrase,
    passphrase_forms,
)
from wallet.store.key_header import KeyHeader, WrappedKey, read_header, write_header
from wallet.store.paths import key_header_path
from wallet.store.secret_store import KeyringSecretStore, SecretStore
from wallet.translation import tr

PASSPHRASE_ENV = "KREDO_PASSPHRASE"  # noqa: S105 - the variable name, not a secret
# The log line (English, as logs are); the error says the same through tr().
KEYRING_FALLBACK = ("The system keyring no longer holds this wallet's key, so the wallet "
                    "passphrase is needed to open it.")
_NONCE_BYTES = 12

PassphraseProvider = Callable[[], str]
log = logging.getLogger(__name__)


def keyring_usable(secret_store: SecretStore | None = None) -> bool:
    """True when the OS keyring can hold the database key."""
    return (secret_store or KeyringSecretStore()).is_available()


def create_key(home: Path, *, passphrase: str | None, use_keyring: bool = True,
               secret_store: SecretStore | None = None,
               kdf_params: Argon2Params = DEFAULT_ARGON2) -> bytes:
    """Make a new database key, keep it, write the key header; return the key.

    Uses the keyring when asked and usable, else the passphrase; with neither raises
    :class:`KeyUnavailable`. Never overwrites an existing header.
    """
    header_path = key_header_path(home)
    if header_path.exists():
        raise StoreError(tr("This wallet already has a key; nothing was changed."),
                         details=header_path.name)
    if passphrase is not None and not passphrase:
        raise StoreError(tr("The passphrase is empty; choose one with at least one character."))
    store = secret_store or KeyringSecretStore()
    key = secrets.token_bytes(KEY_BYTES)
    wallet_id = secrets.token_hex(16)
    in_keyring = False
    if use_keyring and store.is_available():
        try:
            store.store(wallet_id, key)
            in_keyring = store.fetch(wallet_id) == key
        except KeyUnavailable:
            in_keyring = False
    if not in_keyring and passphrase is None:
        if not use_keyring:
            raise KeyUnavailable(tr("Without the system keyring the wallet needs a passphrase; "
                                    "choose one."))
        raise KeyUnavailable(
            tr("No usable system keyring was found; choose a passphrase to protect the wallet."))
    header = KeyHeader(mode="keyring" if in_keyring else "passphrase", wallet_id=wallet_id,
                       wrapped=None)
    if passphrase is not None:
        header = _with_wrapped(header, key, passphrase, kdf_params)
    write_header(header_path, header)
    return key


def unlock_key(home: Path, *, passphrase_provider: PassphraseProvider | None = None,
               secret_store: SecretStore | None = None) -> bytes:
    """Return the database key from the keyring, or by unwrapping it with the passphrase."""
    header = read_header(key_header_path(home))
    if header.mode == "keyring":
        store = secret_store or KeyringSecretStore()
        key = _try_keyring(store, header)
        if key is not None:
            return key
        if header.wrapped is None:
            raise KeyUnavailable(
                tr("The wallet key is no longer in the system keyring; restore the wallet from a "
                   "backup (or restore the keyring that held it)."),
                details=f"keyring={store.name}")
        # The passphrase copy takes over. Say why the passphrase is suddenly needed: before
        # the prompt (the CLI shows warnings) and in the error when nobody can be asked.
        log.warning(KEYRING_FALLBACK)
        try:
            passphrase = _obtain_passphrase(passphrase_provider)
        except KeyUnavailable as exc:
            raise KeyUnavailable(tr("The system keyring no longer holds this wallet's key, so "
                                    "the wallet passphrase is needed to open it. {reason}",
                                    reason=exc.message),
                                 details=f"keyring={store.name}") from exc
        return _unwrap_normalising(home, header, passphrase)
    passphrase = _obtain_passphrase(passphrase_provider)
    return _unwrap_normalising(home, header, passphrase)


def change_passphrase(home: Path, old: str | None, new: str, *,
                      secret_store: SecretStore | None = None,
                      kdf_params: Argon2Params = DEFAULT_ARGON2) -> None:
    """Re-wrap the database key under ``new``; the database itself is not rewritten.

    ``old`` must unwrap the current wrapped key. A keyring wallet without a passphrase gets
    its first one (``old`` is then ignored: the keyring already vouches for the user).
    """
    if not new:
        raise StoreError(
            tr("The new passphrase is empty; choose one with at least one character."))
    header_path = key_header_path(home)
    header = read_header(header_path)
    if header.wrapped is not None:
        key = _unwrap(header, old if old is not None else "")
    else:
        store = secret_store or KeyringSecretStore()
        found = _try_keyring(store, header)
        if found is None:
            raise KeyUnavailable(tr("The wallet key is no longer in the system keyring; restore "
                                    "the wallet from a backup."))
        key = found
    write_header(header_path, _with_wrapped(header, key, new, kdf_params))


@dataclass(frozen=True)
class KeyProtection:
    """Where the database key is kept, as the settings show it."""

    in_keyring: bool
    has_passphrase: bool


def key_protection(home: Path) -> KeyProtection:
    header = read_header(key_header_path(home))
    return KeyProtection(in_keyring=header.mode == "keyring",
                         has_passphrase=header.wrapped is not None)


def keep_key_in_keyring(home: Path, passphrase: str, *,
                        secret_store: SecretStore | None = None) -> None:
    """Put the key into the OS keyring, so the wallet opens without the passphrase.

    The passphrase proves who asks and stays the way back in should the keyring be lost.
    """
    header_path = key_header_path(home)
    header = read_header(header_path)
    if header.mode == "keyring":
        return
    key = _unwrap(header, passphrase)
    store = secret_store or KeyringSecretStore()
    if not store.is_available():
        raise KeyUnavailable(tr("No usable system keyring was found on this computer; the "
                                "wallet stays protected by its passphrase."))
    store.store(header.wallet_id, key)
    if store.fetch(header.wallet_id) != key:
        raise KeyUnavailable(tr("The system keyring did not keep the wallet key; the wallet "
                                "stays protected by its passphrase."))
    write_header(header_path, KeyHeader(mode="keyring", wallet_id=header.wallet_id,
                                        wrapped=header.wrapped))


def keep_key_by_passphrase_only(home: Path, passphrase: str, *,
                                secret_store: SecretStore | None = None,
                                kdf_params: Argon2Params = DEFAULT_ARGON2) -> bool:
    """Take the key out of the OS keyring; from then on only the passphrase opens the wallet.

    A wallet that already has a passphrase must be given it (so nobody is locked out); one
    that has none gets ``passphrase`` as its first. Returns False when the keyring refused to
    forget the key (the wallet no longer uses it either way; the caller should say so).
    """
    header_path = key_header_path(home)
    header = read_header(header_path)
    if header.mode == "passphrase":
        return True
    store = secret_store or KeyringSecretStore()
    if header.wrapped is not None:
        _unwrap(header, passphrase)
        after = KeyHeader(mode="passphrase", wallet_id=header.wallet_id, wrapped=header.wrapped)
    else:
        if not passphrase:
            raise StoreError(tr("The passphrase is empty; choose one with at least one "
                                "character."))
        key = _try_keyring(store, header)
        if key is None:
            raise KeyUnavailable(tr("The wallet key is no longer in the system keyring; "
                                    "restore the wallet from a backup."))
        after = _with_wrapped(KeyHeader(mode="passphrase", wallet_id=header.wallet_id,
                                        wrapped=None), key, passphrase, kdf_params)
    write_header(header_path, after)
    store.delete(header.wallet_id)
    try:
        left = store.fetch(header.wallet_id)
    except KeyUnavailable:
        left = None
    if left is not None:
        log.warning("the keyring did not delete the wallet key")
    return left is None


def _try_keyring(store: SecretStore, header: KeyHeader) -> bytes | None:
    """The key from the keyring, or ``None`` when a passphrase copy can take over."""
    try:
        key = store.fetch(header.wallet_id)
    except KeyUnavailable:
        if header.wrapped is None:
            if not store.is_available():  # no keyring at all here: "unlock it" would mislead
                raise KeyUnavailable(
                    tr("No system keyring is available here, and this wallet's key was kept "
                       "only in one; open the wallet where that keyring is, or restore it from "
                       "a backup."), details=f"keyring={store.name}") from None
            raise
        return None
    if key is not None and len(key) != KEY_BYTES:
        if header.wrapped is None:
            raise KeyUnavailable(tr("The wallet key in the system keyring is damaged; restore "
                                    "the wallet from a backup."), details="wrong key length")
        return None
    return key


def _obtain_passphrase(provider: PassphraseProvider | None) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if provider is None:
        raise KeyUnavailable(tr("The wallet needs its passphrase; set {variable} or run Kredo "
                                "interactively.", variable=PASSPHRASE_ENV))
    return provider()


def _with_wrapped(header: KeyHeader, key: bytes, passphrase: str,
                  params: Argon2Params) -> KeyHeader:
    salt = new_salt()
    wrapping_key = derive_key(normalise_passphrase(passphrase), salt, params)
    nonce = secrets.token_bytes(_NONCE_BYTES)
    blob = nonce + AESGCM(wrapping_key).encrypt(nonce, key, header.wrap_aad(params))
    return KeyHeader(mode=header.mode, wallet_id=header.wallet_id,
                     wrapped=WrappedKey(params=params, salt=salt, blob=blob))


def _unwrap_normalising(home: Path, header: KeyHeader, passphrase: str) -> bytes:
    """The key; a key an older Kredo wrapped with the passphrase as typed (not NFC) is
    wrapped again in NFC, at the same cost, so it opens at the first try from then on."""
    key, form = _unwrap_form(header, passphrase)
    if form != normalise_passphrase(passphrase) and header.wrapped is not None:
        try:
            write_header(key_header_path(home),
                         _with_wrapped(header, key, passphrase, header.wrapped.params))
        except StoreError as exc:  # a read-only wallet still opens; the next open tries again
            log.warning("the wallet key could not be wrapped again: %s", exc.details)
    return key


def _unwrap(header: KeyHeader, passphrase: str) -> bytes:
    return _unwrap_form(header, passphrase)[0]


def _unwrap_form(header: KeyHeader, passphrase: str) -> tuple[bytes, str]:
    """The key and the form of the passphrase that unwrapped it (see ``passphrase_forms``)."""
    wrapped = header.wrapped
    if wrapped is None:
        raise KeyUnavailable(
            tr("This wallet has no passphrase; its key lives in the system keyring."))
    nonce, sealed = wrapped.blob[:_NONCE_BYTES], wrapped.blob[_NONCE_BYTES:]
    for form in passphrase_forms(passphrase):
        wrapping_key = derive_key(form, wrapped.salt, wrapped.params)
        try:
            key = AESGCM(wrapping_key).decrypt(nonce, sealed, header.wrap_aad(wrapped.params))
        except InvalidTag:
            continue
        _check_length(key)
        return key, form
    raise WrongPassphrase(tr("The passphrase is wrong; nothing was changed."))


def _check_length(key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise StoreError(tr("The wallet key file is damaged; restore the wallet from a backup."),
                         details="unwrapped key has the wrong length")
