"""Dates and numbers follow the interface language: the cards, the detail's Annex I table and
the credential-language box of the real window, in Czech and in English, on real vectors."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS
from ui.app import KredoApp
from ui.card_delegate import card_facts
from ui.dates_shown import (
    birth_day_text,
    day_text,
    moment_text,
    number_text,
    stored_day_text,
    stored_moment_text,
)
from ui.main_window import MainWindow
from wallet.app.importing import import_paths

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"  # issued 2023-09-27T13:54:17+02:00
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"  # its name has no language
ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# The sealed EDC as each interface language shows it: issue date, date of birth
# (1999-10-01T22:00:00Z, midnight of 2 October in Prague), workload.
SHOWN = {
    "cs": ("27. 9. 2023", "2. 10. 1999", "2 ECTS"),
    "en": ("27 Sep 2023", "2 Oct 1999", "2 ECTS"),
}


@pytest.fixture
def interface_locale() -> Iterator[None]:
    """The default QLocale is process-wide: put it back for the next test."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(params=["cs", "en"])
def window_in(request: pytest.FixtureRequest, kredo: KredoApp, qtbot: QtBot,
              interface_locale: None) -> Iterator[tuple[str, MainWindow]]:
    """The real window, in one interface language, with the sealed EDC and an OB 3.0; the
    translators go back to English after (they are installed on the one QApplication)."""
    lang = str(request.param)
    list(import_paths(kredo.session.repository(), [SEALED, OB3]))
    kredo.change_language(lang)
    window = kredo.window
    assert window is not None
    qtbot.addWidget(window)
    window.reload()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=20_000)
    yield lang, window
    kredo.translation.use("en")


def _open(qtbot: QtBot, window: MainWindow, title_part: str) -> int:
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, 0)
        if title_part in str(index.data()):
            window.cards.setCurrentIndex(index)
            qtbot.waitUntil(lambda: window.detail.current is not None
                            and title_part in window.detail.heading.text(), timeout=20_000)
            return row
    raise AssertionError(f"no card titled {title_part!r}")


def test_the_card_shows_the_date_and_ects_the_interface_language_way(
        qtbot: QtBot, window_in: tuple[str, MainWindow]) -> None:
    # GIVEN the window in Czech or English with the sealed EDC imported
    lang, window = window_in
    issued, _, ects = SHOWN[lang]
    # WHEN its card's facts line is read
    row = _open(qtbot, window, "micro-credential")
    facts = card_facts(window.proxy.index(row, 0))
    # THEN the date is the language's, and no ISO date is left
    assert facts.startswith(f"{issued}  ·  {ects}"), facts
    assert not ISO_DAY.search(facts), facts


def test_the_detail_shows_localised_dates_and_the_birth_date_as_meant(
        qtbot: QtBot, window_in: tuple[str, MainWindow]) -> None:
    # GIVEN the window in Czech or English with the sealed EDC imported
    lang, window = window_in
    issued, born, ects = SHOWN[lang]
    # WHEN its detail is opened
    _open(qtbot, window, "micro-credential")
    text = window.detail.body.toPlainText()
    # THEN the issue date and the date of birth (2 October, not 1 October 22:00 UTC) are the
    # language's, and no ISO timestamp or date is left in the Annex I table
    assert issued in text
    assert born in text
    assert ects in text
    assert not ISO_TIMESTAMP.search(text), text
    assert not ISO_DAY.search(text), text


def test_no_language_box_for_a_credential_without_a_language_choice(
        qtbot: QtBot, window_in: tuple[str, MainWindow]) -> None:
    # GIVEN the window with an Open Badge whose name carries no language tag ("und")
    _, window = window_in
    # WHEN it is opened
    _open(qtbot, window, "Teamwork")
    # THEN there is no language to choose, so no credential-language box, and the code is
    # nowhere
    assert not window.detail.language.isVisibleTo(window.detail)
    assert not window.detail.language_label.isVisibleTo(window.detail)
    assert "und" not in window.detail.body.toPlainText().split()


@pytest.mark.parametrize(("language", "expected"), [
    (QLocale.Language.Czech, ("27. 9. 2023", "2,5", "1 234,5")),
    (QLocale.Language.English, ("27 Sep 2023", "2.5", "1,234.5")),
])
def test_one_helper_writes_days_and_numbers_per_language(
        interface_locale: None, language: QLocale.Language, expected: tuple[str, str, str],
) -> None:
    # GIVEN the interface locale
    QLocale.setDefault(QLocale(language))
    # WHEN a day, a fraction and a large number are written
    shown = (day_text(date(2023, 9, 27)), number_text(2.5), number_text(1234.5))
    # THEN they are the language's (Czech groups thousands with a no-break space)
    assert tuple(s.replace("\N{NO-BREAK SPACE}", " ") for s in shown) == expected
    assert number_text(4.0) == "4"


@pytest.mark.parametrize(("written", "meant"), [
    ("1999-10-02", "2. 10. 1999"),  # a bare date is that date
    ("1999-10-01T22:00:00Z", "2. 10. 1999"),  # Prague's midnight in summer time
    ("1999-12-01T23:00:00Z", "2. 12. 1999"),  # and in winter time
    ("1999-10-02T00:00:00Z", "2. 10. 1999"),  # a UTC midnight
    ("1999-10-02T05:00:00Z", "2. 10. 1999"),  # New York's midnight: west of UTC, same day
    ("1999-10-02T00:00:00+02:00", "2. 10. 1999"),  # the issuer's own offset: its date part
    ("1999-10-01T23:30:00-05:00", "1. 10. 1999"),  # as written, whatever the time
    ("2. 10. 1999", "2. 10. 1999"),  # not ISO: shown as it is
])
def test_a_date_of_birth_is_the_calendar_day_the_issuer_meant(
        interface_locale: None, written: str, meant: str) -> None:
    # GIVEN the Czech interface
    QLocale.setDefault(QLocale(QLocale.Language.Czech))
    # WHEN a date of birth, as issuers write it, is shown
    # THEN it is the day the issuer meant
    assert birth_day_text(written) == meant


def test_a_stored_date_time_shows_the_day_it_was_written_with(interface_locale: None) -> None:
    # GIVEN the English interface and the wallet index's text for the sealed EDC
    QLocale.setDefault(QLocale(QLocale.Language.English))
    # WHEN it is shown: the day in the issuer's offset, not moved to UTC or the local zone
    # THEN the date is the one written; text that is no date is left alone
    assert stored_day_text("2023-09-27T00:30:00+02:00") == "27 Sep 2023"
    assert stored_day_text("sometime") == "sometime"


@pytest.fixture
def prague_clock() -> Iterator[None]:
    """The machine's clock in Prague (CET, UTC+1 in December), put back after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Prague"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(("language", "expected"), [
    (QLocale.Language.Czech, "7. 12. 2026 4:02"),
    (QLocale.Language.English, "7 Dec 2026 04:02"),
])
def test_an_instant_is_shown_as_date_and_time_on_the_local_clock(
        interface_locale: None, prague_clock: None, language: QLocale.Language,
        expected: str) -> None:
    # GIVEN the interface language and a machine in Prague
    QLocale.setDefault(QLocale(language))
    # WHEN an instant stored in UTC (03:02Z, as the wallet writes "checked at") is shown
    # THEN it is the language's date and the local time (04:02 in Prague)
    assert stored_moment_text("2026-12-07T03:02:41+00:00") == expected
    assert moment_text(datetime(2026, 12, 7, 3, 2, tzinfo=UTC)) == expected
    # AND an instant without an offset is the wallet's UTC; text that is none is left alone
    assert stored_moment_text("2026-12-07T03:02:41") == expected
    assert stored_moment_text("yesterday") == "yesterday"
