"""The main window: cards, drop import, search, filters, detail, verification, paste."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.credential_filter import SortKey
from ui.credential_model import CredentialRoles
from ui.import_flow import ImportSummary
from ui.main_window import MainWindow
from wallet.model import CredentialFormat
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def _titles(window: MainWindow) -> list[str]:
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def _drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_drop_import_search_and_filters(
    qtbot: QtBot, window: MainWindow, opened: OpenWallet, settle: Settle,
    qtmodeltester: ModelTester,
) -> None:
    # GIVEN an empty wallet: the hint is shown
    assert window.list_stack.currentWidget() is window.empty_hint
    # WHEN two credential files are dropped on the window
    _drop(window, SEALED, MUNI)
    settle()
    # THEN both are stored and shown as cards with issuer and date
    assert opened.repository.count() == 2
    assert sorted(_titles(window)) == ["Digital micro-credential creation",
                                       "Foundations of Data Analysis in Python"]
    assert window.list_stack.currentWidget() is window.cards
    row = _titles(window).index("Digital micro-credential creation")
    index = window.proxy.index(row, 0)
    assert index.data(CredentialRoles.ISSUER) == "University of Zed"
    assert index.data(CredentialRoles.ISSUED) == "2023-09-27"
    # (checked right after the import: its seal holds, its test CA is on no trusted list)
    assert index.data(CredentialRoles.STATE) == "partially_verified"
    qtmodeltester.check(window.model)
    # AND search without diacritics narrows the list (debounced typing)
    window.search.setText("zaklady")  # the Czech title "Základy analýzy dat v Pythonu"
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 1, timeout=5000)
    assert _titles(window) == ["Foundations of Data Analysis in Python"]
    window.search.clear()
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 2, timeout=5000)
    # AND the format filter keeps only the sealed EDC
    window.format_filter.setCurrentIndex(
        window.format_filter.findData(CredentialFormat.EDC_SEALED.value))
    assert _titles(window) == ["Digital micro-credential creation"]
    window.format_filter.setCurrentIndex(0)
    # AND sorting by title orders them alphabetically
    window.sort_choice.setCurrentIndex(window.sort_choice.findData(SortKey.TITLE))
    assert _titles(window) == sorted(_titles(window))


def test_detail_tags_and_verification_of_a_sealed_and_a_tampered_edc(
    qtbot: QtBot, window: MainWindow, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a sealed EDC and a copy with one byte of its payload changed
    raw = SEALED.read_bytes()
    position = raw.index(b"University of Zed")
    tampered = tmp_path / "tampered.jsonld"
    tampered.write_bytes(raw[:position] + b"Universitx" + raw[position + 10:])
    _drop(window, SEALED, tampered)
    settle()
    verdicts = {}
    for row in range(window.proxy.rowCount()):
        # WHEN each is opened and verified
        window.cards.setCurrentIndex(window.proxy.index(row, 0))
        settle()
        detail = window.detail
        assert "Awarding body" in detail.body.toPlainText()
        assert "Learning outcomes" in detail.body.toPlainText()
        detail.verify(False)
        settle()
        cards = {card.check_id: card.status for card in detail.verify_panel.cards}
        verdicts[detail.current.stored.source] = (detail.verify_panel.status, cards["signature"])
    # THEN the original's seal holds and the tampered copy fails at the signature
    # (the seal is valid; its test CA and test TSA are on no trusted list: a warning, not a failure)
    assert verdicts[str(SEALED)][0] == "partially_verified"
    assert verdicts[str(SEALED)][1] in ("ok", "warning")
    assert verdicts[str(tampered)] == ("failed", "failed")
    # AND the list shows the verdicts as chips
    states = sorted(window.proxy.index(r, 0).data(CredentialRoles.STATE)
                    for r in range(window.proxy.rowCount()))
    assert states == ["failed", "partially_verified"]


def test_notes_and_tags_are_saved_and_tags_appear_in_the_sidebar(
    window: MainWindow, settle: Settle, opened: OpenWallet
) -> None:
    _drop(window, MUNI)
    settle()
    window.cards.setCurrentIndex(window.proxy.index(0, 0))
    settle()
    window.detail.tags.setText("data, python")
    window.detail.note.setPlainText("For the job at ACME")
    window.detail.save_notes()
    settle()
    stored = opened.repository.get(window.detail.current.stored.id)
    assert stored.tags == ("data", "python")
    assert stored.note == "For the job at ACME"
    tags = window.sidebar._tags
    assert sorted(tags.child(i).text(0) for i in range(tags.childCount())) == ["data", "python"]


def test_import_of_junk_shows_a_summary_with_reasons(
    window: MainWindow, settle: Settle, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text('{"not": "a credential"')
    _drop(window, junk, MUNI)
    settle()
    summary = window.last_summary
    assert isinstance(summary, ImportSummary)
    items = range(summary.list.topLevelItemCount())
    results = [summary.list.topLevelItem(i).text(1) for i in items]
    assert "imported" in results
    assert any("JSON" in r for r in results), results
    assert window.proxy.rowCount() == 1


def test_paste_of_a_credential_imports_it(window: MainWindow, settle: Settle) -> None:
    QGuiApplication.clipboard().setText(MUNI.read_text(encoding="utf-8"))
    window.paste()
    settle()
    assert _titles(window) == ["Foundations of Data Analysis in Python"]


@pytest.mark.parametrize("view", ["list", "detail", "verify", "detail-edc", "stacks", "lock"])
def test_screenshot_of_each_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path, view: str
) -> None:
    from ui.app import main as gui_main
    from wallet.app.importing import import_paths
    from wallet.store.wallet import open_wallet

    with open_wallet(home, passphrase_provider=lambda: "ui test passphrase") as wallet:
        list(import_paths(wallet.repository, [SEALED, MUNI]))
    monkeypatch.setenv("KREDO_PASSPHRASE", "ui test passphrase")
    out = tmp_path / "shot.png"
    assert gui_main(["--home", str(home), "--screenshot", str(out), "--lang", "en",
                     "--view", view]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
