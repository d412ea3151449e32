"""The ``kredo`` command: the same core as the GUI, for people and scripts.

Exit codes: 0 success, 1 a verification failed, 2 usage error or bad input,
3 partially verified. Errors are one sentence on stderr; ``--debug`` adds the traceback.

Each module in ``COMMAND_MODULES`` adds its sub-commands with ``register(sub)``; a
sub-command's parser sets ``handler`` to a function ``(args, out) -> exit code``. The whole
parser is built for every command, so the modules import only argparse-level things at the
top; a handler imports the engine it runs (verification, PDF, QR, issuance) when it runs.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn, TextIO

from wallet.cli import (
    export_commands,
    history_command,
    holder_command,
    present_command,
    qr_commands,
    receive_command,
    respond_command,
    stack_command,
    verifiers_command,
    verify_command,
    wallet_commands,
)
from wallet.cli.common import EXIT_OK, EXIT_USAGE, say, say_lines
from wallet.cli.version_action import PrintVersionAction
from wallet.errors import UserCancelled, WalletError
from wallet.translation import language_from_environment, set_language

COMMAND_MODULES: tuple[ModuleType, ...] = (
    wallet_commands, verify_command, present_command, holder_command, receive_command, qr_commands,
    export_commands, respond_command, verifiers_command, history_command, stack_command,
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 and one sentence, like every other usage error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"kredo: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kredo", description="Kredo: a learner-owned wallet for micro-credentials."
    )
    parser.add_argument(
        "--home", help="wallet folder (default: KREDO_HOME or the platform data folder)"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action=PrintVersionAction)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    set_language(language_from_environment())
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    stream = out if out is not None else sys.stdout
    try:
        code: int = args.handler(args, stream)
        return code
    except UserCancelled:
        return EXIT_USAGE
    except WalletError as exc:
        if args.debug:
            traceback.print_exc()
            if exc.details:
                say_lines(exc.details.split("\n"), sys.stderr)
        say(f"kredo: {exc.message}", out=sys.stderr)  # it may name a file or quote a field
        return exc.exit_code
    except BrokenPipeError:  # output piped into head or a closed pager
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("kredo: interrupted.", file=sys.stderr)
        return 130
