"""Fixtures for the store tests: fast Argon2 parameters (explicit), wallets, credentials,
and a real Secret Service keyring on a private D-Bus session."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyring.backends import fail

from wallet.app.wallet_setup import create_wallet
from wallet.model import (
    Credential,
    CredentialFormat,
    LangText,
    MicroCredentialView,
    Organisation,
)
from wallet.store.kdf import Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.wallet import open_wallet

# Cheap parameters so a test run stays fast; production code never defaults to these.
FAST_KDF = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"

MakeCredential = Callable[..., Credential]


@pytest.fixture(autouse=True)
def _no_passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KREDO_PASSPHRASE", raising=False)
    monkeypatch.delenv("KREDO_HOME", raising=False)


@pytest.fixture
def no_keyring() -> KeyringSecretStore:
    """The keyring package's own "no backend" keyring, as on a headless machine."""
    return KeyringSecretStore(fail.Keyring())


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "wallet"


@pytest.fixture
def make_credential() -> MakeCredential:
    def make(n: int = 0, *, title_cs: str = "Základy programování",
             title_en: str = "Programming basics", marker: str = "",
             ects: float | None = 2.0, learner: str = "Jana Nováková",
             issuer: str = "Masarykova univerzita", outcomes: tuple[str, ...] = (),
             description: str | None = None) -> Credential:
        document = {"@context": ["https://www.w3.org/ns/credentials/v2"],
                    "type": ["VerifiableCredential"], "id": f"urn:uuid:test-{n}",
                    "name": title_en, "note": marker}
        raw = (f'{{"id":"urn:uuid:test-{n}","name":"{title_en}","marker":"{marker}",'
               f'"learner":"{learner}"}}').encode()
        view = MicroCredentialView(
            title=LangText({"cs": title_cs, "en": title_en}),
            learner_name=LangText.plain(learner),
            awarding_body=Organisation(name=LangText({"cs": issuer})),
            issued=datetime(2025, 6, 1, 12, 0, tzinfo=UTC),
            ects=ects, eqf_level=6,
            description=LangText.plain(description) if description else None,
            learning_outcomes=tuple(LangText({"cs": o}) for o in outcomes),
        )
        return Credential(raw=raw, format=CredentialFormat.VC_JSONLD, document=document,
                          view=view)

    return make


@pytest.fixture
def repository(home: Path, no_keyring: KeyringSecretStore) -> Iterator[CredentialRepository]:
    create_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        yield wallet.repository


# --- a real Secret Service ---------------------------------------------------------------


def _missing_or_skip(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the real keyring test: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def secret_service_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private D-Bus session bus with gnome-keyring-daemon unlocked; yields its address."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            _missing_or_skip(f"{tool} is not installed (Debian: gnome-keyring dbus dbus-x11)")
    try:
        import secretstorage  # noqa: F401
    except ImportError:
        _missing_or_skip("the secretstorage package is not installed")
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True, text=True, timeout=10, check=True)
    address, pid_text = bus.stdout.split()[:2]
    bus_pid = int(pid_text)
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    # A throwaway XDG home: the keyring files land in the test's own directory.
    keyring_home = tmp_path_factory.mktemp("keyring")
    env["XDG_DATA_HOME"] = str(keyring_home / "data")
    env["XDG_RUNTIME_DIR"] = str(keyring_home / "run")
    Path(env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
    daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input="test-keyring-password", capture_output=True, text=True, env=env, timeout=20,
        check=True)
    keyring_pid = next((int(line.split("=", 1)[1]) for line in daemon.stdout.splitlines()
                        if line.startswith("GNOME_KEYRING_PID=")), None)
    old = {k: os.environ.get(k) for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR",
                                          "XDG_DATA_HOME")}
    os.environ.update({k: env[k] for k in old})
    time.sleep(0.2)
    try:
        yield address
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for pid in (keyring_pid, bus_pid):
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
