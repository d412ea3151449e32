"""The card list and the sidebar in the interface language: the issuer's and the title's text
the credential gives in it, a badge called a badge, collection totals as the Stacks window adds
them up; and the list's own manners (no sideways scrollbar, an imported card shown, the status
filter following the chips)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.app import KredoApp
from ui.card_delegate import card_facts, kind_label
from ui.credential_model import CredentialRoles
from ui.dates_shown import number_text
from ui.i18n import Translation
from ui.main_window import MainWindow
from ui.session import WalletSession
from wallet.app.importing import import_paths
from wallet.app.stacks import StackSelection, add_to_collection, stack_totals
from wallet.store.wallet import OpenWallet

MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
EMPLOYMENT = VECTORS / "w3c" / "eddsa-rdfc-2022-employ-signedDataInt.json"
OB2 = VECTORS.parent / "realworld" / "1edtech" / "validator-ob2-hosted-assertion.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
UNSEALED = VECTORS / "edc" / "Sample-MC-Annex1-unsigned.jsonld"
UPLOAD = VECTORS / "edc" / "Sample-MC-Annex1-unsigned-uploadable.json"
CZECH_TITLE = "Základy analýzy dat v Pythonu"
ENGLISH_TITLE = "Foundations of Data Analysis in Python"


@pytest.fixture(params=["cs", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translation = Translation(qapp)
    translation.use(str(request.param))
    yield str(request.param)
    translation.use("en")


def _import(opened: OpenWallet, *paths: Path) -> list[int]:
    return [o.id or 0 for o in import_paths(opened.repository, list(paths))]


def _window(qtbot: QtBot, session: WalletSession, settle: Settle, lang: str) -> MainWindow:
    session.lang = lang
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    return window


def _card(window: MainWindow, credential_id: int) -> tuple[str, str]:
    index = window._proxy_index(credential_id)
    return index.data(CredentialRoles.TITLE), index.data(CredentialRoles.ISSUER)


def test_the_muni_card_and_sidebar_speak_the_interface_language(
        qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
        language: str) -> None:
    # GIVEN the bilingual Masaryk University EDC in the wallet
    [muni] = _import(opened, MUNI)
    # WHEN the main window opens in this language
    window = _window(qtbot, session, settle, language)
    # THEN its card and the Issuers sidebar name it in that language
    expected = {"cs": (CZECH_TITLE, "Masarykova univerzita"),
                "en": (ENGLISH_TITLE, "Masaryk University")}[language]
    assert _card(window, muni) == expected
    assert window.sidebar.issuer_texts() == [expected[1]]
    # AND choosing the issuer in the sidebar still finds the card
    issuers = window.sidebar.topLevelItem(4)
    assert issuers is not None and issuers.child(0) is not None
    window.sidebar.setCurrentItem(issuers.child(0))
    settle()
    assert window.proxy.rowCount() == 1


def test_switching_the_language_at_runtime_renames_cards_and_issuers(
        qtbot: QtBot, kredo: KredoApp) -> None:
    # GIVEN the app in English with the Masaryk University EDC
    assert kredo.window is not None
    kredo.window.import_files([MUNI])
    qtbot.waitUntil(lambda: kredo.window is not None and kredo.window.proxy.rowCount() == 1,
                    timeout=20_000)
    muni = int(kredo.window.proxy.index(0, 0).data(CredentialRoles.ID))
    assert _card(kredo.window, muni) == (ENGLISH_TITLE, "Masaryk University")
    try:
        # WHEN the learner switches to Czech (Settings → Language)
        kredo.change_language("cs")
        window = kredo.window
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=20_000)
        # THEN the card and the sidebar speak Czech
        assert _card(window, muni) == (CZECH_TITLE, "Masarykova univerzita")
        assert window.sidebar.issuer_texts() == ["Masarykova univerzita"]
        # AND the list model and the sidebar follow a language change of their own too
        window.model.set_language("en")
        window.sidebar.set_language("en")
        assert _card(window, muni) == (ENGLISH_TITLE, "Masaryk University")
        assert window.sidebar.issuer_texts() == ["Masaryk University"]
    finally:
        kredo.translation.use("en")


def test_badges_are_called_badges_and_other_credentials_neutrally(
        qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle,
        language: str) -> None:
    # GIVEN an OB 3.0 badge, an OB 2.0 badge, an employment VC and an EDC
    badge, old_badge, job, muni = _import(opened, OB3, OB2, EMPLOYMENT, MUNI)
    window = _window(qtbot, session, settle, language)
    words = {"cs": ("Odznak", "Doklad"), "en": ("Badge", "Document")}[language]
    # THEN the badges' cards say Badge, the employment VC's a neutral word, the EDC its format
    labels = {i: kind_label(window._proxy_index(i)) for i in (badge, old_badge, job, muni)}
    assert labels == {badge: words[0], old_badge: words[0], job: words[1], muni: "EDC"}
    assert card_facts(window._proxy_index(badge)).endswith(words[0])
    assert "VC" not in card_facts(window._proxy_index(job))


def test_a_collection_total_counts_each_credential_once_as_stacks_do(
        session: WalletSession, opened: OpenWallet, qtbot: QtBot, settle: Settle,
        language: str) -> None:
    # GIVEN one 2-ECTS credential held as sealed, unsealed and upload wrapper, in a collection
    ids = _import(opened, SEALED, UNSEALED, UPLOAD)
    add_to_collection(opened.repository, "Data", ids)
    # WHEN the window shows the sidebar
    window = _window(qtbot, session, settle, language)
    collections = window.sidebar.topLevelItem(2)
    assert collections is not None and collections.child(0) is not None
    text = collections.child(0).text(0)
    # THEN its total is the Stacks window's: the credential once, not three times
    totals = stack_totals(opened.repository, StackSelection.collection("Data"), language)
    assert totals.total.ects == 2
    assert text == f"Data  ({number_text(2.0)} ECTS)"


def test_no_sideways_scrollbar_on_a_narrow_card_list(
        window: MainWindow, opened: OpenWallet, settle: Settle) -> None:
    # GIVEN cards in a list narrower than a card used to ask for (360 px)
    _import(opened, MUNI, SEALED)
    window.reload()
    window.show()
    window.splitter.setSizes([180, 300, 700])
    settle()
    assert window.cards.viewport().width() < 360
    # THEN there is nothing to scroll sideways
    assert window.cards.horizontalScrollBar().maximum() == 0


def test_a_single_imported_file_is_selected_and_shown(
        window: MainWindow, opened: OpenWallet, settle: Settle) -> None:
    # GIVEN a wallet with one card, selected
    [sealed] = _import(opened, SEALED)
    window.reload()
    settle()
    window.select_id(sealed)
    # WHEN one more file is imported, while the database worker is slow to list the cards
    # (a job queued behind the import holds the worker, as a big wallet would)
    window.import_files([MUNI])
    window.session.call(lambda _repo: time.sleep(0.5), lambda _none: None)
    settle()
    # THEN the new card is the one selected, and the detail shows it
    [muni] = [i for i in opened.repository.ids() if i != sealed]
    assert window.selected_ids() == [muni]
    assert window.detail.current is not None and window.detail.current.stored.id == muni


def test_the_status_filter_follows_a_chip_that_changes(
        window: MainWindow, opened: OpenWallet, settle: Settle) -> None:
    # GIVEN two credentials never checked, and the list filtered to "Verified"
    opened.repository.set_setting("verify_after_import", "0")
    muni, sealed = _import(opened, MUNI, SEALED)
    window.reload()
    settle()
    window.state_filter.setCurrentIndex(window.state_filter.findData("verified"))
    assert window.proxy.rowCount() == 0
    assert window.list_stack.currentWidget() is window.no_match
    # WHEN a background verdict says one of them is verified
    window.model.set_state(sealed, "verified")
    window._show_empty_state()
    # THEN its card appears under the filter at once
    assert window.proxy.rowCount() == 1
    assert window._proxy_index(sealed).isValid() and not window._proxy_index(muni).isValid()
    # AND leaves again when a later verdict fails it
    window.model.set_state(sealed, "failed")
    assert window.proxy.rowCount() == 0
