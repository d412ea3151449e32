"""Application-layer fixtures: real encrypted wallets (fast key stretching), real vectors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wallet.store.kdf import Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import OpenWallet, init_wallet, open_wallet

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = VECTORS / "w3c" / "1edtech-obv3-ldp-controller-document.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "app test passphrase"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new wallet protected by a passphrase (the keyring is kept out)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    init_wallet(tmp_path / "wallet", passphrase=PASSPHRASE, use_keyring=False,
                kdf_params=FAST_KDF)
    return tmp_path / "wallet"


@pytest.fixture
def opened(home: Path) -> Iterator[OpenWallet]:
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as wallet:
        yield wallet


@pytest.fixture
def repository(opened: OpenWallet) -> CredentialRepository:
    return opened.repository
