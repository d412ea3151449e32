"""`kredo verify` and `kredo scan` through the application layer: the wallet's own trust for a
stored credential, documents used offline, and a credential file handed to `kredo scan`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import VECTORS, Kredo
from tests.robustness.corpus import ob3_document, signers
from wallet.store.wallet import open_wallet
from wallet.trust.user_trust import add_trusted_issuer

PASSPHRASE = "correct horse battery staple"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = VECTORS / "w3c" / "1edtech-obv3-ldp-controller-document.json"


def test_verify_of_a_stored_credential_uses_the_issuers_the_learner_trusts(
    kredo: Kredo, tmp_path: Path
) -> None:
    # GIVEN a wallet holding a badge whose did:key issuer the learner has said they trust
    keys = signers()
    badge = tmp_path / "badge.json"
    badge.write_bytes(keys.data_integrity(ob3_document(keys.ed_did, 1), "eddsa-rdfc-2022"))
    kredo("init", "--passphrase")
    ident = kredo("import", str(badge), "--json").json()[0]["id"]  # type: ignore[index]
    with open_wallet(kredo.home, passphrase_provider=lambda: PASSPHRASE) as wallet:  # type: ignore[attr-defined]
        add_trusted_issuer(wallet.repository, keys.ed_did)
    # WHEN it is verified in the wallet, and as a file without the wallet
    stored = kredo("verify", str(ident), "--json")
    as_file = kredo("verify", "--file", str(badge), "--json")
    # THEN the wallet's trust makes it verified (exit 0), the bundled trust alone does not
    assert (stored.code, stored.json()["status"]) == (0, "verified")  # type: ignore[index]
    assert (as_file.code, as_file.json()["status"]) == (3, "partially_verified")  # type: ignore[index]
    # AND the verdict is kept with the credential
    with open_wallet(kredo.home, passphrase_provider=lambda: PASSPHRASE) as wallet:  # type: ignore[attr-defined]
        record = wallet.repository.latest_verification(ident)
    assert record is not None and record.status == "verified"


def test_verify_uses_a_document_given_for_offline_use(kredo: Kredo, tmp_path: Path) -> None:
    with_document = kredo("verify", "--file", str(OB3), "--document", str(OB3_CONTROLLER),
                          "--json")
    signature = {c["id"]: c["status"] for c in with_document.json()["checks"]}["signature"]  # type: ignore[index]
    assert signature == "ok"
    nameless = tmp_path / "key.json"
    nameless.write_text(json.dumps({"verificationMethod": []}), encoding="utf-8")
    refused = kredo("verify", "--file", str(OB3), "--document", str(nameless))
    assert refused.code == 2
    assert refused.err == "kredo: The document key.json has no id.\n"


def test_scan_of_a_credential_file_verifies_it_like_verify(kredo: Kredo) -> None:
    # GIVEN the credential file itself instead of a picture of its QR code
    scanned = kredo("scan", str(OB3))
    verified = kredo("verify", "--file", str(OB3))
    # THEN scan verifies it, with the same verdict and report as verify
    assert scanned.code == verified.code == 4  # its key is online only: could not be checked
    assert f"{OB3.name}: a credential file." in scanned.out
    assert verified.out.strip() in scanned.out
