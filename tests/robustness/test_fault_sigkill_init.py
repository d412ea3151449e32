"""SIGKILL while ``kredo init`` makes a wallet: the folder is then either a wallet that opens
or one ``kredo init`` makes again; never one that neither ``list`` nor ``init`` can use.

Before: a kill after the key file was written left ``key.json`` alone; ``kredo list`` said
"The wallet database is missing; restore the wallet from a backup." and ``kredo init`` "A
wallet already exists there". A kill during the database's first transaction left a wallet
that opened without its holder identity. Now a marker file is written first and removed
last (``wallet/store/wallet.py``).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.robustness.processes import REPO_ROOT, kredo_env, run_kredo, start_kredo
from wallet.store.paths import init_marker_path, key_header_path

pytestmark = pytest.mark.slow
INTERRUPTED = ("Making a wallet there was interrupted, so there is none; run `kredo init` to "
               "make it again.")


def _usable_afterwards(home: Path) -> None:
    """`kredo list` either works, or says to run init, which then makes a wallet that works."""
    listed = run_kredo(home, "list")
    if listed.returncode != 0:
        assert listed.returncode == 2 and INTERRUPTED in listed.stderr, listed.stderr
        made = run_kredo(home, "init")
        assert made.returncode == 0, made.stderr
        listed = run_kredo(home, "list")
    assert listed.returncode == 0, listed.stderr
    holders = run_kredo(home, "holder", "list")
    assert holders.returncode == 0 and "did:key:" in holders.stdout, holders.stderr


@pytest.mark.parametrize("step", ["kdf", "populate"])
def test_a_kill_at_a_slow_step_leaves_a_folder_init_makes_again(tmp_path: Path,
                                                                 step: str) -> None:
    # GIVEN a wallet being made, held at a slow step (seconds of Argon2id, or a sleep after
    # the first content is written)
    home = tmp_path / "wallet"
    child = subprocess.Popen([sys.executable, "-m", "tests.robustness.slow_init", str(home), step],
                             cwd=REPO_ROOT, env=kredo_env(), stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == step
    if step == "kdf":
        time.sleep(0.3)  # inside the derivation
    # WHEN it is killed there
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    child.stdout.close()
    # THEN the half-made wallet is marked as such, and the folder is usable again
    assert init_marker_path(home).exists()
    assert key_header_path(home).exists() is (step == "populate")
    _usable_afterwards(home)


@pytest.mark.parametrize("appears", ["init-unfinished", "key.json", "wallet.db"])
def test_the_real_kredo_init_killed_when_a_file_appears(tmp_path: Path, appears: str) -> None:
    # GIVEN the real `kredo init`, watched for the moment a file of the wallet appears
    home = tmp_path / "wallet"
    process = start_kredo(home, "init")
    while not (home / appears).exists() and process.poll() is None:
        time.sleep(0.0005)
    # WHEN it is killed then (it may have finished first: then it must simply open)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    # THEN the folder opens, or init makes it again
    _usable_afterwards(home)
