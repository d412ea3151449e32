"""Make the frozen schema-v1 wallet in ``wallet-v1/`` (run once, at schema version 1).

Run from the repository root: ``.venv/bin/python tests/assets/store/make_v1_fixture.py``.
Never re-run it after schema v2 exists: the point of the fixture is that it stays a v1 file.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from keyring.backends import fail

from wallet.model import Credential, CredentialFormat, LangText, MicroCredentialView, Organisation
from wallet.store.kdf import Argon2Params
from wallet.store.migrations import LATEST_VERSION
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import init_wallet, open_wallet

PASSPHRASE = "kredo-v1-fixture"
HERE = Path(__file__).resolve().parent
TARGET = HERE / "wallet-v1"
CREDENTIALS = [
    (b'{"id":"urn:uuid:v1-fixture-1","name":"Z\xc3\xa1klady programov\xc3\xa1n\xc3\xad"}',
     {"cs": "Základy programování", "en": "Programming basics"}, "Masarykova univerzita", 2.0),
    (b'{"id":"urn:uuid:v1-fixture-2","name":"Data literacy"}',
     {"en": "Data literacy"}, "Univerzita Karlova", 3.0),
]


def main() -> None:
    if LATEST_VERSION != 1:
        raise SystemExit("The schema is past v1; the v1 fixture must stay as committed.")
    shutil.rmtree(TARGET, ignore_errors=True)
    store = KeyringSecretStore(fail.Keyring())
    init_wallet(TARGET, passphrase=PASSPHRASE, secret_store=store,
                kdf_params=Argon2Params(memory_kib=1024, iterations=1, lanes=1))
    with open_wallet(TARGET, passphrase_provider=lambda: PASSPHRASE, secret_store=store) as w:
        repo = w.repository
        for raw, title, issuer, ects in CREDENTIALS:
            view = MicroCredentialView(
                title=LangText(title), awarding_body=Organisation(name=LangText.plain(issuer)),
                learner_name=LangText.plain("Jana Nováková"), ects=ects, eqf_level=6,
                issued=datetime(2025, 6, 1, tzinfo=UTC))
            added = repo.add(Credential(raw=raw, format=CredentialFormat.VC_JSONLD,
                                        document={}, view=view), source="fixture")
            repo.tag(added.id, ["fixture"])
        stack = repo.create_collection("Stack v1")
        repo.add_to_collection(stack, repo.ids())
        repo.set_note(repo.ids()[0], "Poznámka")
        repo.set_setting("language", "cs")
        repo.add_holder_key("did:key:z6MkFixture", bytes(range(32)), "Ed25519", "fixture")
    for leftover in TARGET.glob("wallet.db-*"):
        leftover.unlink()


if __name__ == "__main__":
    main()
