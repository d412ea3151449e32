"""Reading the dates credentials and proofs carry, one way everywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def parse_xsd_datetime(value: Any) -> datetime | None:
    """An XML Schema dateTime (``validFrom``, proof ``created``); ``None`` when unreadable.

    A time without a zone is read as UTC, as the VC data model says, never as local time.
    """
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def parse_numeric_date(value: Any) -> datetime | None:
    """A JWT NumericDate (seconds since 1970, UTC); ``None`` when not a usable number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
