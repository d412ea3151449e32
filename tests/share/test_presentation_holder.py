"""Holder profiles: made at init in the encrypted wallet, labelled, one default, never leaked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from keyring.backends import fail

from tests.share.presentation_credentials import Issuer, credential
from wallet.app.wallet_setup import create_wallet
from wallet.crypto.data_integrity import verify_proof
from wallet.crypto.multikey import multikey_from_private_key
from wallet.did import did_jwk_from_public_key, did_key_from_public_key, key_resolver
from wallet.errors import SharingError, StoreError
from wallet.share.holder import DEFAULT_SETTING, FIRST_PROFILE_LABEL, HolderProfiles
from wallet.share.presentation import build_presentation
from wallet.store import keys
from wallet.store.kdf import Argon2Params
from wallet.store.migrations import migrate
from wallet.store.paths import database_path
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.vault import open_database
from wallet.store.wallet import open_wallet

FAST_KDF = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
NO_KEYRING = KeyringSecretStore(fail.Keyring())


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[CredentialRepository]:
    home = tmp_path / "wallet"
    create_wallet(home, passphrase=PASSPHRASE, secret_store=NO_KEYRING, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=NO_KEYRING) as opened:
        yield opened.repository


@pytest.fixture
def wallet_from_before_profiles(tmp_path: Path) -> Iterator[CredentialRepository]:
    """A wallet as init made it before holder profiles: key, vault, schema, no holder key."""
    home = tmp_path / "old"
    home.mkdir()
    key = keys.create_key(home, passphrase=PASSPHRASE, use_keyring=False,
                          secret_store=NO_KEYRING, kdf_params=FAST_KDF)
    connection = open_database(database_path(home), key, create=True)
    migrate(connection)
    try:
        yield CredentialRepository(connection)
    finally:
        connection.close()


def test_a_new_wallet_has_one_default_did_key_profile(repository: CredentialRepository) -> None:
    [profile] = HolderProfiles(repository).list()
    assert (profile.label, profile.is_default) == (FIRST_PROFILE_LABEL, True)
    assert profile.did.startswith("did:key:z6Mk")  # Ed25519 multicodec
    key = profile.signing_key()
    assert did_key_from_public_key(key.public_key()) == profile.did
    assert profile.verification_method == f"{profile.did}#{profile.did[len('did:key:'):]}"
    [row] = repository.holder_keys()
    assert row.key_type == "Ed25519"
    assert repository.get_setting(DEFAULT_SETTING) == profile.did


def test_the_private_key_stays_out_of_reprs_and_logs(
    repository: CredentialRepository, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    profiles = HolderProfiles(repository)
    profile = profiles.create("Work")
    [row] = [r for r in repository.holder_keys() if r.did == profile.did]
    secret = row.private_key.decode()
    issuer = Issuer(holder=profile.did)
    vp = build_presentation([credential(issuer.ob3())], holder_key=profile.signing_key())
    assert secret not in repr(profile)
    assert secret not in repr(profiles.list())
    assert secret not in caplog.text
    assert secret not in str(vp)


def test_an_older_wallet_gets_a_profile_on_first_use(
    wallet_from_before_profiles: CredentialRepository,
) -> None:
    profiles = HolderProfiles(wallet_from_before_profiles)
    assert profiles.list() == []
    first = profiles.default()
    assert (first.label, first.is_default) == (FIRST_PROFILE_LABEL, True)
    # and the next use finds the same one instead of making another
    assert profiles.default().did == first.did
    assert len(wallet_from_before_profiles.holder_keys()) == 1


def test_several_profiles_each_with_a_label_and_one_default(
    repository: CredentialRepository,
) -> None:
    profiles = HolderProfiles(repository)
    first = profiles.default()
    work = profiles.create("Work")
    assert profiles.default().did == first.did  # a new profile is not the default unless asked
    school = profiles.create("  School  ", make_default=True)
    assert school.label == "School"
    assert profiles.default().did == school.did
    assert profiles.choose("work").did == work.did  # labels are matched case-insensitively
    assert profiles.choose(None).did == school.did
    profiles.set_default("Work")
    assert [p.label for p in profiles.list() if p.is_default] == ["Work"]
    assert len({p.did for p in profiles.list()}) == 3


def test_each_profile_signs_as_its_own_did(repository: CredentialRepository) -> None:
    profiles = HolderProfiles(repository)
    work = profiles.create("Work")
    issuer = Issuer(holder=work.did)
    vp = build_presentation([credential(issuer.ob3())], holder_key=work.signing_key())
    assert vp["holder"] == work.did
    assert verify_proof(vp, purpose="authentication", resolve=key_resolver()).ok


@pytest.mark.parametrize(
    ("label", "sentence"),
    [("", "needs a name"), ("   ", "needs a name"), ("x" * 61, "at most 60"),
     ("DEFAULT", "already exists")],
)
def test_bad_profile_names_are_refused(
    repository: CredentialRepository, label: str, sentence: str
) -> None:
    with pytest.raises(SharingError, match=sentence):
        HolderProfiles(repository).create(label)


def test_an_unknown_profile_names_the_ones_there_are(repository: CredentialRepository) -> None:
    with pytest.raises(SharingError, match=r"No holder profile is named “Home” \(profiles: "
                                           r"default\)"):
        HolderProfiles(repository).choose("Home")


def test_a_restored_profile_with_the_same_label_is_shown_apart(
    repository: CredentialRepository,
) -> None:
    # GIVEN a backup from another wallet that also called its first profile "default"
    elsewhere = HolderProfiles(repository)
    other_key = Issuer(holder="did:example:x").key
    repository.add_holder_key(did_key_from_public_key(other_key.public_key()),
                              multikey_from_private_key(other_key).encode(), "Ed25519",
                              FIRST_PROFILE_LABEL)
    # THEN both stay visible and can be chosen by name
    assert [p.label for p in elsewhere.list()] == ["default", "default (2)"]
    assert elsewhere.choose("default (2)").signing_key().public_key() == other_key.public_key()


def test_a_damaged_key_is_a_clear_error_not_a_wrong_signature(
    repository: CredentialRepository,
) -> None:
    repository.add_holder_key("did:key:z6MkBroken", b"\x00" * 32, "Ed25519", "broken")
    with pytest.raises(StoreError, match="damaged"):
        HolderProfiles(repository).choose("broken").signing_key()
    # a key that parses but is not the DID's key is refused too
    stranger = Issuer(holder="did:example:x").key
    repository.add_holder_key("did:key:z6MkElse", multikey_from_private_key(stranger).encode(),
                              "Ed25519", "mismatch")
    with pytest.raises(StoreError, match="does not match"):
        HolderProfiles(repository).choose("mismatch").signing_key()


def test_possession_keys_are_every_intact_wallet_key(repository: CredentialRepository) -> None:
    # GIVEN the first profile, a P-256 key kept for issuers (did:jwk) and a damaged row
    profiles = HolderProfiles(repository)
    p256 = ec.generate_private_key(ec.SECP256R1())
    repository.add_holder_key(did_jwk_from_public_key(p256.public_key()),
                              multikey_from_private_key(p256).encode(), "P-256", "issuers")
    repository.add_holder_key("did:key:z6MkBroken", b"\x00" * 32, "Ed25519", "broken")
    # THEN both intact keys can prove possession; the damaged one is left out
    publics = [key.public_key() for key in profiles.possession_keys()]
    assert publics == [profiles.default().signing_key().public_key(), p256.public_key()]
    # AND only Ed25519 keys are profiles that sign presentations
    assert [p.label for p in profiles.list()] == ["default", "broken"]
