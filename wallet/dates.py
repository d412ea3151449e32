"""Reading the dates credentials and proofs carry, one way everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
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


def birth_date(text: str) -> date | None:
    """A date of birth, which is a calendar date, not an instant; ``None`` when no ISO date.

    Issuers often write one as local midnight turned into UTC: ``1999-10-01T22:00:00Z`` is
    midnight of 2 October in Central Europe. So:

    - a bare date (``1999-10-02``) is that date;
    - a date-time with an offset other than UTC is the issuer's local time: its date part;
    - a date-time in UTC is taken to the nearest midnight, the midnight it was meant to be.
      UTC offsets run from −12 h to +14 h, so the midnight of an issuer east of Greenwich
      falls on the evening before (22:00Z for Prague in summer, 23:00Z in winter) and of one
      west of it on the morning of the same day (05:00Z for New York): rounding from noon on
      gives the right day for both, where reading the date in one fixed zone (Prague) would
      be right only for European issuers.
    """
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    offset = moment.utcoffset()
    if offset is None or offset != timedelta(0):
        return moment.date()
    return (moment + timedelta(hours=12)).date()
