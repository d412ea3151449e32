"""Dates and numbers as the interface language writes them: the one place the GUI formats them.

Everything goes through the default ``QLocale``, which ``ui.i18n.Translation.use`` sets to the
interface language. Qt's own short formats are not used: they abbreviate the year in Czech
(``27.09.23``) and put the month first in English (``9/27/23``), which a European reader takes
for the 9th of a 27th month. Czech gets the form of its national norm, ``27. 9. 2023``;
English the unambiguous ``27 Sep 2023`` (the month's name from QLocale); any other language
QLocale's own short form.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from wallet.dates import birth_date

_PATTERNS = {QLocale.Language.Czech: "d. M. yyyy", QLocale.Language.English: "d MMM yyyy"}
# The time after the date: Czech writes the hour without a leading zero (4:02), English
# with one (04:02), both on the 24-hour clock.
_TIME_PATTERNS = {QLocale.Language.Czech: "H:mm", QLocale.Language.English: "HH:mm"}


def day_text(day: date) -> str:
    """A calendar date: ``27. 9. 2023`` in Czech, ``27 Sep 2023`` in English."""
    locale = QLocale()
    qdate = QDate(day.year, day.month, day.day)
    pattern = _PATTERNS.get(locale.language())
    if pattern is None:
        return locale.toString(qdate, QLocale.FormatType.ShortFormat)
    return locale.toString(qdate, pattern)


def moment_text(moment: datetime) -> str:
    """An instant (verified at, an event of the history) as a date and time on the clock of
    the machine showing it: ``7. 12. 2026 4:02`` in Czech, ``7 Dec 2026 04:02`` in English. An
    instant without an offset is taken as the machine's local time already."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    locale = QLocale()
    pattern = _TIME_PATTERNS.get(locale.language())
    if pattern is None:
        shown = QDateTime(QDate(local.year, local.month, local.day),
                          QTime(local.hour, local.minute))
        return locale.toString(shown, QLocale.FormatType.ShortFormat)
    clock = locale.toString(QTime(local.hour, local.minute), pattern)
    return f"{day_text(local.date())} {clock}"


def moment_day_text(moment: datetime) -> str:
    """The day of an instant (issued, valid from) as its issuer wrote it: the date part in
    the offset the credential gives, so a list sorted by the stored text and the text shown
    agree, and the day does not depend on the clock of the machine showing it."""
    return day_text(moment.date())


def stored_day_text(text: str) -> str:
    """An ISO 8601 date or date-time kept as text (the wallet's index): its date part as
    written. Text that is no ISO date is shown as it is."""
    try:
        return day_text(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def stored_moment_text(text: str) -> str:
    """An instant kept as ISO 8601 text (the wallet stores them in UTC: checked at, shared
    at) as :func:`moment_text` shows it; one without an offset is UTC, as the wallet writes
    them. Text that is no ISO date-time is shown as it is."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment_text(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


def birth_day_text(text: str) -> str:
    """A date of birth, which is a calendar date, not an instant (``wallet.dates.birth_date``
    says which day a date-time means). Text that is no ISO date is shown as it is."""
    day = birth_date(text)
    return day_text(day) if day is not None else text


def number_text(value: float) -> str:
    """A number such as ECTS credits: ``2,5`` in Czech, ``2.5`` in English, ``4`` not ``4.0``."""
    return QLocale().toString(value, "g", 12)
