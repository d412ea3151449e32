"""Moving the wallet key between the real OS keyring and a passphrase, both ways."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE, MakeCredential
from keyring.backends import SecretService

from wallet.errors import KeyUnavailable, WrongPassphrase
from wallet.store.keys import (
    keep_key_by_passphrase_only,
    keep_key_in_keyring,
    key_protection,
)
from wallet.store.paths import key_header_path
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet


def _wallet_id(home: Path) -> str:
    return str(json.loads(key_header_path(home).read_text())["wallet_id"])


def test_passphrase_wallet_moves_into_the_keyring_and_back(
        secret_service_session: str, tmp_path: Path, make_credential: MakeCredential) -> None:
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, passphrase=PASSPHRASE, use_keyring=False, secret_store=store,
                kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=store) as w:
        w.repository.add(make_credential(1), source="test")
    assert key_protection(home).in_keyring is False

    with pytest.raises(WrongPassphrase):
        keep_key_in_keyring(home, "not the passphrase", secret_store=store)
    assert store.fetch(_wallet_id(home)) is None

    keep_key_in_keyring(home, PASSPHRASE, secret_store=store)
    assert key_protection(home) == key_protection(home).__class__(True, True)
    assert store.fetch(_wallet_id(home)) is not None

    def no_prompt() -> str:
        raise AssertionError("the keyring should open the wallet without asking")

    with open_wallet(home, passphrase_provider=no_prompt, secret_store=store) as w:
        assert w.repository.count() == 1

    with pytest.raises(WrongPassphrase):
        keep_key_by_passphrase_only(home, "wrong", secret_store=store)
    assert key_protection(home).in_keyring is True

    assert keep_key_by_passphrase_only(home, PASSPHRASE, secret_store=store) is True
    assert store.fetch(_wallet_id(home)) is None  # the keyring forgot the key
    assert key_protection(home).in_keyring is False
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=store) as w:
        assert w.repository.count() == 1


def test_keyring_only_wallet_gets_its_first_passphrase(
        secret_service_session: str, tmp_path: Path, make_credential: MakeCredential) -> None:
    store = KeyringSecretStore(SecretService.Keyring())
    home = tmp_path / "w"
    init_wallet(home, secret_store=store)
    assert key_protection(home).has_passphrase is False
    assert keep_key_by_passphrase_only(home, "a new passphrase", secret_store=store,
                                       kdf_params=FAST_KDF)
    assert key_protection(home).has_passphrase is True
    with open_wallet(home, passphrase_provider=lambda: "a new passphrase",
                     secret_store=store) as w:
        assert w.repository.count() == 0


def test_without_a_keyring_the_wallet_stays_on_its_passphrase(
        home: Path, no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    before = key_header_path(home).read_bytes()
    with pytest.raises(KeyUnavailable, match="No usable system keyring"):
        keep_key_in_keyring(home, PASSPHRASE, secret_store=no_keyring)
    assert key_header_path(home).read_bytes() == before
