"""`kredo init` and `kredo passphrase` follow the same passphrase rules as the desktop app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Kredo


def test_init_refuses_a_passphrase_the_desktop_app_would_refuse(
    kredo: Kredo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KREDO_PASSPHRASE", "short")
    refused = kredo("init", "--passphrase")
    assert refused.code == 2
    assert refused.err == "kredo: Choose a passphrase of at least 8 characters.\n"
    assert not Path(kredo.home).exists() or not any(Path(kredo.home).iterdir())  # type: ignore[attr-defined]


def test_a_changed_passphrase_must_be_long_enough(
    kredo: Kredo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kredo("init", "--passphrase").code == 0
    monkeypatch.setenv("KREDO_NEW_PASSPHRASE", "1234")
    assert kredo("passphrase").code == 2
    assert kredo("list").code == 0  # the old passphrase still opens the wallet
    monkeypatch.setenv("KREDO_NEW_PASSPHRASE", "a much better passphrase")
    assert kredo("passphrase").code == 0
    assert kredo("list").code == 2  # KREDO_PASSPHRASE is the old one now
    monkeypatch.setenv("KREDO_PASSPHRASE", "a much better passphrase")
    assert kredo("list").code == 0
