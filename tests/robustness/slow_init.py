"""``python -m tests.robustness.slow_init HOME STEP``: make a wallet the way ``kredo init``
does (``create_wallet``), with one step made slow so a test can kill it there for certain.

``kdf``: Argon2id at the largest parameters a wallet may have (seconds of work) — the kill
lands after the marker, before the key file. ``populate``: the new wallet's first content is
written, then the child sleeps — the kill lands with the key file and the database on disk,
the marker not yet removed. The child prints ``STEP`` on stdout when it is there.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.robustness.wallets import PASSPHRASE, no_keyring
from wallet.share.holder import FIRST_PROFILE_LABEL, HolderProfiles
from wallet.store.kdf import MAX_ITERATIONS, MAX_LANES, MAX_MEMORY_KIB, Argon2Params
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import init_wallet


def main() -> int:
    home, step = Path(sys.argv[1]), sys.argv[2]
    if step == "kdf":
        print(step, flush=True)
        init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring(),
                    kdf_params=Argon2Params(memory_kib=MAX_MEMORY_KIB,
                                            iterations=MAX_ITERATIONS, lanes=MAX_LANES))
        return 0

    def populate_then_wait(repository: CredentialRepository) -> None:
        HolderProfiles(repository).create(FIRST_PROFILE_LABEL)  # as create_wallet does
        print(step, flush=True)
        time.sleep(120)

    init_wallet(home, passphrase=PASSPHRASE, secret_store=no_keyring(),
                kdf_params=Argon2Params(memory_kib=1024, iterations=1, lanes=1),
                populate=populate_then_wait)
    return 0


if __name__ == "__main__":
    sys.exit(main())
