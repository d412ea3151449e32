"""The learner's verification habits: verify after import (on unless turned off), re-verify
online only with permission, and when the whole wallet was last checked online."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wallet.app.verify_habits import (
    LAST_REVERIFIED_SETTING,
    ONLINE_CHECKS_SETTING,
    VERIFY_AFTER_IMPORT_SETTING,
    note_reverified,
    verify_habits,
)
from wallet.store.repository import CredentialRepository

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
DAY = timedelta(days=1)


def test_a_new_wallet_verifies_after_import_but_never_goes_online(
    repository: CredentialRepository,
) -> None:
    # GIVEN a wallet nobody has configured
    # WHEN its habits are read
    habits = verify_habits(repository)
    # THEN imports are verified, offline, and no re-verification is ever due
    assert habits.after_import is True
    assert habits.online is False
    assert habits.last_reverified is None
    assert not habits.reverify_due(NOW, DAY)


def test_turning_verify_after_import_off_is_kept(repository: CredentialRepository) -> None:
    # GIVEN the learner turned verifying after import off
    repository.set_setting(VERIFY_AFTER_IMPORT_SETTING, "0")
    # THEN the wallet says so
    assert verify_habits(repository).after_import is False


def test_reverification_is_due_online_after_a_day(repository: CredentialRepository) -> None:
    # GIVEN online checks allowed and never a whole-wallet check
    repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    # THEN one is due at once
    assert verify_habits(repository).reverify_due(NOW, DAY)
    # WHEN it is done now
    note_reverified(repository, NOW)
    habits = verify_habits(repository)
    # THEN the time is kept, nothing is due an hour later, and it is due again after a day
    assert habits.last_reverified == NOW
    assert not habits.reverify_due(NOW + timedelta(hours=1), DAY)
    assert habits.reverify_due(NOW + DAY, DAY)
    # AND once online checks are withdrawn, nothing is ever due
    repository.set_setting(ONLINE_CHECKS_SETTING, "0")
    assert not verify_habits(repository).reverify_due(NOW + 30 * DAY, DAY)


def test_a_damaged_time_counts_as_never(repository: CredentialRepository) -> None:
    # GIVEN online checks allowed and a last-check time that is not a time
    repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    repository.set_setting(LAST_REVERIFIED_SETTING, "yesterday-ish")
    # THEN the wallet treats it as never checked: due now
    habits = verify_habits(repository)
    assert habits.last_reverified is None
    assert habits.reverify_due(NOW, DAY)
