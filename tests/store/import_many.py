"""Import credentials one transaction each, printing each committed number (for the kill test).

Usage: python import_many.py WALLET_HOME COUNT   (passphrase in KREDO_PASSPHRASE)
"""

from __future__ import annotations

import sys
from pathlib import Path

from keyring.backends import fail

from wallet.model import Credential, CredentialFormat, LangText, MicroCredentialView
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import open_wallet


def raw_for(n: int) -> bytes:
    """The exact bytes of credential ``n``; the test recomputes them to compare."""
    return (f'{{"id":"urn:uuid:kill-{n}","name":"Kurz číslo {n}",'
            f'"padding":"{"x" * (n % 97)}"}}').encode()


def main() -> None:
    home, count = Path(sys.argv[1]), int(sys.argv[2])
    with open_wallet(home, secret_store=KeyringSecretStore(fail.Keyring())) as wallet:
        for n in range(count):
            view = MicroCredentialView(title=LangText({"cs": f"Kurz číslo {n}"}))
            wallet.repository.add(Credential(raw=raw_for(n), format=CredentialFormat.VC_JSONLD,
                                             document={}, view=view), source="kill-test")
            print(n, flush=True)


if __name__ == "__main__":
    main()
