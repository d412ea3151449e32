"""Make the frozen wallet and backup whose passphrase was stretched as typed, not NFC.

Run once, from the repository root, with the code from before passphrases were normalised
(commit adc70de): ``.venv/bin/python tests/assets/store/make_unnormalised_passphrase_fixtures.py``

Until then the Argon2id input was the passphrase's UTF-8 bytes exactly as typed, so "café"
typed with a combining accent (NFD, as some keyboards and macOS input methods give it) made a
different key than "café" with a precomposed é (NFC). Never regenerate these with later code:
the point is that they stay as old Kredo wrote them.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from keyring.backends import fail

from wallet.model import Credential, CredentialFormat, LangText, MicroCredentialView
from wallet.store.backup import write_backup
from wallet.store.kdf import Argon2Params
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet

PASSPHRASE_NFD = unicodedata.normalize("NFD", "café")  # "cafe" + U+0301
HERE = Path(__file__).resolve().parent
WALLET = HERE / "wallet-nfd-passphrase"
BACKUP = HERE / "backup-nfd-passphrase.kredo-backup"
CHEAP = Argon2Params(memory_kib=1024, iterations=1, lanes=1)


def main() -> None:
    assert unicodedata.normalize("NFC", PASSPHRASE_NFD) != PASSPHRASE_NFD
    shutil.rmtree(WALLET, ignore_errors=True)
    store = KeyringSecretStore(fail.Keyring())
    init_wallet(WALLET, passphrase=PASSPHRASE_NFD, secret_store=store, kdf_params=CHEAP)
    with open_wallet(WALLET, passphrase_provider=lambda: PASSPHRASE_NFD,
                     secret_store=store) as wallet:
        view = MicroCredentialView(title=LangText({"cs": "Káva a čaj", "en": "Coffee and tea"}))
        wallet.repository.add(Credential(raw=b'{"id":"urn:uuid:nfd-fixture"}',
                                         format=CredentialFormat.VC_JSONLD, document={},
                                         view=view), source="fixture")
        write_backup(wallet.repository, BACKUP, PASSPHRASE_NFD, kdf_params=CHEAP)
    for leftover in WALLET.glob("wallet.db-*"):
        leftover.unlink()


if __name__ == "__main__":
    main()
