"""``kredo verify``: is a credential or presentation genuine, check by check; or many files.

One file: every check with its sentence. Several files or folders (an employer's folder of
applications): one line per file as each is done, a progress line on a terminal, ``--json`` as
JSON Lines, ``--csv`` for a spreadsheet, and the exit code of the worst verdict.
``--report`` saves a verification record (PDF or JSON) to file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import (
    EXIT_USAGE,
    open_from_args,
    print_json,
    print_report,
    say,
)
from wallet.errors import WalletError
from wallet.share.annex_labels import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from wallet.app.verifying import BatchOutcome, BatchSource, VerifyRequest
    from wallet.verify.options import VerifyOptions

STDIN = "-"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "verify",
        help="check whether credentials are genuine, check by check",
        description=(
            "Verify a credential in the wallet, or credential and presentation files (no wallet "
            "needed): one file check by check; several files or folders one line each. Exit "
            "codes: 0 verified, 3 partially verified, 1 failed (the worst verdict of a batch), "
            "2 bad input (also when a file of a batch could not be verified)."
        ),
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("id", type=int, nargs="?", help="a credential in the wallet")
    target.add_argument(
        "--file",
        nargs="+",
        metavar="PATH",
        help="credential or presentation files, folders (searched recursively), - for "
        "standard input",
    )
    add_verify_arguments(p)
    p.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="verify in N processes side by side (default: one per core)",
    )
    p.add_argument("--csv", type=Path, metavar="FILE",
                   help="also write a spreadsheet (CSV, one row per credential)")
    p.add_argument("--report", type=Path, metavar="FILE",
                   help="also write a verification record: FILE.pdf or FILE.json")
    p.add_argument("--lang", choices=SUPPORTED_LANGUAGES,
                   help="language of the record and the spreadsheet (default: Kredo's)")
    p.set_defaults(handler=cmd_verify)


def add_verify_arguments(p: argparse.ArgumentParser) -> None:
    """The options every verifying command shares (verify, scan)."""
    p.add_argument("--json", action="store_true",
                   help="print JSON (for several files: one JSON object a line)")
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


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {text!r}")
    return int(text)


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


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    if args.file is None:
        return _verify_stored(args, out)
    if args.report is not None:
        from wallet.app.verification_record import check_record_name

        check_record_name(args.report)
    from wallet.app.verifying import batch_sources

    sources = batch_sources(_sources(args.file))
    if len(sources) == 1 and not Path(args.file[0]).is_dir():
        outcomes = [_verify_one(sources[0], args, out)]
    else:
        outcomes = _verify_many(sources, args, out)
    _save_outputs(outcomes, args)
    return _exit_code(outcomes)


def _verify_stored(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.verifying import verify_stored

    if args.csv is not None or args.report is not None:
        raise WalletError("--csv and --report go with --file (a file to record, with its "
                          "SHA-256).")
    request = verify_request(args)
    with open_from_args(args) as opened:
        report = verify_stored(opened.repository, args.id, request)
    if args.json:
        print_json(report.to_json(), out)
    else:
        print_report(report, out)
    return report.status.exit_code


def _sources(names: Sequence[str]) -> list[BatchSource]:
    from wallet.app.verifying import ReceivedBytes

    if names.count(STDIN) > 1:
        raise WalletError("Standard input (-) can be read once only.")
    return [
        ReceivedBytes.from_stream(STDIN, sys.stdin.buffer.read) if name == STDIN else Path(name)
        for name in names
    ]


def _verify_one(source: BatchSource, args: argparse.Namespace, out: TextIO) -> BatchOutcome:
    """One file: every check with its sentence (or, for JSON, one JSON line)."""
    from wallet.app.verifying import verify_options as options_for
    from wallet.app.verifying import verify_source

    outcome = verify_source(source, options_for(verify_request(args)))
    if args.json:
        print_json(outcome_json(outcome), out, indent=None)
    elif outcome.report is not None:
        print_report(outcome.report, out)
    else:
        say(f"kredo: {outcome.problem}", out=sys.stderr)
    return outcome


def _verify_many(
    sources: Sequence[BatchSource], args: argparse.Namespace, out: TextIO
) -> list[BatchOutcome]:
    """Many files: one line (or JSON line) each, in the order given, as each is done; a
    line is the verdict (or "error"), the file, and its title and reason, between tabs."""
    from wallet.app.verifying import verify_batch_in_workers

    progress = _ProgressLine(len(sources))
    outcomes: list[BatchOutcome] = []
    try:
        for outcome in verify_batch_in_workers(sources, verify_request(args), jobs=args.jobs):
            outcomes.append(outcome)
            progress.clear()
            if args.json:
                print_json(outcome_json(outcome), out, indent=None)
            else:
                _print_line(outcome, _language(args), out)
            out.flush()
            progress.show(len(outcomes))
    finally:
        progress.clear()
    return outcomes


def outcome_json(outcome: BatchOutcome) -> dict[str, Any]:
    """One JSON line: the file, its SHA-256, and its report (or the problem)."""
    head = {"file": outcome.name, "sha256": outcome.sha256}
    if outcome.report is None:
        return {**head, "status": None, "problem": outcome.problem}
    return {**head, **outcome.report.to_json()}


def _print_line(outcome: BatchOutcome, lang: str, out: TextIO) -> None:
    from wallet.app.verification_table import report_reason

    report = outcome.report
    if report is None:
        say("error", outcome.name, outcome.problem or "", out=out, sep="\t")
        return
    views = [view for view in outcome.views if view is not None]
    titles = ", ".join(view.title.pick(lang) for view in views if view.title) or "(untitled)"
    reason = report_reason(report)
    summary = f"{titles}: {reason}" if reason else titles
    say(report.status.value, outcome.name, summary, out=out, sep="\t")


class _ProgressLine:
    """"12/200 files verified" on the terminal (standard error, only when it is one)."""

    def __init__(self, total: int) -> None:
        self._total = total
        self._shown = sys.stderr.isatty()
        self._drawn = False

    def show(self, done: int) -> None:
        if self._shown and done < self._total:
            sys.stderr.write(f"\r{done}/{self._total} files verified")
            sys.stderr.flush()
            self._drawn = True

    def clear(self) -> None:
        if self._drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._drawn = False


def _language(args: argparse.Namespace) -> str:
    """``--lang``, else the language Kredo speaks (KREDO_LANG, LANG …)."""
    from wallet.translation import current_language

    return str(args.lang or current_language())


def _save_outputs(outcomes: Sequence[BatchOutcome], args: argparse.Namespace) -> None:
    lang = _language(args)
    if args.csv is not None:
        from wallet.app.verification_table import save_csv

        save_csv(outcomes, args.csv, lang)
    if args.report is not None:
        from wallet.app.verification_record import save_verification_record

        save_verification_record(outcomes, args.report, lang=lang, request=verify_request(args))


def _exit_code(outcomes: Sequence[BatchOutcome]) -> int:
    """The worst verdict's code; a file that could not be verified is bad input (2), unless
    a verdict is worse than that (a failure is always told)."""
    from wallet.app.verifying import worst_status
    from wallet.verify.report import OverallStatus

    worst = worst_status(o.report for o in outcomes if o.report is not None)
    unverified = any(o.report is None for o in outcomes)
    if worst is None or (unverified and worst is not OverallStatus.FAILED):
        return EXIT_USAGE
    return worst.exit_code
