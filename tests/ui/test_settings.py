"""Settings: the keyring switch on a real Secret Service, registry files, and the lock time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.store.conftest import secret_service_session  # noqa: F401 - a fixture
from tests.ui.conftest import PASSPHRASE, Settle
from ui.app import KredoApp
from ui.session import WalletSession
from ui.settings_dialog import SettingsDialog
from wallet.app.trust_settings import imported_registries
from wallet.store.keys import key_protection
from wallet.store.wallet import OpenWallet, open_wallet


@pytest.fixture
def dialog(qtbot: QtBot, session: WalletSession, settle: Settle) -> SettingsDialog:
    dialog = SettingsDialog(session)
    qtbot.addWidget(dialog)
    settle()
    return dialog


@pytest.fixture
def real_keyring(secret_service_session: str) -> Iterator[None]:  # noqa: F811
    before = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    yield
    keyring.set_keyring(before)


def test_keyring_switch_moves_the_key_and_back(
    real_keyring: None, dialog: SettingsDialog, session: WalletSession, settle: Settle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The dialog read the key header and found a usable keyring (loaded after the fixture).
    dialog.session.tasks.run(lambda: None, lambda _: None)
    settle()
    assert not dialog.use_keyring.isChecked()
    assert dialog.use_keyring.isEnabled()
    # WHEN the learner ticks the box and types the wallet's passphrase
    monkeypatch.setattr(dialog, "_ask", lambda label, title=None: PASSPHRASE)
    dialog.use_keyring.setChecked(True)
    settle()
    # THEN the key is in the keyring and the wallet opens without asking
    assert key_protection(session.home).in_keyring
    assert "system keyring" in dialog.security_status.text()

    def no_prompt() -> str:
        raise AssertionError("asked for the passphrase although the keyring holds the key")

    monkeypatch.delenv("KREDO_PASSPHRASE", raising=False)
    with open_wallet(session.home, passphrase_provider=no_prompt) as again:
        assert again.repository.count() == 0
    # AND unticking with a wrong passphrase changes nothing and says why
    monkeypatch.setattr(dialog, "_ask", lambda label, title=None: "wrong passphrase")
    dialog.use_keyring.setChecked(False)
    settle()
    assert key_protection(session.home).in_keyring
    assert dialog.use_keyring.isChecked()
    assert any("wrong" in box.text() for box in dialog.findChildren(QMessageBox))
    # AND with the right one the wallet asks for its passphrase again
    monkeypatch.setattr(dialog, "_ask", lambda label, title=None: PASSPHRASE)
    dialog.use_keyring.setChecked(False)
    settle()
    assert not key_protection(session.home).in_keyring
    assert not dialog.use_keyring.isChecked()


def test_a_registry_file_is_imported_and_a_bad_one_refused(
    dialog: SettingsDialog, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    good = tmp_path / "network.json"
    good.write_text(json.dumps({"registry": {
        "did:web:uni.example.cz": {"name": "Example University"},
        "did:web:vsb.example.cz": {"name": "Example Technical University"}}}))
    dialog.import_registry_file(good, "Czech universities")
    settle()
    assert dialog.registries.count() == 1
    assert "Czech universities" in dialog.registries.item(0).text()
    assert "2 issuer" in dialog.registries.item(0).text()

    bad = tmp_path / "broken.json"
    bad.write_text('{"registry": ')
    dialog.import_registry_file(bad, "Broken")
    settle()
    assert [r.name for r in imported_registries(opened.repository)] == ["Czech universities"]
    assert any("not valid JSON" in box.text() or "registry" in box.text()
               for box in dialog.findChildren(QMessageBox))

    dialog.registries.setCurrentRow(0)
    dialog.remove_registry()
    settle()
    assert dialog.registries.count() == 0
    assert imported_registries(opened.repository) == ()


def test_a_new_lock_time_applies_at_once(qtbot: QtBot, kredo: KredoApp) -> None:
    assert kredo.window is not None
    kredo.window.settings()
    dialog = kredo.window.settings_dialog
    qtbot.waitUntil(lambda: not kredo.tasks.busy, timeout=20_000)
    dialog.lock_minutes.setValue(3)
    with qtbot.waitSignal(dialog.lock_minutes_changed, timeout=10_000):
        dialog.save()
    assert kredo.idle.minutes == 3
