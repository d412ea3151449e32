"""``kredo verify``: is a credential or presentation genuine, check by check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import open_from_args, print_json

if TYPE_CHECKING:
    from wallet.app.verifying import VerifyRequest
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


def verify_request(args: argparse.Namespace) -> VerifyRequest:
    """What ``--online``, ``--challenge``, ``--domain`` and ``--document`` ask for."""
    from wallet.app.verifying import VerifyRequest, read_documents

    return VerifyRequest(
        online=args.online,
        challenge=args.challenge,
        domain=args.domain,
        documents=read_documents(args.document),
    )


def verify_options(args: argparse.Namespace) -> VerifyOptions:
    """The options for a file or a scan: the bundled trust material (no wallet needed)."""
    from wallet.app.verifying import verify_options as options_for

    return options_for(verify_request(args))


def print_report(report: VerificationReport, args: argparse.Namespace, out: TextIO) -> None:
    from wallet.verify.report_text import render_report

    if args.json:
        print_json(report.to_json(), out)
    else:
        print(render_report(report), file=out)


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.verifying import verify_received_file, verify_stored

    if args.file is not None:
        report = verify_received_file(args.file, verify_options(args))
    else:
        request = verify_request(args)
        with open_from_args(args) as opened:
            report = verify_stored(opened.repository, args.id, request)
    print_report(report, args, out)
    return report.status.exit_code
