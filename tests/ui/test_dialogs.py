"""Europass export, PDF export, settings, backup, lock and unlock in the real app."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE, VECTORS, Settle
from ui.app import KredoApp
from ui.export_dialogs import EuropassDialog, write_pdf
from ui.main_window import MainWindow
from ui.session import WalletSession
from ui.settings_dialog import SettingsDialog
from wallet.app.importing import import_paths
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"


def _import(opened: OpenWallet, *paths: Path) -> list[int]:
    return [o.id for o in import_paths(opened.repository, list(paths)) if o.id is not None]


def test_europass_export_writes_sealed_originals_byte_identical(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    ids = _import(opened, SEALED, OB3)
    dialog = EuropassDialog(session, ids)
    dialog.open_folder.setChecked(False)
    qtbot.addWidget(dialog)
    settle()
    # the preview says which one Europass will not take, and why
    verdicts = [dialog.preview.topLevelItem(i).text(1) for i in range(2)]
    assert verdicts[0] == "will be exported unchanged"
    assert "PDF" in verdicts[1]
    dialog.export_originals(tmp_path / "out")
    settle()
    written = [p for p in (tmp_path / "out").iterdir() if p.suffix == ".jsonld"]
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in written] == [
        hashlib.sha256(SEALED.read_bytes()).hexdigest()]
    assert (tmp_path / "out" / "README.txt").exists()


def test_europass_cv_from_the_dialog(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    ids = _import(opened, MUNI)
    dialog = EuropassDialog(session, ids)
    dialog.open_folder.setChecked(False)
    qtbot.addWidget(dialog)
    settle()
    dialog.cv.setChecked(True)
    dialog.with_pdf.setChecked(True)
    dialog.export_cv(tmp_path / "cv.xml")
    settle()
    xml = (tmp_path / "cv.xml").read_text(encoding="utf-8")
    assert "Candidate" in xml and "Foundations of Data Analysis in Python" in xml
    assert (tmp_path / "cv.pdf").read_bytes()[:5] == b"%PDF-"


def test_pdf_export_from_the_window(
    window: MainWindow, session: WalletSession, opened: OpenWallet, settle: Settle,
    tmp_path: Path
) -> None:
    [credential_id] = _import(opened, SEALED)
    out = tmp_path / "credential.pdf"
    write_pdf(session, credential_id, out, window)
    settle()
    assert out.read_bytes()[:5] == b"%PDF-"
    assert [e.form for e in opened.repository.share_log()] == ["pdf"]


def test_settings_are_saved_and_issuers_trusted(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    settle()
    dialog.new_issuer.setText("did:web:example.cz")
    dialog.add_issuer()
    settle()
    assert dialog.trusted.count() == 1
    dialog.lock_minutes.setValue(3)
    dialog.online.setChecked(True)
    with qtbot.waitSignal(dialog.language_changed, timeout=10_000) as signal:
        dialog.language.setCurrentIndex(dialog.language.findData("cs"))
        dialog.save()
        settle()
    assert signal.args == ["cs"]
    settings = opened.repository.settings()
    assert (settings["lock_minutes"], settings["online_checks"], settings["language"]) == (
        "3", "1", "cs")


def test_lock_closes_the_database_and_unlock_opens_it(
    kredo: KredoApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kredo.window is not None
    # WHEN the learner presses Ctrl+L
    kredo.window.act_lock.trigger()
    # THEN the database is closed and the window hidden behind the lock screen
    assert kredo.session.locked
    assert not kredo.window.isVisible()
    assert kredo.lock_screen is not None and kredo.lock_screen.isVisible()
    # AND a wrong passphrase keeps it locked, the right one opens it again
    monkeypatch.setenv("KREDO_PASSPHRASE", "wrong passphrase")
    monkeypatch.setattr("ui.app.show_error", lambda parent, exc: None)
    kredo.unlock()
    assert kredo.session.locked
    monkeypatch.setenv("KREDO_PASSPHRASE", PASSPHRASE)
    kredo.unlock()
    assert not kredo.session.locked
    assert kredo.window.isVisible()


def test_language_switch_rebuilds_the_window_in_czech(qtbot: QtBot, kredo: KredoApp) -> None:
    assert kredo.window is not None
    assert kredo.window.act_import.text() == "&Import…"
    try:
        kredo.change_language("cs")
        qtbot.addWidget(kredo.window)
        assert kredo.window.act_import.text() == "&Importovat…"
    finally:
        kredo.change_language("en")


def test_targets_from_the_desktop_entry_are_imported_or_received(
    qtbot: QtBot, kredo: KredoApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl

    from ui.app import open_targets

    assert kredo.window is not None
    offers: list[str | None] = []
    monkeypatch.setattr(kredo.window, "receive", offers.append)
    open_targets(kredo, [QUrl.fromLocalFile(str(MUNI)).toString(),
                         "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fx"])
    qtbot.waitUntil(lambda: kredo.session.repository().count() == 1, timeout=20_000)
    assert offers == ["openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fx"]
