"""The verification panel shows a typed report in the interface language of the moment, even
one made or saved in another language; a presentation's credentials each get their checks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS
from ui.status_chip import chip_colour
from ui.verify_panel import VerifyPanel
from wallet.app.verifying import VerifyRequest, verify_options, verify_received
from wallet.translation import current_language, set_language
from wallet.verify.report import VerificationReport

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"


def _czech_report() -> VerificationReport:
    before = current_language()
    set_language("cs")
    try:
        return verify_received(SEALED.read_bytes(), verify_options(VerifyRequest()))
    finally:
        set_language(before)


@pytest.fixture
def english_in_lisbon(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English dates, and the machine's clock in Lisbon (UTC+0 in November)."""
    locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    time.tzset()
    yield
    QLocale.setDefault(locale)
    monkeypatch.undo()
    time.tzset()


def test_a_report_made_in_czech_is_shown_in_english_after_a_language_switch(
    qtbot: QtBot, english_in_lisbon: None,
) -> None:
    # GIVEN a report made while the interface spoke Czech, as the wallet saved it
    czech = _czech_report()
    saved = VerificationReport.from_json(czech.to_json())
    assert current_language() == "en"
    # WHEN the panel shows it in the English interface
    panel = VerifyPanel()
    qtbot.addWidget(panel)
    panel.show_report(saved, checked_at="2026-11-02T10:15:00+00:00", mode="offline")
    # THEN every check's sentence is English, and none is the Czech one it was saved with
    shown = {card.check_id: card.message.text() for card in panel.cards}
    for check in czech.checks:
        assert shown[check.id] == check.message.localized("en")  # type: ignore[attr-defined]
        assert shown[check.id] != check.message
    assert panel.status == "partially_verified"
    assert panel.when.text() == "Checked 2 Nov 2026 10:15 (offline)."
    # AND the issuer line is built from the typed issuer
    assert czech.issuer is not None and czech.issuer.name is not None
    assert czech.issuer.name in panel.issuer.text()


def test_the_panel_speaks_czech_when_the_interface_does(qtbot: QtBot) -> None:
    english = verify_received(SEALED.read_bytes(), verify_options(VerifyRequest()))
    panel = VerifyPanel()
    qtbot.addWidget(panel)
    before = current_language()
    set_language("cs")
    try:
        panel.show_report(english)
    finally:
        set_language(before)
    signature = next(card for card in panel.cards if card.check_id == "signature")
    message = english.check("signature").message  # type: ignore[union-attr]
    assert signature.message.text() == message.localized("cs")  # type: ignore[attr-defined]
    assert signature.message.text() != message


UNSUPPORTED = (
    VECTORS.parent / "realworld" / "w3c-di" / "eddsa-2022-draft-DataInt-signedDataInt.json"
)
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kredo_cs.qm"


def test_could_not_be_checked_has_its_own_words_and_colour_in_both_languages(
    qtbot: QtBot,
) -> None:
    # GIVEN a real credential whose cryptosuite (the eddsa-2022 draft) Kredo does not implement
    report = verify_received(UNSUPPORTED.read_bytes(), verify_options(VerifyRequest()))
    assert report.status.value == "indeterminate"
    panel = VerifyPanel()
    qtbot.addWidget(panel)
    # WHEN the panel shows it
    panel.show_report(report)
    # THEN the verdict reads "Could not be checked", in its own colour (neither the green of a
    # pass nor amber), with one sentence of what it means
    assert "Could not be checked" in panel.verdict.text()
    assert chip_colour("indeterminate").name() in panel.verdict.text()
    assert chip_colour("partially_verified").name() not in panel.verdict.text()
    assert panel.meaning.text().startswith("Could not be checked: this is not a sign of forgery")
    # AND with the Czech interface, the same in Czech
    translator = QTranslator()
    assert translator.load(str(CATALOGUE))
    QCoreApplication.installTranslator(translator)
    try:
        panel.show_report(report)
        assert "Nebylo možné ověřit" in panel.verdict.text()
        assert panel.meaning.text().startswith("Nebylo možné ověřit: nejde o známku padělku")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_status_nobody_publishes_reads_not_published_in_both_languages(
    qtbot: QtBot,
) -> None:
    # GIVEN the EU sealed sample, which carries no revocation status at all
    report = verify_received(SEALED.read_bytes(), verify_options(VerifyRequest()))
    assert report.check("status").status.value == "ok"  # type: ignore[union-attr]
    panel = VerifyPanel()
    qtbot.addWidget(panel)
    # WHEN the panel shows it
    panel.show_report(report)
    # THEN its revocation card says "Not published", with no tick and no OK
    status = next(card for card in panel.cards if card.check_id == "status")
    assert "Not published" in status.title.text()
    assert "✔" not in status.title.text() and "OK" not in status.title.text()
    assert status.accessibleName().endswith("Not published")
    # AND the format check, which did confirm something, keeps its tick
    fmt = next(card for card in panel.cards if card.check_id == "format")
    assert "✔" in fmt.title.text()
    # AND with the Czech interface, the same in Czech
    translator = QTranslator()
    assert translator.load(str(CATALOGUE))
    QCoreApplication.installTranslator(translator)
    try:
        panel.show_report(report)
        status = next(card for card in panel.cards if card.check_id == "status")
        assert "Nezveřejněno" in status.title.text() and "✔" not in status.title.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_checks_expert_details_are_labelled_lines_not_raw_json(qtbot: QtBot) -> None:
    # GIVEN the report of the EU's sealed sample, whose seal check carries expert details
    report = verify_received(SEALED.read_bytes(), verify_options(VerifyRequest()))
    panel = VerifyPanel()
    qtbot.addWidget(panel)
    # WHEN the panel shows it
    panel.show_report(report)
    cards_with_details = [card for card in panel.cards if card.details.text()]
    assert cards_with_details
    for card in cards_with_details:
        text = card.details.text()
        # THEN each card's details read as "Label: value" lines, never as a JSON dump
        assert not text.lstrip().startswith("{"), text
        assert '"details"' not in text
        # AND they are plain text, so nothing a credential carries is read as markup
        assert card.details.textFormat() == Qt.TextFormat.PlainText
    seal = next(card for card in cards_with_details if "Certificate" in card.details.text())
    assert "Algorithm:" in seal.details.text()
