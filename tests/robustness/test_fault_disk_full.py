"""A full disk during a bulk import and during a backup: a clear sentence, an intact wallet.

Two ways to run out of space, both with the real ``kredo`` in a child process:

* ``tmpfs``: the wallet lives on a 1 MiB tmpfs mounted by the test (needs root and mount
  rights; skipped with the reason otherwise). SQLite sees ``ENOSPC`` (``SQLITE_FULL``).
* ``rlimit``: ``RLIMIT_FSIZE`` caps every file the child writes (works for any user). SQLite
  sees ``EFBIG`` (an I/O error), the backup writer a failed ``write``.

Afterwards the database passes ``PRAGMA integrity_check``, the earlier credentials and every
credential reported as imported are there, no half-written backup is left behind, and once
there is room again the same import completes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.corpus import all_seeds, signers, vc_jwt_payload
from tests.robustness.processes import run_kredo
from tests.robustness.wallets import (
    import_all,
    integrity_and_counts,
    new_wallet,
    open_test_wallet,
)
from wallet.store.paths import database_path

pytestmark = pytest.mark.slow
COUNT = 300
# With the 150 KB EU sample, a backup of the wallet needs well over 64 KiB.
EARLIER = ("w3c/1edtech-obv3-ldp-signed-credential.json", "gen/sd-jwt-kb.txt",
           "edc/Sample-MC-Annex1-signed.jsonld")


def _mount_tmpfs(where: Path, size: str) -> str | None:
    """Mount a tmpfs of ``size`` at ``where``; the reason when that is not possible."""
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                             str(where)], capture_output=True, text=True, check=False)
    return None if result.returncode == 0 else f"mount refused: {result.stderr.strip()}"


@pytest.fixture(params=["tmpfs", "rlimit"])
def space(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(how space runs out, the folder that runs out of it)."""
    if request.param == "rlimit":
        yield "rlimit", tmp_path / "disk"
        return
    mountpoint = tmp_path / "disk"
    reason = _mount_tmpfs(mountpoint, "1m")
    if reason is not None:
        pytest.skip(f"tmpfs variant not possible here ({reason}); the rlimit variant runs")
    try:
        yield "tmpfs", mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def _limit_env(kind: str, home: Path) -> dict[str, str]:
    if kind != "rlimit":
        return {}
    # Room for about a dozen more credentials in the write-ahead log, then EFBIG.
    return {"KREDO_TEST_FSIZE_LIMIT": str(database_path(home).stat().st_size + 300_000)}


def _consistent_count(home: Path) -> int:
    check, credentials, fts = integrity_and_counts(home)
    assert check == "ok"
    assert credentials == fts
    return credentials


def test_full_disk_during_import_and_backup(space: tuple[str, Path], tmp_path: Path) -> None:
    kind, disk = space
    # GIVEN a wallet on the small disk with two earlier credentials, and 300 new ones
    home = disk / "wallet"
    new_wallet(home)
    seeds = all_seeds()
    with open_test_wallet(home) as wallet:
        import_all(wallet.repository, [(n, seeds[n]) for n in EARLIER])
    folder = tmp_path / "downloads"
    folder.mkdir()
    keys = signers()
    raws = [keys.vc_jwt(vc_jwt_payload(keys.ed_did, 7000 + n)) for n in range(COUNT)]
    for n, raw in enumerate(raws):
        (folder / f"credential-{n:04d}.jwt").write_bytes(raw)

    # WHEN the import runs out of space part-way
    result = run_kredo(home, "import", str(folder), **_limit_env(kind, home))
    outcomes = [line.split("\t") for line in result.stdout.splitlines()]
    imported = [o[3] for o in outcomes if o[1] == "imported"]
    errors = {o[2] for o in outcomes if o[1] == "error"}
    # THEN it says so in one sentence per file, without a traceback, and exits 2
    assert result.returncode == 2, result.stderr
    assert 0 < len(imported) < COUNT
    assert len(errors) == 1, errors
    (message,) = errors
    assert message.endswith(".")
    if kind == "tmpfs":
        assert "disk is full" in message
    # AND the wallet is consistent, with the earlier and every reported credential
    assert _consistent_count(home) == len(EARLIER) + len(imported)
    with open_test_wallet(home) as wallet:
        repo = wallet.repository
        stored = {repo.get(i).raw for i in repo.ids()}
    assert {seeds[n] for n in EARLIER} <= stored
    assert {Path(p).read_bytes() for p in imported} <= stored

    # WHEN there is room again THEN the same import completes
    if kind == "tmpfs":
        subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
    again = run_kredo(home, "import", str(folder))
    assert again.returncode == 0, again.stderr
    assert _consistent_count(home) == len(EARLIER) + COUNT

    if kind == "tmpfs":
        # WHEN the wallet's disk is full to the last byte THEN opening it says so (it is
        # neither a wrong key nor a damaged database), and nothing is lost
        with (disk / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
            for _ in range(1024):
                filler.write(b"\0" * 65536)
        listing = run_kredo(home, "list")
        assert listing.returncode == 2
        assert "disk is not full" in listing.stderr, listing.stderr
        (disk / "filler").unlink()
        assert _consistent_count(home) == len(EARLIER) + COUNT

    # WHEN a backup of the whole wallet is written where there is no room for it
    if kind == "tmpfs":
        out_disk = tmp_path / "small-disk"
        reason = _mount_tmpfs(out_disk, "64k")
        assert reason is None, reason
        out, limit = out_disk / "wallet.kredobak", {}
    else:  # room for the database's shared-memory file (32 KiB), not for the backup
        out_disk = disk
        out, limit = disk / "wallet.kredobak", {"KREDO_TEST_FSIZE_LIMIT": str(64 * 1024)}
    try:
        backup = run_kredo(home, "backup", "--out", str(out), **limit)
        leftovers = [p.name for p in out_disk.iterdir() if p.name.endswith(".partial")]
        written = out.exists()
    finally:
        if kind == "tmpfs":
            subprocess.run(["umount", "-l", str(out_disk)], check=False)
    # THEN it fails with a sentence, leaves no partial file, and the wallet is untouched
    assert backup.returncode == 2, backup.stdout
    assert "The backup file could not be written." in backup.stderr
    assert backup.stdout == ""
    assert not written
    assert leftovers == []
    assert _consistent_count(home) == len(EARLIER) + COUNT
