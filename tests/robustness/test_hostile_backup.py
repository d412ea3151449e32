"""A backup whose header asks for absurd key stretching: refused at once, in little memory.

Before: the KDF parameters in a backup header were trusted up to 4 GiB, 64 passes and 64
lanes; a header edited to ask for that ran ``kredo restore`` for minutes at 4.2 GB (killed
after 30 s here), and under a 3 GB address-space limit ended in a ``MemoryError`` traceback.
The header is authenticated, but only with the key derived from it: the bound must come first.
"""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

from tests.robustness.processes import MIB, run_kredo_limited
from tests.robustness.wallets import BACKUP_PASSPHRASE, FAST_KDF, new_wallet, open_test_wallet
from wallet.errors import BackupError
from wallet.store.backup import restore_backup, write_backup

REGRESSIONS = Path(__file__).resolve().parent / "regressions"


@pytest.mark.slow
def test_restore_of_a_backup_asking_for_4_gib_is_refused_at_once(tmp_path: Path) -> None:
    # GIVEN a real backup whose header was edited to 4 GiB, 64 passes, 64 lanes
    source = tmp_path / "source"
    new_wallet(source)
    backup = tmp_path / "wallet.kredo-backup"
    with open_test_wallet(source) as wallet:
        write_backup(wallet.repository, backup, BACKUP_PASSPHRASE, kdf_params=FAST_KDF)
    data = bytearray(backup.read_bytes())
    struct.pack_into(">III", data, 10, 4 * 1024 * 1024, 64, 64)
    backup.write_bytes(bytes(data))
    target = tmp_path / "target"
    new_wallet(target)
    # WHEN kredo restores it under a 1.5 GiB address-space limit
    run = run_kredo_limited(target, "restore", str(backup), timeout=60)
    # THEN exit 2 with the sentence, no traceback, no derivation (little memory, little time)
    assert run.returncode == 2, run.stderr
    assert "asks for more key-stretching work than Kredo ever uses" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.peak_rss < 512 * MIB, f"{run.peak_rss / MIB:.0f} MiB"
    assert run.seconds < 20
    with open_test_wallet(target) as wallet:
        assert wallet.repository.count() == 0


def test_the_recorded_backup_is_refused_before_any_derivation(tmp_path: Path) -> None:
    # regressions/backup-kdf-4gib-64-passes.kredo-backup: a real backup, header edited
    target = tmp_path / "target"
    new_wallet(target)
    started = time.monotonic()
    with open_test_wallet(target) as wallet, pytest.raises(BackupError, match="key-stretching"):
        restore_backup(REGRESSIONS / "backup-kdf-4gib-64-passes.kredo-backup", BACKUP_PASSPHRASE,
                       wallet.repository)
    assert time.monotonic() - started < 5
