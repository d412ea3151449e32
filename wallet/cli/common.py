"""What every ``kredo`` command shares: exit codes, passphrase prompts, opening the wallet, and
printing.

Every line a command prints goes through :func:`say` (or :func:`print_json`): a credential's
title, an issuer's name, a file name or a server's answer can hold terminal escapes, bidi
overrides or line breaks, and a validly signed credential must not be able to print a fake
"✔ issuer … on the EU trusted list" line over the real one (:mod:`wallet.terminal_text`).

Every command module imports this one while the parser is built, so it stays light: the
store (SQLCipher, the key derivation) loads when a command opens the wallet.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from wallet.errors import KeyUnavailable, UserCancelled, WalletError
from wallet.terminal_text import escape_in_json, printable

if TYPE_CHECKING:
    from wallet.model import MicroCredentialView
    from wallet.store.wallet import OpenWallet
    from wallet.verify.report import IssuerInfo, VerificationReport

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


def say(*parts: object, out: TextIO, sep: str = " ") -> None:
    """Print one line made of ``parts``, each shown with its control characters, bidi
    controls and line breaks escaped, so no part can steer the terminal or start a line."""
    print(sep.join(printable(str(part)) for part in parts), file=out)


def say_lines(lines: Iterable[str], out: TextIO) -> None:
    """Print each of ``lines`` with :func:`say`."""
    for line in lines:
        say(line, out=out)


def print_json(value: Any, out: TextIO, *, indent: int | None = 2) -> None:
    """``value`` as exact JSON (one line when ``indent`` is None, as in JSON Lines); the
    characters :func:`say` escapes are written as JSON escapes, which read back the same."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    out.write(escape_in_json(text) + "\n")


def print_report(report: VerificationReport, out: TextIO, *, indent: str = "") -> None:
    """A verification report, check by check, its credential-borne texts made printable."""
    from wallet.verify.report_text import render_report

    say_lines(render_report(printable_report(report), indent=indent).split("\n"), out)


def printable_report(report: VerificationReport) -> VerificationReport:
    """``report`` with every text a stranger could have chosen made printable (the check
    sentences name issuers and fields; the issuer's names come from the credential). The
    verdict comes from the checks' statuses, which stay as they were."""
    checks = tuple(replace(check, message=printable(check.message)) for check in report.checks)
    return replace(
        report,
        format=printable(report.format),
        checks=checks,
        issuer=_printable_issuer(report.issuer),
        credentials=tuple(printable_report(nested) for nested in report.credentials),
    )


def _printable_issuer(issuer: IssuerInfo | None) -> IssuerInfo | None:
    if issuer is None:
        return None
    texts: dict[str, Any] = {
        name: printable(value)
        for name in issuer.__dataclass_fields__
        if isinstance(value := getattr(issuer, name), str)
    }
    return replace(issuer, **texts)


def print_view(view: MicroCredentialView, lang: str, out: TextIO) -> None:
    """What a credential says, one Annex I element a line (a line break inside a value is
    shown escaped too: on a line of its own it could pass for a line of Kredo's)."""
    from wallet.share.view_text import view_lines

    pairs = list(view_lines(view, lang))
    width = max(len(label) for label, _ in pairs)
    for label, value in pairs:
        say(f"{label.ljust(width)}  {value}", out=out)
