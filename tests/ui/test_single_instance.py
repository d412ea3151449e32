"""A second launch hands its files and offer links to the running Kredo instead of opening
a second window: in-process, across two real processes, and while the wallet is locked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSPHRASE, VECTORS
from ui.app import KredoApp
from ui.single_instance import InstanceServer, absolute_targets, hand_over, server_name
from wallet.store.wallet import open_wallet

MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
OFFER = "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fo%2F1"


def test_targets_reach_the_listening_instance(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "wallet")
    assert not hand_over(name, ["nobody listens"])
    server = InstanceServer(name)
    try:
        assert server.listening
        with qtbot.waitSignal(server.received, timeout=5000) as got:
            assert hand_over(name, [OFFER, str(MUNI)])
        assert got.args == [[OFFER, str(MUNI)]]
        # Garbage on the socket is ignored, and the server keeps listening.
        with qtbot.waitSignal(server.received, timeout=5000) as got:
            assert hand_over(name, [])
        assert got.args == [[]]
    finally:
        server.close()


def test_names_differ_per_wallet_and_relative_paths_become_absolute(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    made = absolute_targets(["badge.json", OFFER, "file:///tmp/x.jsonld"], cwd=tmp_path)
    assert made == [str(tmp_path / "badge.json"), OFFER, "file:///tmp/x.jsonld"]


def test_a_target_handed_over_while_locked_waits_for_the_unlock(
    qtbot: QtBot, kredo: KredoApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    kredo.lock()
    kredo.bring_forward([str(MUNI)])
    assert kredo.pending_targets == [str(MUNI)]
    monkeypatch.setenv("KREDO_PASSPHRASE", PASSPHRASE)
    kredo.unlock()
    qtbot.waitUntil(lambda: kredo.session.repository().count() == 1, timeout=20_000)
    assert kredo.pending_targets == []


@pytest.mark.slow
def test_a_second_kredo_gui_hands_its_file_to_the_first(qtbot: QtBot, home: Path) -> None:
    env = {**os.environ, "KREDO_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "ui.app", "--home", str(home), "--lang", "en"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        name = server_name(home)
        deadline = time.monotonic() + 60
        while not hand_over(name, []):
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first instance never listened"
            time.sleep(0.2)
        # WHEN the desktop opens a credential file with a relative path from another folder
        second = subprocess.run([*command, MUNI.name], env=env, cwd=MUNI.parent,
                                capture_output=True, timeout=60, check=False)
        # THEN the second launch ends at once and the first one imports the file
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
        deadline = time.monotonic() + 60
        while True:
            with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as wallet:
                if wallet.repository.count() == 1:
                    break
            assert time.monotonic() < deadline, "the first instance did not import the file"
            time.sleep(0.3)
    finally:
        first.terminate()
        first.communicate(timeout=30)
