"""The detail view shows each real credential in the template that fits it: an Open Badge
3.0 as a badge, a work permit by its claims, an EBSI diploma and an edubadges micro-credential
with their titles, names and credits; languages and issuers by name; nothing a credential says
can bring markup into the view."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.app import KredoApp
from ui.credential_html import credential_html
from ui.issuer_names import IssuerEntry
from ui.main_window import MainWindow
from ui.sidebar import Sidebar
from wallet.app.importing import import_paths
from wallet.formats import parse_credentials
from wallet.model import Credential

REALWORLD = VECTORS.parent / "realworld"
DCC_BADGE = REALWORLD / "dcc" / "v1-ob3-ed25519signature2020-didkey.json"
DCC_PROFILE = REALWORLD / "dcc" / "v2-ob3-eddsa-rdfc-2022-not-yet-valid.json"
EDUBADGES = REALWORLD / "edubadges" / "educredentials-ob3-microcredential-ects-unsigned.json"
EBSI_DIPLOMA = REALWORLD / "ebsi" / "waltid-VerifiableDiploma-unsigned.json"
WORK_PERMIT = REALWORLD / "w3c-di" / "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json"
OB3_1EDTECH = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
MUNI_EDC = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
HOSTILE = "<script>alert(1)</script><img src=http://tracker.example/x.png>"


def _open(qtbot: QtBot, window: MainWindow, title_part: str) -> None:
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, 0)
        if title_part in str(index.data()):
            window.cards.setCurrentIndex(index)
            qtbot.waitUntil(lambda: window.detail.current is not None
                            and title_part in window.detail.heading.text(), timeout=20_000)
            return
    raise AssertionError(f"no card titled {title_part!r}")


def _shown(window: MainWindow, *paths: Path, settle: Settle) -> MainWindow:
    list(import_paths(window.session.repository(), list(paths)))
    window.reload()
    settle()
    return window


def _rendered(credential: Credential, qtbot: QtBot, lang: str = "en") -> QTextBrowser:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(credential_html(credential, lang, lang))
    return browser


def test_an_open_badge_is_shown_as_a_badge(qtbot: QtBot, window: MainWindow,
                                           settle: Settle) -> None:
    # GIVEN the DCC's OB 3.0 test credential in the wallet
    _shown(window, DCC_BADGE, settle=settle)
    # WHEN it is opened
    _open(qtbot, window, "DCC Test Credential")
    text = window.detail.body.toPlainText()
    html = window.detail.body.toHtml()
    # THEN it is an Open Badge with its chip, achievement type, criteria and issuer profile,
    # its picture named by address (not downloaded) and no sealing organisation
    assert "Open Badge 3.0" in text and "Badge" in text
    assert "W3C Verifiable Credential" not in text
    assert "Achievement type" in text and "Diploma" in text
    assert "demonstrated proficiency in the Python programming language" in text
    assert "Digital Credentials Consortium Test Issuer" in text
    assert "https://dcconsortium.org" in text
    assert "https://user-images.githubusercontent.com/752326/214947713" in text
    assert "not downloaded" in text
    assert "Sealing organisation" not in text
    assert "<img" not in html


def test_a_badge_shows_its_alignments_and_issuer_email(qtbot: QtBot) -> None:
    # GIVEN the edubadges micro-credential and a DCC badge with a full issuer profile
    edubadges = _rendered(parse_credentials(EDUBADGES.read_bytes())[0], qtbot).toPlainText()
    profile = _rendered(parse_credentials(DCC_PROFILE.read_bytes())[0], qtbot).toPlainText()
    # THEN the alignments are listed with their type and address as text, the credits and the
    # quality assurance are shown as such (not as a learning outcome), and the e-mail is there
    assert "Alignments" in edubadges
    assert "M Psychological Assessment" in edubadges
    assert "https://data.example.com/decisions/AV-4223" in edubadges
    assert "3 ECTS" in edubadges
    assert "Quality assurance" in edubadges
    assert "Learning outcomes" not in edubadges
    assert "Sealing organisation" not in edubadges
    assert "horse@better.edu" in profile and "https://bestest.edu" in profile


def test_a_work_permit_shows_its_claims_not_an_empty_annex(qtbot: QtBot, window: MainWindow,
                                                           settle: Settle) -> None:
    # GIVEN the W3C employment authorization document in the wallet
    _shown(window, WORK_PERMIT, settle=settle)
    # WHEN it is opened
    _open(qtbot, window, "Employment Authorization Document")
    text = window.detail.body.toPlainText()
    # THEN its kind, issuer, dates and claims are shown, none of them "not stated", named in
    # words (not by their JSON terms), dates as dates; its photo is among the pictures above
    # the text
    assert "Employment authorization document credential" in text
    assert "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76" in text
    for claim in ("Given name", "JOHN", "Family name", "SMITH", "Country of birth", "Bahamas",
                  "Permanent resident category", "C09", "Permanent resident number",
                  "999-999-999", "Date of birth", "Resident since"):
        assert claim in text
    assert "not stated" not in text
    assert "Learning outcomes" not in text
    assert "1999-07-17" not in text and "2015-01-01" not in text
    assert window.detail.image_scroller.isVisibleTo(window.detail)


def test_an_ebsi_diploma_shows_title_full_name_and_ects(qtbot: QtBot) -> None:
    # GIVEN walt.id's EBSI VerifiableDiploma
    text = _rendered(parse_credentials(EBSI_DIPLOMA.read_bytes())[0], qtbot).toPlainText()
    # THEN the diploma's title, the learner's full name, the credits and the awarding
    # university are shown
    assert "MASTERS LAW, ECONOMICS AND MANAGEMENT" in text
    assert "Jane DOE" in text
    assert "120 ECTS" in text
    assert "Leaston University" in text


def test_nothing_a_credential_says_becomes_markup(qtbot: QtBot) -> None:
    # GIVEN a real badge and a real work permit whose names and claims were made hostile
    badge = json.loads(OB3_1EDTECH.read_text(encoding="utf-8"))
    badge["issuer"]["name"] = HOSTILE
    badge["credentialSubject"]["achievement"]["name"] = HOSTILE
    badge["credentialSubject"]["achievement"]["criteria"]["narrative"] = HOSTILE
    permit = json.loads(WORK_PERMIT.read_text(encoding="utf-8"))
    permit["credentialSubject"]["givenName"] = HOSTILE
    permit["credentialSubject"]["<b>claim</b>"] = HOSTILE
    for document in (badge, permit):
        credential = parse_credentials(json.dumps(document).encode())[0]
        # WHEN each is shown
        html = credential_html(credential, "en", "en")
        browser = _rendered(credential, qtbot)
        # THEN the hostile text is shown as text: no script, no image from the network
        assert "<script" not in html and "<img" not in html and "<b>claim" not in html
        assert HOSTILE in browser.toPlainText()
        assert "tracker.example" not in browser.toHtml().split("&lt;img")[0]


@pytest.fixture
def interface_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture(params=["cs", "en"])
def bilingual_in(request: pytest.FixtureRequest, kredo: KredoApp, qtbot: QtBot,
                 interface_locale: None) -> Iterator[tuple[str, MainWindow]]:
    """The real window in one interface language with the Czech–English EDC imported."""
    lang = str(request.param)
    list(import_paths(kredo.session.repository(), [MUNI_EDC, EBSI_DIPLOMA, DCC_BADGE]))
    kredo.change_language(lang)
    window = kredo.window
    assert window is not None
    qtbot.addWidget(window)
    window.reload()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=20_000)
    yield lang, window
    kredo.translation.use("en")


def test_a_bilingual_credential_follows_the_interface_language(
        qtbot: QtBot, bilingual_in: tuple[str, MainWindow]) -> None:
    lang, window = bilingual_in
    title = {"cs": "Základy analýzy dat v Pythonu",
             "en": "Foundations of Data Analysis in Python"}[lang]
    # WHEN the Masaryk University EDC (titles and names in cs and en) is opened
    _open(qtbot, window, title)
    text = window.detail.body.toPlainText()
    box = window.detail.language
    # THEN its title and its university are in the interface language, and the language box
    # names the languages in words
    assert title in window.detail.heading.text()
    university = {"cs": "Masarykova univerzita", "en": "Masaryk University"}
    assert university[lang] in text
    assert university["en" if lang == "cs" else "cs"] not in text
    names = [box.itemText(i) for i in range(box.count())]
    assert names == {"cs": ["čeština", "angličtina"], "en": ["Czech", "English"]}[lang]
    assert box.currentText() == names[0 if lang == "cs" else 1]
    languages_row = {"cs": "čeština, angličtina", "en": "Czech, English"}[lang]
    assert languages_row in text


def test_the_sidebar_lists_issuers_by_name(bilingual_in: tuple[str, MainWindow]) -> None:
    # GIVEN the window with the EDC, the EBSI diploma and the DCC badge
    _, window = bilingual_in
    issuers = window.sidebar.topLevelItem(4)
    assert issuers is not None
    shown = [issuers.child(i).text(0) for i in range(issuers.childCount())]
    # THEN each issuer is listed by its name, none by a DID
    assert "Leaston University" in shown
    assert "Digital Credentials Consortium Test Issuer" in shown
    assert not any(name.startswith("did:") for name in shown), shown


def test_an_issuer_known_only_by_its_identifier_is_shortened_with_the_whole_as_tooltip(
        qtbot: QtBot) -> None:
    # GIVEN issuers as the list keeps them: a name, an https identifier, a did:key
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    did = "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76"
    sidebar.set_groups([], [], [IssuerEntry(key) for key in (
        "Naboo Theed University", "https://vc.example/issuers/5678", did)])
    issuers = sidebar.topLevelItem(4)
    assert issuers is not None
    items = [issuers.child(i) for i in range(issuers.childCount())]
    # THEN the name is shown as it is, an identifier shortened, the whole one as the tooltip
    # (in the order of what is shown)
    assert [i.text(0) for i in items] == ["did:key:zDnaeg…TyfU76", "Naboo Theed University",
                                          "vc.example/issuers/5678"]
    assert [i.toolTip(0) for i in items] == [did, "Naboo Theed University",
                                             "https://vc.example/issuers/5678"]


def test_the_workload_unit_is_in_the_interface_language_whatever_the_credential_is_read_in(
        qtbot: QtBot) -> None:
    # GIVEN the EU's sealed sample, written only in English (2 ECTS, 60 hours)
    sealed = parse_credentials((VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld")
                               .read_bytes())[0]
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    # WHEN it is read in English in a Czech interface
    browser.setHtml(credential_html(sealed, "en", "cs"))
    text = browser.toPlainText()
    # THEN the unit after the hours is Kredo's Czech word, not the credential's language
    assert "60 hodin" in text
    assert "hours" not in text


def test_a_badge_and_a_work_permit_read_in_the_interface_language(
        qtbot: QtBot, bilingual_in: tuple[str, MainWindow], settle: Settle) -> None:
    lang, window = bilingual_in
    _shown(window, WORK_PERMIT, settle=settle)
    # WHEN the DCC badge and the W3C work permit are opened in the window
    _open(qtbot, window, "DCC Test Credential")
    badge = window.detail.body.toPlainText()
    _open(qtbot, window, "Employment Authorization Document")
    permit = window.detail.body.toPlainText()
    # THEN the labels Kredo writes around what they say are in the interface language
    words = {"cs": ("Obrázek odznaku", "Druh certifikátu"),
             "en": ("Badge image", "Kind of credential")}[lang]
    assert words[0] in badge
    assert words[1] in permit
    if lang == "cs":
        assert "Badge image" not in badge
        assert "What the credential says about its subject" not in permit
    # AND the work permit's claims are named in that language, its dates written its way
    claims = {"cs": ("Jméno", "Příjmení", "Země narození", "Pobyt od", "1. 1. 2015",
                     "Datum narození", "17. 7. 1999"),
              "en": ("Given name", "Family name", "Country of birth", "Resident since",
                     "1 Jan 2015", "Date of birth", "17 Jul 1999")}[lang]
    for claim in claims:
        assert claim in permit
    if lang == "cs":
        for english in ("Given name", "Family name", "Birth country", "Resident since"):
            assert english not in permit


def test_a_badge_shows_its_markdown_criteria_once_in_sentence_case(qtbot: QtBot) -> None:
    # GIVEN the DCC badge, whose criteria narrative is Markdown ("**February 17, 2023**")
    # and which states no assessment of its own
    browser = _rendered(parse_credentials(DCC_BADGE.read_bytes())[0], qtbot)
    text, html = browser.toPlainText(), browser.toHtml()
    # THEN the dates are bold, not wrapped in asterisks, the narrative is shown once (as the
    # criteria, not again as the assessment), and every label is in sentence case
    assert "**" not in text
    assert "February 17, 2023" in text
    assert "font-weight:700" in html or "font-weight:600" in html
    assert text.count("demonstrated proficiency in the Python programming language") == 1
    assert "Assessment" not in text
    assert "Achievement type" in text and "Credential identifier" in text


def test_a_badges_assessment_distinct_from_its_criteria_is_kept(qtbot: QtBot) -> None:
    # GIVEN the DCC badge with an assessment type of its own
    document = json.loads(DCC_BADGE.read_text(encoding="utf-8"))
    document["credentialSubject"]["achievement"]["assessmentType"] = "Written exam"
    browser = _rendered(parse_credentials(json.dumps(document).encode())[0], qtbot)
    text = browser.toPlainText()
    # THEN it is shown under its sentence-case label, and the criteria still once
    assert "Assessment type" in text and "Written exam" in text
    assert "Assessment Type" not in text
    assert text.count("demonstrated proficiency in the Python programming language") == 1


def test_markdown_in_a_badge_brings_no_markup_beyond_the_safe_subset(qtbot: QtBot) -> None:
    # GIVEN a badge whose Markdown criteria and description carry raw HTML, a link, a
    # picture, an HTML entity and a list
    badge = json.loads(OB3_1EDTECH.read_text(encoding="utf-8"))
    badge["credentialSubject"]["achievement"]["criteria"]["narrative"] = (
        "Pass **the <b>exam</b>** and *see* [the rules](http://tracker.example/r?a=1&b=2)\n"
        "![pixel](http://tracker.example/p.png) &amp; <a href='http://x.example'>x</a>\n\n"
        "- first <img src=http://tracker.example/i.png>\n- second **step**")
    badge["credentialSubject"]["achievement"]["description"] = "<script>alert(1)</script>"
    credential = parse_credentials(json.dumps(badge).encode())[0]
    # WHEN it is shown
    html = credential_html(credential, "en", "en")
    text = _rendered(credential, qtbot).toPlainText()
    # THEN only the subset becomes markup: bold, italic, a list; the link and the picture are
    # their labels and addresses as text, the raw HTML is text
    assert "<b>the &lt;b&gt;exam&lt;/b&gt;</b>" in html and "<i>see</i>" in html
    assert "<li>first &lt;img" in html and "<li>second <b>step</b></li>" in html
    for tag in ("<a ", "<img", "<script"):
        assert tag not in html
    assert "the rules (http://tracker.example/r?a=1&b=2)" in text
    assert "pixel (http://tracker.example/p.png)" in text
    assert "&amp; <a href='http://x.example'>x</a>" in text
    assert "<script>alert(1)</script>" in text
