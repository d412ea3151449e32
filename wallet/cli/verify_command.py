"""``kredo verify``: is a credential or presentation genuine, check by check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import open_from_args, print_json
from wallet.errors import WalletError

if TYPE_CHECKING:
    from wallet.verify.options import VerifyOptions
    from wallet.verify.report import VerificationReport


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("verify", help="check whether a credential is genuine, check by check")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("id", type=int, nargs="?", help="a credential in the wallet")
    target.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="a credential or presentation file (no wallet needed)",
    )
    add_verify_arguments(p)
    p.set_defaults(handler=cmd_verify)


def add_verify_arguments(p: argparse.ArgumentParser) -> None:
    """The options every verifying command shares (verify, scan)."""
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--online",
        action="store_true",
        help="allow network look-ups (status lists, did:web, hosted keys)",
    )
    p.add_argument("--challenge", help="expected presentation challenge")
    p.add_argument("--domain", help="expected presentation domain")
    p.add_argument(
        "--document",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a DID or controller document to use offline (repeatable)",
    )


def verify_options(args: argparse.Namespace) -> VerifyOptions:
    from wallet.file_input import read_limited
    from wallet.json_input import load_json_object
    from wallet.trust import TrustStore
    from wallet.verify.options import VerifyOptions

    documents: dict[str, dict[str, Any]] = {}
    for path in args.document:
        document = load_json_object(read_limited(path), what=f"The document {path.name}")
        if not isinstance(document.get("id"), str):
            raise WalletError(f"The document {path.name} has no id.")
        documents[document["id"]] = document
    return VerifyOptions(
        online=args.online,
        challenge=args.challenge,
        domain=args.domain,
        documents=documents,
        trust=TrustStore.bundled(),
    )


def print_report(report: VerificationReport, args: argparse.Namespace, out: TextIO) -> None:
    from wallet.verify.report_text import render_report

    if args.json:
        print_json(report.to_json(), out)
    else:
        print(render_report(report), file=out)


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.file_input import read_limited
    from wallet.verify.engine import verify_file_bytes
    from wallet.verify.stored import verify_stored

    options = verify_options(args)
    if args.file is not None:
        report = verify_file_bytes(read_limited(args.file), options=options)
    else:
        with open_from_args(args) as opened:
            report = verify_stored(opened.repository, args.id, options=options)
    print_report(report, args, out)
    return report.status.exit_code
