"""The wallet keeps the OCSP responses it fetched for a seal in its encrypted database, so a
second online check is decided from the cache when the provider's services are down."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Provider, StatusServer
from keyring.backends import fail

from wallet.app.verifying import VerifyRequest, verify_stored
from wallet.app.wallet_setup import create_wallet
from wallet.formats import parse_credential
from wallet.store.kdf import Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import open_wallet
from wallet.verify.report import CheckMode, OverallStatus

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[CredentialRepository]:
    no_keyring = KeyringSecretStore(fail.Keyring())
    create_wallet(tmp_path, passphrase=PASSPHRASE, secret_store=no_keyring,
                  kdf_params=Argon2Params(memory_kib=1024, iterations=1, lanes=1))
    with open_wallet(tmp_path, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        yield wallet.repository


def test_a_second_online_check_is_decided_from_the_wallets_cache(
    repository: CredentialRepository, server: StatusServer, provider: Provider, payload: str
) -> None:
    # GIVEN a sealed credential in the wallet, checked offline: could not be checked
    added = repository.add(parse_credential(provider.jades(payload)), source="test")
    credential_id = added.id
    offline = verify_stored(repository, credential_id)
    assert offline.status is OverallStatus.INDETERMINATE
    assert provider.requests == []
    # WHEN it is checked online once, and the responder's answer is kept
    first = verify_stored(repository, credential_id, VerifyRequest(online=True))
    assert first.status is OverallStatus.PARTIALLY_VERIFIED  # the test CA is on no list
    assert first.check("signature").mode is CheckMode.NETWORK  # type: ignore[union-attr]
    [kept] = repository.current_revocation_records(datetime.now(UTC))
    assert kept.key.startswith("ocsp:") and kept.next_update > datetime.now(UTC)
    # AND the provider's services go down
    server.stop()
    second = verify_stored(repository, credential_id, VerifyRequest(online=True))
    # THEN the second check is decided all the same, from the cache
    assert second.status is OverallStatus.PARTIALLY_VERIFIED
    signature = second.check("signature")
    assert signature is not None and signature.mode is CheckMode.CACHE
    assert signature.details["revocation"] == "OCSP response, from the wallet's cache"
    assert provider.requests == ["ocsp"]


def test_an_answer_past_its_next_update_is_dropped(
    repository: CredentialRepository, server: StatusServer, provider: Provider, payload: str
) -> None:
    # GIVEN an online check that kept the responder's answer (valid for one day)
    added = repository.add(parse_credential(provider.jades(payload)), source="test")
    verify_stored(repository, added.id, VerifyRequest(online=True))
    # WHEN the cache is read two days later
    later = datetime.now(UTC) + timedelta(days=2)
    # THEN the answer is gone: a stale answer never decides anything
    assert repository.current_revocation_records(later) == []
