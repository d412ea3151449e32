"""The learner's choices about verifying the wallet's own credentials: verify what was just
imported (on unless turned off), may Kredo go online (which also lets the wallet re-verify
itself now and then, as status lists change), and when the whole wallet was last checked
online.

Kept apart from :mod:`wallet.app.verifying` on purpose: the desktop app reads these at
start-up, before its first paint, and must not load the verification engine for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wallet.trust.user_trust import SettingsStore

VERIFY_AFTER_IMPORT_SETTING = "verify_after_import"  # "1" (the default) or "0"
ONLINE_CHECKS_SETTING = "online_checks"  # "1" when the learner allowed online checks
LAST_REVERIFIED_SETTING = "last_reverified_at"  # ISO time of the last whole-wallet check


@dataclass(frozen=True)
class VerifyHabits:
    """What the learner chose about verifying the wallet's own credentials."""

    after_import: bool = True  # verify what was just imported, in the background
    online: bool = False  # online checks allowed: also re-verify now and then (status lists)
    last_reverified: datetime | None = None  # the last online check of the whole wallet

    def reverify_due(self, now: datetime, max_age: timedelta) -> bool:
        """The whole wallet should be checked online again: allowed, and never done or
        longer ago than ``max_age``. Never without the learner's permission to go online."""
        if not self.online:
            return False
        return self.last_reverified is None or now - self.last_reverified >= max_age


def verify_habits(settings: SettingsStore) -> VerifyHabits:
    """The learner's choices, as the wallet's settings keep them."""
    keys = (VERIFY_AFTER_IMPORT_SETTING, ONLINE_CHECKS_SETTING, LAST_REVERIFIED_SETTING)
    return habits_in({key: value for key in keys
                      if (value := settings.get_setting(key)) is not None})


def habits_in(settings: Mapping[str, str]) -> VerifyHabits:
    """The learner's choices in settings already read (all of them, as a mapping)."""
    return VerifyHabits(after_import=settings.get(VERIFY_AFTER_IMPORT_SETTING, "1") != "0",
                        online=settings.get(ONLINE_CHECKS_SETTING) == "1",
                        last_reverified=_when(settings.get(LAST_REVERIFIED_SETTING)))


def note_reverified(settings: SettingsStore, now: datetime) -> None:
    """Remember that the whole wallet was just checked online (the schedule counts from it)."""
    settings.set_setting(LAST_REVERIFIED_SETTING, now.astimezone(UTC).isoformat(
        timespec="seconds"))


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None  # a damaged entry: as if never checked
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
