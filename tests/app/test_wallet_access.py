"""Wallet access use cases on real wallets: unlock, the rules of a new passphrase, changing it,
and moving the key into the system keyring (a real Secret Service) and out again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService

from tests.app.conftest import PASSPHRASE
from tests.store.conftest import secret_service_session  # noqa: F401 - a fixture
from wallet.app.wallet_access import (
    change_passphrase,
    check_new_passphrase,
    has_wallet,
    key_status,
    move_key_into_keyring,
    move_key_out_of_keyring,
    unlock,
    wallet_home,
)
from wallet.errors import StoreError, WrongPassphrase


def test_a_new_passphrase_has_eight_characters_and_is_typed_the_same_twice() -> None:
    check_new_passphrase("eight ch", "eight ch")
    with pytest.raises(StoreError, match=r"^Choose a passphrase of at least 8 characters\.$"):
        check_new_passphrase("seven c")
    with pytest.raises(StoreError, match=r"^The two passphrases differ\.$"):
        check_new_passphrase("long enough", "long enougH")


def test_unlock_opens_with_the_passphrase_and_a_wrong_one_changes_nothing(home: Path) -> None:
    assert has_wallet(home) and not has_wallet(home.parent / "elsewhere")
    assert wallet_home(str(home)) == home
    with pytest.raises(WrongPassphrase):
        unlock(home, lambda: "not the passphrase")
    with unlock(home, lambda: PASSPHRASE) as opened:
        assert opened.repository.count() == 0


def test_a_changed_passphrase_opens_the_wallet_and_a_short_one_is_refused(home: Path) -> None:
    # WHEN the learner tries a too short passphrase
    with pytest.raises(StoreError, match="at least 8"):
        change_passphrase(home, PASSPHRASE, "short")
    # THEN the old one still opens the wallet
    unlock(home, lambda: PASSPHRASE).close()
    # WHEN they choose a good one
    change_passphrase(home, PASSPHRASE, "a much better passphrase")
    # THEN only the new one opens it
    with pytest.raises(WrongPassphrase):
        unlock(home, lambda: PASSPHRASE)
    unlock(home, lambda: "a much better passphrase").close()


@pytest.fixture
def real_keyring(secret_service_session: str) -> Iterator[None]:  # noqa: F811
    before = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    yield
    keyring.set_keyring(before)


def test_the_key_moves_into_the_keyring_and_out_again(real_keyring: None, home: Path) -> None:
    # GIVEN a wallet protected by its passphrase, on a computer with a keyring
    before = key_status(home)
    assert before.keyring_available
    assert (before.protection.in_keyring, before.protection.has_passphrase) == (False, True)
    # WHEN the key moves into the keyring
    move_key_into_keyring(home, PASSPHRASE)
    # THEN the wallet opens without asking, and the passphrase is still the way back in
    assert key_status(home).protection.in_keyring

    def no_prompt() -> str:
        raise AssertionError("asked for the passphrase although the keyring holds the key")

    unlock(home, no_prompt).close()
    # WHEN it moves out with a wrong passphrase, nothing changes; with the right one it moves
    with pytest.raises(WrongPassphrase):
        move_key_out_of_keyring(home, "not the passphrase")
    assert key_status(home).protection.in_keyring
    assert move_key_out_of_keyring(home, PASSPHRASE) is True
    assert not key_status(home).protection.in_keyring
    with pytest.raises(WrongPassphrase):
        unlock(home, lambda: "not the passphrase")
