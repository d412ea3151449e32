"""SIGKILL in the middle of the two long writes: a bulk import and a backup restore.

The real ``kredo`` command runs in a child process on a real SQLCipher wallet and is killed
without warning part-way. Afterwards: the database passes ``PRAGMA integrity_check``, the
full-text index matches the credentials, everything stored before is intact (byte for
byte), and running the same command again completes the job (nothing twice).
``tests/store/test_durability.py`` kills a loop of ``repository.add`` calls; this goes
through the whole CLI pipeline (file walk, parse, store) and adds restore.
"""

from __future__ import annotations

import hashlib
import signal
import time
from pathlib import Path

import pytest

from tests.robustness.corpus import all_seeds, signers, vc_jwt_payload
from tests.robustness.processes import run_kredo, start_kredo
from tests.robustness.wallets import (
    BACKUP_PASSPHRASE,
    FAST_KDF,
    PASSPHRASE,
    import_all,
    integrity_and_counts,
    new_wallet,
    no_keyring,
    open_test_wallet,
)
from wallet.store.backup import write_backup
from wallet.store.keys import unlock_key
from wallet.store.paths import database_path
from wallet.store.vault import open_database

pytestmark = pytest.mark.slow
COUNT = 400
EARLIER = ("w3c/1edtech-obv3-ldp-signed-credential.json", "gen/sd-jwt-kb.txt",
           "edc/Sample-MC-Annex1-signed.jsonld")


def _credentials(count: int) -> list[bytes]:
    keys = signers()
    return [keys.vc_jwt(vc_jwt_payload(keys.ed_did, 5000 + n)) for n in range(count)]


def _stored_raws(home: Path) -> set[bytes]:
    with open_test_wallet(home) as wallet:
        repo = wallet.repository
        return {repo.get(i).raw for i in repo.ids()}


def _wallet_with_earlier_credentials(home: Path) -> list[bytes]:
    new_wallet(home)
    seeds = all_seeds()
    with open_test_wallet(home) as wallet:
        assert import_all(wallet.repository, [(n, seeds[n]) for n in EARLIER]) == len(EARLIER)
    return [seeds[n] for n in EARLIER]


def _assert_consistent(home: Path) -> int:
    check, credentials, fts = integrity_and_counts(home)
    assert check == "ok"
    assert credentials == fts, "the full-text index lost step with the credentials"
    return credentials


def test_killed_bulk_import_keeps_what_it_stored_and_resumes(tmp_path: Path) -> None:
    # GIVEN a wallet holding three earlier credentials and a folder of 400 signed VC-JWTs
    home = tmp_path / "wallet"
    earlier = _wallet_with_earlier_credentials(home)
    folder = tmp_path / "downloads"
    folder.mkdir()
    raws = _credentials(COUNT)
    for n, raw in enumerate(raws):
        (folder / f"credential-{n:04d}.jwt").write_bytes(raw)
    # WHEN `kredo import` is killed after it reported 100 of them stored
    process = start_kredo(home, "import", str(folder))
    assert process.stdout is not None
    reported: list[str] = []
    for line in process.stdout:
        fields = line.rstrip("\n").split("\t")
        if len(fields) == 4 and fields[1] == "imported":
            reported.append(fields[3])
        if len(reported) >= 100:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    assert process.stderr is not None
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    # THEN the database is consistent, the earlier ones and every reported one are intact
    count = _assert_consistent(home)
    assert len(EARLIER) + len(reported) <= count < len(EARLIER) + COUNT, count
    stored = _stored_raws(home)
    assert set(earlier) <= stored
    assert {Path(source).read_bytes() for source in reported} <= stored
    # AND the same import run again completes the job, skipping what was already stored
    result = run_kredo(home, "import", str(folder))
    assert result.returncode == 0, result.stderr
    statuses = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert statuses.count("duplicate") >= len(reported)
    assert statuses.count("imported") + statuses.count("duplicate") == COUNT
    assert _assert_consistent(home) == len(EARLIER) + COUNT
    assert _stored_raws(home) == set(earlier) | set(raws)


def _count_credentials(home: Path, key: bytes) -> int:
    connection = open_database(database_path(home), key)
    try:
        return int(connection.execute("SELECT count(*) FROM credentials").fetchone()[0])
    finally:
        connection.close()


def test_killed_restore_keeps_earlier_credentials_and_resumes(tmp_path: Path) -> None:
    # GIVEN a backup of 400 credentials and a second wallet holding three others
    source = tmp_path / "source"
    new_wallet(source)
    raws = _credentials(COUNT)
    with open_test_wallet(source) as wallet:
        assert import_all(wallet.repository, [(f"f{n}", r) for n, r in enumerate(raws)]) == COUNT
        backup = tmp_path / "wallet.kredobak"
        write_backup(wallet.repository, backup, BACKUP_PASSPHRASE, kdf_params=FAST_KDF)
    home = tmp_path / "target"
    earlier = _wallet_with_earlier_credentials(home)
    earlier_hashes = {hashlib.sha256(raw).hexdigest() for raw in earlier}
    key = unlock_key(home, passphrase_provider=lambda: PASSPHRASE, secret_store=no_keyring())
    # WHEN `kredo restore` is killed once it has written 60 credentials
    process = start_kredo(home, "restore", str(backup))
    deadline = time.monotonic() + 60
    written = 0
    while process.poll() is None and time.monotonic() < deadline:
        written = _count_credentials(home, key) - len(EARLIER)
        if written >= 60:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, f"restore was not killed mid-way: {err}"
    # THEN the database is consistent and the earlier credentials are there, byte for byte
    count = _assert_consistent(home)
    assert len(EARLIER) + 60 <= count < len(EARLIER) + COUNT, count
    stored = _stored_raws(home)
    assert set(earlier) <= stored
    assert {hashlib.sha256(r).hexdigest() for r in stored} >= earlier_hashes
    # AND running the restore again completes it: the killed part counts as duplicates
    result = run_kredo(home, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    restored, duplicates = (int(w) for w in result.stdout.split() if w.isdigit())
    assert restored + duplicates == COUNT
    assert duplicates >= count - len(EARLIER)
    assert _assert_consistent(home) == len(EARLIER) + COUNT
    assert _stored_raws(home) == set(earlier) | set(raws)
