"""What reaches the disk: no plaintext anywhere, and a killed import loses nothing committed."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conftest import FAST_KDF, PASSPHRASE, MakeCredential

from wallet.store.keys import unlock_key
from wallet.store.paths import database_path
from wallet.store.secret_store import KeyringSecretStore
from wallet.store.vault import open_database
from wallet.store.wallet import init_wallet, open_wallet

HERE = Path(__file__).resolve().parent


def _files_holding(marker: str, roots: list[Path], since: float) -> list[str]:
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            try:
                if not path.is_file() or path.stat().st_mtime < since:
                    continue
                if path.stat().st_size > 64 * 1024 * 1024:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(n in data for n in needles):
                hits.append(path.name)
    return hits


def test_no_plaintext_in_wallet_files_or_temp(home: Path, no_keyring: KeyringSecretStore,
                                              make_credential: MakeCredential) -> None:
    # GIVEN a credential carrying a marker found nowhere else
    since = time.time() - 1
    marker = "KREDO-MARKER-" + secrets.token_hex(8)
    credential = make_credential(1, marker=marker, title_en=f"Course {marker}")
    assert marker.encode() in credential.raw
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    roots = [home, Path(tempfile.gettempdir())]
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        wallet.repository.add(credential, source="test")
        wallet.repository.tag(wallet.repository.ids()[0], [marker])
        # WHILE open (WAL and SHM in use) THEN no file holds the marker
        assert sorted(p.name for p in home.iterdir()) >= ["key.json", "wallet.db"]
        assert _files_holding(marker, roots, since) == []
        assert wallet.repository.list(search=marker[:12])  # and it is really stored
    # AND after closing neither
    assert _files_holding(marker, roots, since) == []


def test_sigkill_mid_import_keeps_every_committed_credential(
        home: Path, no_keyring: KeyringSecretStore) -> None:
    # GIVEN a process importing hundreds of credentials, one transaction each
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    env = {**os.environ, "KREDO_PASSPHRASE": PASSPHRASE}
    process = subprocess.Popen([sys.executable, str(HERE / "import_many.py"), str(home), "600"],
                               stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    committed: list[int] = []
    for line in process.stdout:
        committed.append(int(line))
        if len(committed) >= 120:
            break
    # WHEN it is killed without warning
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    # THEN every committed credential is intact and the database is consistent
    sys.path.insert(0, str(HERE))
    try:
        from import_many import raw_for
    finally:
        sys.path.remove(str(HERE))
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE,
                     secret_store=no_keyring) as wallet:
        repo = wallet.repository
        stored = {repo.get(i).raw for i in repo.ids()}
        assert len(stored) >= len(committed)
        assert len(stored) < 600, "the import finished before the kill; the test proved nothing"
        for n in committed:
            assert raw_for(n) in stored
    key = unlock_key(home, passphrase_provider=lambda: PASSPHRASE)
    conn = open_database(database_path(home), key)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM credentials_fts").fetchone()[0] == len(stored)
    conn.close()


def test_wallet_files_are_private(home: Path, no_keyring: KeyringSecretStore) -> None:
    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring, kdf_params=FAST_KDF)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring):
        # WAL and SHM exist while open; SQLite gives them the database's mode
        assert {p.name for p in home.iterdir()} >= {"wallet.db-wal", "wallet.db-shm"}
        for path in home.iterdir():
            assert path.stat().st_mode & 0o077 == 0, path.name
    assert home.stat().st_mode & 0o077 == 0
