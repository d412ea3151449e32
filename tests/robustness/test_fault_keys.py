"""Losing the key's keeper: the keyring disappears between runs; the database moves alone.

Runs the real ``kredo`` in child processes against a wallet whose key sits in a real Secret
Service (gnome-keyring on a private D-Bus session, the fixture of ``tests/store``):

* the keyring is gone on the next run (no backend, or its daemon stopped): a wallet that also
  has a passphrase opens with it, after saying why it is needed — in a terminal before the
  prompt, and in the error when there is nobody to ask;
* the database file alone on another machine (no key file, someone else's key file, or the
  key file without the keyring that held the key): unreadable, with a sentence saying what
  to do, and the file is left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import pty
import shutil
import sys
import time
from pathlib import Path

import pytest
from keyring.backends import SecretService

from tests.robustness.corpus import all_seeds
from tests.robustness.processes import REPO_ROOT, kredo_command, kredo_env, run_kredo
from tests.robustness.wallets import FAST_KDF, PASSPHRASE, new_wallet
from tests.store.conftest import secret_service_session  # noqa: F401 - a fixture, used by name
from wallet.store.keys import KEYRING_FALLBACK
from wallet.store.paths import database_path, key_header_path
from wallet.store.secret_store import KEYRING_SERVICE, KeyringSecretStore
from wallet.store.wallet import init_wallet

pytestmark = pytest.mark.slow
OB3 = all_seeds()["w3c/1edtech-obv3-ldp-signed-credential.json"]
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
NO_KEYRING = "keyring.backends.fail.Keyring"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _keyring_wallet(home: Path, tmp_path: Path, *, passphrase: str | None) -> None:
    """A wallet keyed in the real Secret Service, holding one credential imported by kredo."""
    init_wallet(home, passphrase=passphrase, secret_store=KeyringSecretStore(
        SecretService.Keyring()), kdf_params=FAST_KDF)
    badge = tmp_path / "badge.json"
    badge.write_bytes(OB3)
    first = run_kredo(home, "import", str(badge), PYTHON_KEYRING_BACKEND=SECRET_SERVICE,
                      KREDO_PASSPHRASE="")
    assert first.returncode == 0, first.stderr
    assert KEYRING_FALLBACK not in first.stderr  # the keyring answered: no passphrase needed


def _run_in_terminal(home: Path, answer: str, *args: str, **env: str) -> tuple[int, str]:
    """Run kredo on a pseudo-terminal, type ``answer`` at the passphrase prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: kredo, with the terminal as its controlling tty
        os.chdir(REPO_ROOT)
        os.execve(sys.executable, kredo_command(home, *args), kredo_env(**env))
    output = b""
    answered = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
        if not answered and b"passphrase: " in output.lower():
            os.write(fd, answer.encode() + b"\n")
            answered = True
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_keyring_gone_between_runs_falls_back_to_the_passphrase(
        secret_service_session: str, tmp_path: Path) -> None:  # noqa: F811
    # GIVEN a wallet keyed in the keyring, with a passphrase copy, used once with the keyring
    home = tmp_path / "wallet"
    _keyring_wallet(home, tmp_path, passphrase=PASSPHRASE)
    db_hash = _sha256(database_path(home))
    # WHEN the next run finds no keyring and nobody to ask
    headless = run_kredo(home, "list", PYTHON_KEYRING_BACKEND=NO_KEYRING, KREDO_PASSPHRASE="")
    # THEN it says why the passphrase is needed and how to give it; the database is untouched
    assert headless.returncode == 2
    assert KEYRING_FALLBACK in headless.stderr
    assert "KREDO_PASSPHRASE" in headless.stderr
    assert _sha256(database_path(home)) == db_hash
    # WHEN it runs in a terminal THEN the reason comes first, then the prompt, then the list
    code, screen = _run_in_terminal(home, PASSPHRASE, "list", PYTHON_KEYRING_BACKEND=NO_KEYRING,
                                    KREDO_PASSPHRASE="")
    assert code == 0, screen
    assert screen.index(KEYRING_FALLBACK) < screen.lower().index("wallet passphrase:")
    assert "1EdTech" in screen or "Badge" in screen or "\t" in screen
    # AND a wrong passphrase is refused with a sentence
    code, screen = _run_in_terminal(home, "wrong", "list", PYTHON_KEYRING_BACKEND=NO_KEYRING,
                                    KREDO_PASSPHRASE="")
    assert code == 2
    assert "passphrase is wrong" in screen
    # WHEN the keyring daemon is simply unreachable (its bus is gone) THEN the same fallback
    dead_bus = f"unix:path={tmp_path / 'no-such-bus'}"
    offline = run_kredo(home, "list", "--json", DBUS_SESSION_BUS_ADDRESS=dead_bus,
                        PYTHON_KEYRING_BACKEND=SECRET_SERVICE)
    assert offline.returncode == 0, offline.stderr
    assert KEYRING_FALLBACK in offline.stderr
    assert len(offline.stdout) > 10


def test_keyring_only_wallet_on_a_machine_without_that_keyring(
        secret_service_session: str, tmp_path: Path) -> None:  # noqa: F811
    # GIVEN a keyring-only wallet (no passphrase) copied whole to another machine
    home = tmp_path / "wallet"
    _keyring_wallet(home, tmp_path, passphrase=None)
    elsewhere = tmp_path / "other-machine"
    shutil.copytree(home, elsewhere)
    db_hash = _sha256(database_path(elsewhere))
    # WHEN it is opened there THEN the answer names the way back, and nothing is written
    result = run_kredo(elsewhere, "list", PYTHON_KEYRING_BACKEND=NO_KEYRING)
    assert result.returncode == 2
    assert "No system keyring is available here" in result.stderr
    assert "backup" in result.stderr
    assert _sha256(database_path(elsewhere)) == db_hash
    # AND where a keyring exists but does not hold this key, the answer names the way back too
    wallet_id = json.loads(key_header_path(elsewhere).read_text())["wallet_id"]
    SecretService.Keyring().delete_password(KEYRING_SERVICE, wallet_id)
    result = run_kredo(elsewhere, "list", PYTHON_KEYRING_BACKEND=SECRET_SERVICE)
    assert result.returncode == 2
    assert "no longer in the system keyring" in result.stderr
    assert "backup" in result.stderr
    assert _sha256(database_path(elsewhere)) == db_hash


def test_database_file_alone_is_unreadable_with_a_clear_sentence(tmp_path: Path) -> None:
    # GIVEN a passphrase wallet holding a credential
    home = tmp_path / "wallet"
    new_wallet(home)
    badge = tmp_path / "badge.json"
    badge.write_bytes(OB3)
    assert run_kredo(home, "import", str(badge)).returncode == 0
    # WHEN only its database file is copied to another home
    alone = tmp_path / "copy-alone"
    alone.mkdir(mode=0o700)
    shutil.copy2(database_path(home), database_path(alone))
    db_hash = _sha256(database_path(alone))
    result = run_kredo(alone, "list")
    # THEN the key file is missing, said in one sentence, and the copy is untouched
    assert result.returncode == 2
    assert "key file is missing" in result.stderr
    assert _sha256(database_path(alone)) == db_hash
    # WHEN it is dropped into someone else's wallet (their key file, the same passphrase)
    other = tmp_path / "someone-else"
    new_wallet(other)
    shutil.copy2(database_path(home), database_path(other))
    result = run_kredo(other, "list")
    # THEN their key does not open it: a sentence, no change to the file, no plaintext in it
    assert result.returncode == 2
    assert "does not open this database" in result.stderr
    assert _sha256(database_path(other)) == db_hash
    assert key_header_path(other).is_file()
    assert b"1EdTech" not in database_path(other).read_bytes()
    assert b"OpenBadgeCredential" not in database_path(other).read_bytes()
