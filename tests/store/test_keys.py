"""Key management: the real Secret Service, the passphrase fallback, and the ways it fails."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE, MakeCredential
from keyring.backends import SecretService

from wallet.errors import KeyUnavailable, StoreError, WalletNotFound, WrongPassphrase
from wallet.store.kdf import DEFAULT_ARGON2
from wallet.store.keys import create_key, keyring_usable, unlock_key
from wallet.store.paths import database_path, init_marker_path, key_header_path
from wallet.store.secret_store import KEYRING_SERVICE, KeyringSecretStore
from wallet.store.wallet import change_passphrase, init_wallet, open_wallet, wallet_exists


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_kdf_is_not_weakened() -> None:
    assert (DEFAULT_ARGON2.memory_kib, DEFAULT_ARGON2.iterations, DEFAULT_ARGON2.lanes) == (
        64 * 1024, 3, 4)


def test_real_secret_service_stores_and_returns_the_key(
        secret_service_session: str, tmp_path: Path, make_credential: MakeCredential) -> None:
    # GIVEN a real gnome-keyring Secret Service on a private bus
    store = KeyringSecretStore(SecretService.Keyring())
    assert store.is_available()
    home = tmp_path / "w"
    home.mkdir()
    # WHEN a key is created without a passphrase
    key = create_key(home, passphrase=None, secret_store=store)
    header = json.loads(key_header_path(home).read_text())
    # THEN the header says keyring, carries no wrapped key, and the keyring holds the key
    assert header["mode"] == "keyring"
    assert header["wrapped_key"] is None
    assert store.fetch(header["wallet_id"]) == key
    assert SecretService.Keyring().get_password(KEYRING_SERVICE, header["wallet_id"])
    assert unlock_key(home, secret_store=store) == key


def test_real_keyring_wallet_opens_without_a_passphrase(
        secret_service_session: str, tmp_path: Path, make_credential: MakeCredential) -> None:
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, secret_store=store)
    with open_wallet(home, secret_store=store) as wallet:
        wallet.repository.add(make_credential(1), source="test")
    with open_wallet(home, secret_store=store) as wallet:
        assert wallet.repository.count() == 1


def test_keyring_that_lost_the_key_says_what_to_do(
        secret_service_session: str, tmp_path: Path) -> None:
    # GIVEN a keyring wallet whose key was then removed from the keyring
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, secret_store=store)
    wallet_id = json.loads(key_header_path(home).read_text())["wallet_id"]
    store.delete(wallet_id)
    db_hash = _sha256(database_path(home))
    # WHEN it is opened THEN KeyUnavailable names the way back, and nothing was written
    with pytest.raises(KeyUnavailable, match="backup"):
        open_wallet(home, secret_store=store)
    assert _sha256(database_path(home)) == db_hash


def test_keyring_wallet_with_passphrase_survives_losing_the_keyring(
        secret_service_session: str, tmp_path: Path, make_credential: MakeCredential,
        no_keyring: KeyringSecretStore) -> None:
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, passphrase=PASSPHRASE, secret_store=store, kdf_params=FAST_KDF)
    assert json.loads(key_header_path(home).read_text())["mode"] == "keyring"
    with open_wallet(home, secret_store=store) as wallet:
        wallet.repository.add(make_credential(1), source="test")
    # WHEN the machine has no keyring any more THEN the passphrase opens it
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        assert wallet.repository.count() == 1


def test_no_keyring_falls_back_to_passphrase(home: Path, no_keyring: KeyringSecretStore) -> None:
    # GIVEN keyring's fail backend (a headless machine)
    assert not keyring_usable(no_keyring)
    # WHEN a wallet is made with a passphrase
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    header = json.loads(key_header_path(home).read_text())
    # THEN the key is wrapped with Argon2id in the header
    assert header["format"] == "kredo-key"
    assert header["version"] == 1
    assert header["mode"] == "passphrase"
    assert header["kdf"]["name"] == "argon2id"
    assert len(header["wrapped_key"]) > 40
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring):
        pass


def test_no_keyring_and_no_passphrase_is_refused(home: Path,
                                                 no_keyring: KeyringSecretStore) -> None:
    with pytest.raises(KeyUnavailable, match="passphrase"):
        init_wallet(home, secret_store=no_keyring)
    assert not key_header_path(home).exists()


def test_passphrase_from_environment_is_used_first(
        home: Path, no_keyring: KeyringSecretStore, monkeypatch: pytest.MonkeyPatch) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    monkeypatch.setenv("KREDO_PASSPHRASE", PASSPHRASE)

    def must_not_ask() -> str:
        raise AssertionError("the provider was asked although KREDO_PASSPHRASE is set")

    with open_wallet(home, passphrase_provider=must_not_ask, secret_store=no_keyring):
        pass


def test_no_provider_and_no_environment_says_how(home: Path,
                                                 no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with pytest.raises(KeyUnavailable, match="KREDO_PASSPHRASE"):
        open_wallet(home, secret_store=no_keyring)


def test_wrong_passphrase_changes_nothing(home: Path, no_keyring: KeyringSecretStore,
                                          make_credential: MakeCredential) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        wallet.repository.add(make_credential(1), source="test")
    before = {p.name: _sha256(p) for p in home.iterdir()}
    with pytest.raises(WrongPassphrase) as caught:
        open_wallet(home, passphrase_provider=lambda: "wrong", secret_store=no_keyring)
    assert caught.value.message == "The passphrase is wrong; nothing was changed."
    assert {p.name: _sha256(p) for p in home.iterdir()} == before


def test_missing_key_header_is_key_unavailable(home: Path,
                                               no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    key_header_path(home).unlink()
    with pytest.raises(KeyUnavailable):
        open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring)


def test_header_edited_to_cheaper_kdf_does_not_unwrap(home: Path,
                                                      no_keyring: KeyringSecretStore) -> None:
    # GIVEN an attacker lowers the Argon2 cost in the header (the AAD binds it)
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring,
                kdf_params=FAST_KDF.__class__(memory_kib=2048, iterations=1, lanes=1))
    header = json.loads(key_header_path(home).read_text())
    header["kdf"]["memory_kib"] = 1024
    key_header_path(home).write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        unlock_key(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring)


def test_absurd_kdf_parameters_in_header_are_refused(home: Path,
                                                     no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    header = json.loads(key_header_path(home).read_text())
    header["kdf"]["memory_kib"] = 1 << 40
    key_header_path(home).write_text(json.dumps(header))
    with pytest.raises(StoreError, match="out of range"):
        unlock_key(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring)


def test_change_passphrase_rewraps_without_touching_the_database(
        home: Path, no_keyring: KeyringSecretStore, make_credential: MakeCredential) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        wallet.repository.add(make_credential(1), source="test")
    db_hash = _sha256(database_path(home))
    header_before = key_header_path(home).read_text()
    # WHEN the passphrase is changed
    change_passphrase(home, PASSPHRASE, "new secret", secret_store=no_keyring,
                      kdf_params=FAST_KDF)
    # THEN the header changed, the database did not, the new one opens, the old one fails
    assert key_header_path(home).read_text() != header_before
    assert _sha256(database_path(home)) == db_hash
    with open_wallet(home, passphrase_provider=lambda: "new secret",
                     secret_store=no_keyring) as wallet:
        assert wallet.repository.count() == 1
    with pytest.raises(WrongPassphrase):
        open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring)


def test_change_passphrase_with_wrong_old_changes_nothing(
        home: Path, no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    header_before = key_header_path(home).read_bytes()
    with pytest.raises(WrongPassphrase):
        change_passphrase(home, "not it", "new secret", secret_store=no_keyring,
                          kdf_params=FAST_KDF)
    assert key_header_path(home).read_bytes() == header_before


def test_init_after_a_killed_init_removes_the_half_made_wallets_key_from_the_keyring(
        secret_service_session: str, tmp_path: Path) -> None:
    # GIVEN a keyring wallet whose init was killed before it finished: its key is in the
    # keyring, its files are on disk, and the marker that init removes last is still there
    # (the marker is written the way init writes it: first, before anything else)
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, secret_store=store)
    old_id = json.loads(key_header_path(home).read_text())["wallet_id"]
    init_marker_path(home).write_text("killed\n")
    assert not wallet_exists(home)
    with pytest.raises(WalletNotFound, match="interrupted"):
        open_wallet(home, secret_store=store)
    # WHEN init runs again
    init_wallet(home, secret_store=store)
    # THEN the half-made wallet's key is gone from the keyring, and the new wallet opens
    assert SecretService.Keyring().get_password(KEYRING_SERVICE, old_id) is None
    assert not init_marker_path(home).exists()
    with open_wallet(home, secret_store=store) as wallet:
        assert wallet.repository.count() == 0
