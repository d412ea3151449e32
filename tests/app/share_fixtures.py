"""A real encrypted wallet (SQLCipher, passphrase key) for the share and export use cases,
and the real third-party credentials they are tried on.

Imported by the test modules of tests/app that need it; the fixtures are re-exported there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from wallet.app.importing import import_bytes
from wallet.app.wallet_setup import create_wallet
from wallet.store.kdf import Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import open_wallet

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SEALED_EDC = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
UNSEALED_EDC = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SMALL_VC = VECTORS / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json"

FAST_KDF = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
NO_KEYRING = KeyringSecretStore(fail.Keyring())


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[CredentialRepository]:
    """A new wallet, as ``kredo init`` makes it (with its first holder profile), open."""
    home = tmp_path / "wallet"
    create_wallet(home, passphrase=PASSPHRASE, secret_store=NO_KEYRING, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=NO_KEYRING) as opened:
        yield opened.repository


def store(repository: CredentialRepository, *items: Path | bytes) -> list[int]:
    """Import files (or bytes) the way ``kredo import`` does; the ids in the order given."""
    ids = []
    for item in items:
        raw = item.read_bytes() if isinstance(item, Path) else item
        source = item.name if isinstance(item, Path) else "test"
        [outcome] = import_bytes(repository, raw, source=source)
        assert outcome.id is not None, outcome.error
        ids.append(outcome.id)
    return ids
