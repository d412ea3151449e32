"""Passphrases are stretched in Unicode NFC, and wallets and backups made before still open.

"café" can be typed as c-a-f-é (NFC, one code point for é) or c-a-f-e-◌́ (NFD, e and a
combining accent: some keyboards and macOS input methods). Until November 2026 Kredo stretched
the code points as typed, so a wallet made one way did not open when typed the other way.
``wallet-nfd-passphrase/`` and ``backup-nfd-passphrase.kredo-backup`` are frozen copies made
by that Kredo with the NFD form (see ``make_unnormalised_passphrase_fixtures.py``).
"""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import FAST_KDF
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from wallet.errors import BackupError, WrongPassphrase
from wallet.store.backup import restore_backup, write_backup
from wallet.store.kdf import derive_key
from wallet.store.key_header import read_header
from wallet.store.paths import key_header_path
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "store"
NFC = unicodedata.normalize("NFC", "café")
NFD = unicodedata.normalize("NFD", "café")


def _frozen_wallet(tmp_path: Path) -> Path:
    home = tmp_path / "wallet"
    shutil.copytree(ASSETS / "wallet-nfd-passphrase", home)
    return home


def _titles(home: Path, typed: str, store: KeyringSecretStore) -> list[str | None]:
    with open_wallet(home, passphrase_provider=lambda: typed, secret_store=store) as wallet:
        return [wallet.repository.get(i).index.title.pick("en")  # type: ignore[union-attr]
                for i in wallet.repository.ids()]


def test_the_two_forms_differ() -> None:
    assert NFC != NFD and NFC.encode() != NFD.encode()


def test_an_old_wallet_made_with_nfd_opens_typed_nfc_and_is_wrapped_again_in_nfc(
        tmp_path: Path, no_keyring: KeyringSecretStore) -> None:
    # GIVEN a wallet an older Kredo made with "café" typed as NFD
    home = _frozen_wallet(tmp_path)
    before = json.loads(key_header_path(home).read_text())
    # WHEN it is opened with "café" typed as NFC (it said "The passphrase is wrong")
    assert _titles(home, NFC, no_keyring) == ["Coffee and tea"]
    # THEN its key was wrapped again with the NFC form, at the same cost
    after = json.loads(key_header_path(home).read_text())
    assert after["wrapped_key"] != before["wrapped_key"]
    assert {k: v for k, v in after["kdf"].items() if k != "salt"} == {
        k: v for k, v in before["kdf"].items() if k != "salt"}
    header = read_header(key_header_path(home))
    assert header.wrapped is not None
    wrapping_key = derive_key(NFC, header.wrapped.salt, header.wrapped.params)
    blob = header.wrapped.blob
    assert len(AESGCM(wrapping_key).decrypt(blob[:12], blob[12:],
                                            header.wrap_aad(header.wrapped.params))) == 32
    # AND it keeps opening both ways
    assert _titles(home, NFD, no_keyring) == ["Coffee and tea"]
    assert _titles(home, NFC, no_keyring) == ["Coffee and tea"]


def test_an_old_wallet_still_opens_as_it_was_typed(tmp_path: Path,
                                                   no_keyring: KeyringSecretStore) -> None:
    home = _frozen_wallet(tmp_path)
    assert _titles(home, NFD, no_keyring) == ["Coffee and tea"]


def test_a_wrong_passphrase_is_still_wrong_and_changes_nothing(
        tmp_path: Path, no_keyring: KeyringSecretStore) -> None:
    home = _frozen_wallet(tmp_path)
    before = key_header_path(home).read_bytes()
    for typed in ("cafe", "cafè", unicodedata.normalize("NFD", "cafè"), "CAFÉ"):
        with pytest.raises(WrongPassphrase):
            open_wallet(home, passphrase_provider=lambda t=typed: t, secret_store=no_keyring)
    assert key_header_path(home).read_bytes() == before


@pytest.mark.parametrize(("made", "typed"), [(NFD, NFC), (NFC, NFD)])
def test_a_new_wallet_opens_whichever_way_it_is_typed(
        tmp_path: Path, no_keyring: KeyringSecretStore, made: str, typed: str) -> None:
    home = tmp_path / "new"
    init_wallet(home, passphrase=made, secret_store=no_keyring, kdf_params=FAST_KDF)
    before = key_header_path(home).read_bytes()
    assert _titles(home, typed, no_keyring) == []
    assert key_header_path(home).read_bytes() == before, "an NFC-wrapped key is not rewritten"


def test_an_old_backup_made_with_nfd_restores_typed_nfc(
        tmp_path: Path, no_keyring: KeyringSecretStore) -> None:
    home = tmp_path / "target"
    init_wallet(home, passphrase="target", secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: "target",
                     secret_store=no_keyring) as wallet:
        report = restore_backup(ASSETS / "backup-nfd-passphrase.kredo-backup", NFC,
                                wallet.repository)
        assert report.restored == 1
        with pytest.raises(BackupError, match="passphrase is wrong"):
            restore_backup(ASSETS / "backup-nfd-passphrase.kredo-backup", "cafe",
                           wallet.repository)


@pytest.mark.parametrize(("made", "typed"), [(NFD, NFC), (NFC, NFD)])
def test_a_new_backup_restores_whichever_way_it_is_typed(
        tmp_path: Path, no_keyring: KeyringSecretStore, made: str, typed: str) -> None:
    home = _frozen_wallet(tmp_path)
    out = tmp_path / "new.kredo-backup"
    with open_wallet(home, passphrase_provider=lambda: NFD, secret_store=no_keyring) as wallet:
        write_backup(wallet.repository, out, made, kdf_params=FAST_KDF)
    # The writer stretched the NFC form (docs/backup-format.md: key from the salt at 22, the
    # first segment's nonce = prefix at 38 || u32 0 || final flag, its AAD = header || word)
    data = out.read_bytes()
    word = int.from_bytes(data[45:49], "big")
    nonce = data[38:45] + (0).to_bytes(4, "big") + bytes([word >> 31])
    key = derive_key(NFC, data[22:38], FAST_KDF)
    assert AESGCM(key).decrypt(nonce, data[49:49 + (word & 0x7FFFFFFF)], data[:49])
    target = tmp_path / "target"
    init_wallet(target, passphrase="target", secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(target, passphrase_provider=lambda: "target",
                     secret_store=no_keyring) as wallet:
        assert restore_backup(out, typed, wallet.repository).restored == 1
