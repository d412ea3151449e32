"""What every ``kredo`` command shares: exit codes, passphrase prompts, opening the wallet.

Every command module imports this one while the parser is built, so it stays light: the
store (SQLCipher, the key derivation) loads when a command opens the wallet.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from wallet.errors import KeyUnavailable, UserCancelled, WalletError

if TYPE_CHECKING:
    from wallet.store.wallet import OpenWallet

EXIT_OK = 0
EXIT_VERIFICATION_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

PASSPHRASE_ENV = "KREDO_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "KREDO_NEW_PASSPHRASE"  # noqa: S105
BACKUP_PASSPHRASE_ENV = "KREDO_BACKUP_PASSPHRASE"  # noqa: S105


def prompt_secret(prompt: str, env: str, *, confirm: bool = False) -> str:
    """A passphrase from ``env`` or, in a terminal, typed twice when ``confirm``."""
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise KeyUnavailable(f"A passphrase is needed: set {env} or run kredo in a terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise WalletError("The two passphrases differ; nothing was changed.")
    if not first:
        raise UserCancelled()
    return first


def unlock_prompt() -> str:
    return prompt_secret("Wallet passphrase: ", PASSPHRASE_ENV)


def open_from_args(args: argparse.Namespace) -> OpenWallet:
    from wallet.app.wallet_access import unlock, wallet_home

    return unlock(wallet_home(args.home), unlock_prompt)


def print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")
