"""The ``kredo`` command: the same core as the GUI, for people and scripts.

Exit codes: 0 success, 1 a verification failed, 2 usage error or bad input,
3 partially verified. Errors are one sentence on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import wallet
from wallet.errors import KeyUnavailable, UserCancelled, WalletError
from wallet.formats import parse_credential
from wallet.formats.json_input import load_json_object
from wallet.importer import (
    ImportOutcome,
    import_bytes,
    import_paths,
    read_limited,
    read_stream_limited,
)
from wallet.store.backup import restore_backup, write_backup
from wallet.store.keys import keyring_usable
from wallet.store.paths import resolve_home
from wallet.store.records import CredentialSummary
from wallet.store.wallet import OpenWallet, change_passphrase, init_wallet, open_wallet
from wallet.trust import TrustStore
from wallet.verify.engine import verify_credential, verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report_text import render_report
from wallet.view_text import render_view

EXIT_OK = 0
EXIT_VERIFICATION_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

PASSPHRASE_ENV = "KREDO_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "KREDO_NEW_PASSPHRASE"  # noqa: S105
BACKUP_PASSPHRASE_ENV = "KREDO_BACKUP_PASSPHRASE"  # noqa: S105


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
    parser.add_argument("--version", action="version", version=f"kredo {wallet.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a new encrypted wallet")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="protect the wallet key with a passphrase instead of the OS keyring",
    )

    p = sub.add_parser("import", help="import credential files, folders, or - for standard input")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON list of outcomes")

    p = sub.add_parser("list", help="list the credentials in the wallet")
    p.add_argument("--json", action="store_true")
    p.add_argument("--search", metavar="Q", help="full-text search (diacritics do not matter)")
    p.add_argument("--tag", metavar="T", help="only credentials with this tag")

    p = sub.add_parser("show", help="show one credential with every micro-credential element")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", default="en", help="language of the credential's texts (en, cs, ...)")

    for name, text in (
        ("tag", "add tags to a credential"),
        ("untag", "remove tags from a credential"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id", type=int)
        p.add_argument("tags", nargs="+", metavar="TAG")

    p = sub.add_parser("delete", help="delete a credential from the wallet")
    p.add_argument("id", type=int)

    p = sub.add_parser("backup", help="write an encrypted backup of the whole wallet")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")

    p = sub.add_parser("restore", help="restore a backup into this wallet (duplicates skipped)")
    p.add_argument("file", type=Path, metavar="FILE")

    sub.add_parser("passphrase", help="set or change the wallet passphrase")

    p = sub.add_parser("verify", help="check whether a credential is genuine, check by check")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("id", type=int, nargs="?", help="a credential in the wallet")
    target.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="a credential or presentation file (no wallet needed)",
    )
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
    return parser


# --- passphrases --------------------------------------------------------------------------


def _prompt(prompt: str, env: str, *, confirm: bool = False) -> str:
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


def _unlock_prompt() -> str:
    return _prompt("Wallet passphrase: ", PASSPHRASE_ENV)


# --- commands ------------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> OpenWallet:
    return open_wallet(resolve_home(args.home), passphrase_provider=_unlock_prompt)


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    home = resolve_home(args.home)
    passphrase: str | None = None
    if args.passphrase or not keyring_usable():
        if not args.passphrase:
            print(
                "No OS keyring is available: the wallet key will be protected by a passphrase.",
                file=sys.stderr,
            )
        passphrase = _prompt("New wallet passphrase: ", PASSPHRASE_ENV, confirm=True)
    init_wallet(home, passphrase=passphrase, use_keyring=passphrase is None)
    how = "a passphrase" if passphrase is not None else "the OS keyring"
    print(f"Created a wallet in {home} (key protected by {how}).", file=out)
    return EXIT_OK


def _print_outcome(outcome: ImportOutcome, out: TextIO) -> None:
    ident = str(outcome.id) if outcome.id is not None else "-"
    detail = outcome.error if outcome.status == "error" else (outcome.title or "(untitled)")
    print(f"{ident}\t{outcome.status}\t{detail}\t{outcome.source}", file=out)


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    outcomes: list[ImportOutcome] = []
    with _open(args) as opened:
        repo = opened.repository
        for name in args.paths:
            batch = (
                import_bytes(repo, read_stream_limited(sys.stdin.buffer.read), source="stdin")
                if name == "-"
                else import_paths(repo, [Path(name)])
            )
            for outcome in batch:
                outcomes.append(outcome)
                if not args.json:
                    _print_outcome(outcome, out)
    if args.json:
        json.dump([o.to_json() for o in outcomes], out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_USAGE if any(o.status == "error" for o in outcomes) else EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        rows = opened.repository.list(search=args.search, tag=args.tag)
    if args.json:
        json.dump([_summary_json(row) for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for row in rows:
        title = row.index.title.pick("en") if row.index.title else "(untitled)"
        print(
            "\t".join(
                (
                    str(row.id),
                    title,
                    row.index.issuer_name or "—",
                    row.index.issued or "—",
                    row.format.value,
                )
            ),
            file=out,
        )
    return EXIT_OK


def _summary_json(row: CredentialSummary) -> dict[str, Any]:
    index = row.index
    return {
        "id": row.id,
        "format": row.format.value,
        "title": index.title.to_json() if index.title else None,
        "issuer": index.issuer_name,
        "issued": index.issued,
        "subject": index.subject_name,
        "ects": index.ects,
        "eqf_level": index.eqf_level,
        "imported_at": row.imported_at,
        "tags": list(row.tags),
    }


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        stored = opened.repository.get(args.id)
    credential = parse_credential(stored.raw)
    if args.json:
        payload: dict[str, Any] = {
            "id": stored.id,
            "format": credential.format.value,
            "content_hash": stored.content_hash,
            "imported_at": stored.imported_at,
            "source": stored.source,
            "tags": list(stored.tags),
            "view": credential.view.to_json(),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    print(f"Credential {stored.id} · {credential.format.label}", file=out)
    print(render_view(credential.view, args.lang), file=out)
    if stored.tags:
        print(f"Tags  {', '.join(stored.tags)}", file=out)
    return EXIT_OK


def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        if args.command == "tag":
            opened.repository.tag(args.id, args.tags)
        else:
            opened.repository.untag(args.id, args.tags)
        tags = opened.repository.get(args.id).tags
    print(f"{args.id}\t{', '.join(tags) or '(no tags)'}", file=out)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        opened.repository.delete(args.id)
    print(f"Deleted credential {args.id}.", file=out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        passphrase = _prompt("Backup passphrase: ", BACKUP_PASSPHRASE_ENV, confirm=True)
        summary = write_backup(opened.repository, args.out, passphrase)
    print(
        f"Wrote an encrypted backup of {summary.credentials} credentials to {args.out}.", file=out
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as opened:
        passphrase = _prompt("Backup passphrase: ", BACKUP_PASSPHRASE_ENV)
        report = restore_backup(args.file, passphrase, opened.repository)
    print(
        f"Restored {report.restored} credentials; {report.duplicates} were already in the wallet.",
        file=out,
    )
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace, out: TextIO) -> int:
    home = resolve_home(args.home)
    old = _prompt("Current passphrase: ", PASSPHRASE_ENV)
    new = _prompt("New passphrase: ", NEW_PASSPHRASE_ENV, confirm=True)
    change_passphrase(home, old, new)
    print("The passphrase was changed.", file=out)
    return EXIT_OK


def _verify_options(args: argparse.Namespace) -> VerifyOptions:
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


def cmd_verify(args: argparse.Namespace, out: TextIO) -> int:
    options = _verify_options(args)
    if args.file is not None:
        report = verify_file_bytes(read_limited(args.file), options=options)
    else:
        with _open(args) as opened:
            stored = opened.repository.get(args.id)
            report = verify_credential(parse_credential(stored.raw), options=options)
            opened.repository.save_verification(
                stored.id,
                status=report.status.value,
                report_json=json.dumps(report.to_json()),
                mode="network" if args.online else "offline",
            )
    if args.json:
        json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print(render_report(report), file=out)
    return report.status.exit_code


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "init": cmd_init,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "tag": cmd_tag,
    "untag": cmd_tag,
    "delete": cmd_delete,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "passphrase": cmd_passphrase,
    "verify": cmd_verify,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    stream = out if out is not None else sys.stdout
    try:
        return _COMMANDS[args.command](args, stream)
    except UserCancelled:
        return EXIT_USAGE
    except WalletError as exc:
        if args.debug:
            traceback.print_exc()
            if exc.details:
                print(exc.details, file=sys.stderr)
        print(f"kredo: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into head or a closed pager
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("kredo: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
