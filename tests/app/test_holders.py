"""Holder profiles through the application layer: listed, added, one default, on real wallets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.share_fixtures import FAST_KDF, NO_KEYRING, PASSPHRASE, repository
from wallet.app.holders import add_holder_profile, holder_profiles, set_default_holder_profile
from wallet.errors import SharingError
from wallet.share.holder import DEFAULT_SETTING, FIRST_PROFILE_LABEL
from wallet.store import keys
from wallet.store.migrations import migrate
from wallet.store.paths import database_path
from wallet.store.repository import CredentialRepository
from wallet.store.vault import open_database

__all__ = ["repository"]  # a fixture of share_fixtures, used by name


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


def _defaults(repository: CredentialRepository) -> list[str]:
    return [p.label for p in holder_profiles(repository) if p.is_default]


def test_a_profile_is_added_and_made_the_default(repository: CredentialRepository) -> None:
    # GIVEN a new wallet with its first profile
    [first] = holder_profiles(repository)
    assert (first.label, first.is_default) == (FIRST_PROFILE_LABEL, True)
    # WHEN the learner adds a "Work" profile without asking for it to be the default
    work = add_holder_profile(repository, "  Work  ")
    # THEN it has its own did:key, and the first profile still signs by default
    assert work.label == "Work" and work.did != first.did and not work.is_default
    assert _defaults(repository) == [FIRST_PROFILE_LABEL]
    # WHEN it is chosen as the default (by any spelling of its name)
    chosen = set_default_holder_profile(repository, "work")
    # THEN the wallet remembers its DID as the default
    assert chosen.is_default and chosen.did == work.did
    assert _defaults(repository) == ["Work"]
    assert repository.get_setting(DEFAULT_SETTING) == work.did


def test_a_profile_added_as_default_takes_over(repository: CredentialRepository) -> None:
    home = add_holder_profile(repository, "Home", make_default=True)
    assert home.is_default
    assert [p.label for p in holder_profiles(repository)] == [FIRST_PROFILE_LABEL, "Home"]
    assert _defaults(repository) == ["Home"]


def test_a_taken_name_and_an_unknown_one_are_refused(repository: CredentialRepository) -> None:
    # WHEN the learner adds a profile under the first one's name, in other letters
    with pytest.raises(SharingError, match="already exists"):
        add_holder_profile(repository, FIRST_PROFILE_LABEL.upper())
    # AND asks for a default that does not exist
    with pytest.raises(SharingError, match="No holder profile is named “Nobody”"):
        set_default_holder_profile(repository, "Nobody")
    # THEN nothing changed: one profile, still the default
    assert [(p.label, p.is_default) for p in holder_profiles(repository)] == [
        (FIRST_PROFILE_LABEL, True)]
    assert len(repository.holder_keys()) == 1


def test_a_wallet_from_before_profiles_gets_its_first_when_listed(
    wallet_from_before_profiles: CredentialRepository,
) -> None:
    # GIVEN a wallet with no holder key at all
    assert wallet_from_before_profiles.holder_keys() == []
    # WHEN its profiles are listed (the CLI's list, the share wizard's choice)
    [profile] = holder_profiles(wallet_from_before_profiles)
    # THEN the profile that will sign exists now, stored, and is the default
    assert (profile.label, profile.is_default) == (FIRST_PROFILE_LABEL, True)
    [row] = wallet_from_before_profiles.holder_keys()
    assert row.did == profile.did
    assert holder_profiles(wallet_from_before_profiles) == [profile]
