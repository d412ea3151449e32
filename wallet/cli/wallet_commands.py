"""``kredo init/import/list/show/tag/untag/delete/backup/restore/passphrase``: the wallet itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import (
    BACKUP_PASSPHRASE_ENV,
    EXIT_OK,
    EXIT_USAGE,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    open_from_args,
    print_json,
    print_view,
    prompt_secret,
    say,
)

if TYPE_CHECKING:
    from wallet.app.importing import ImportOutcome
    from wallet.store.records import CredentialSummary


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("init", help="create a new encrypted wallet")
    p.add_argument(
        "--passphrase",
        action="store_true",
        help="protect the wallet key with a passphrase instead of the OS keyring",
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("import", help="import credential files, folders, or - for standard input")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON list of outcomes")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list the credentials in the wallet")
    p.add_argument("--json", action="store_true")
    p.add_argument("--search", metavar="Q", help="full-text search (diacritics do not matter)")
    p.add_argument("--tag", metavar="T", help="only credentials with this tag")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one credential with every micro-credential element")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", default="en", help="language of the credential's texts (en, cs, ...)")
    p.set_defaults(handler=cmd_show)

    for name, text in (
        ("tag", "add tags to a credential"),
        ("untag", "remove tags from a credential"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id", type=int)
        p.add_argument("tags", nargs="+", metavar="TAG")
        p.set_defaults(handler=cmd_tag)

    p = sub.add_parser("delete", help="delete a credential from the wallet")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_delete)

    p = sub.add_parser("backup", help="write an encrypted backup of the whole wallet")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup into this wallet (duplicates skipped)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("passphrase", help="set or change the wallet passphrase")
    p.set_defaults(handler=cmd_passphrase)


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.wallet_access import check_new_passphrase, keyring_available, wallet_home
    from wallet.app.wallet_setup import create_wallet

    home = wallet_home(args.home)
    passphrase: str | None = None
    if args.passphrase or not keyring_available():
        if not args.passphrase:
            say("No OS keyring is available: the wallet key will be protected by a passphrase.",
                out=sys.stderr)
        passphrase = prompt_secret("New wallet passphrase: ", PASSPHRASE_ENV, confirm=True)
        check_new_passphrase(passphrase)
    create_wallet(home, passphrase=passphrase, use_keyring=passphrase is None)
    how = "a passphrase" if passphrase is not None else "the OS keyring"
    say(f"Created a wallet in {home} (key protected by {how}).", out=out)
    return EXIT_OK


def _print_outcome(outcome: ImportOutcome, out: TextIO) -> None:
    ident = str(outcome.id) if outcome.id is not None else "-"
    detail = outcome.error if outcome.status == "error" else (outcome.title or "(untitled)")
    say(ident, outcome.status, detail, outcome.source, out=out, sep="\t")


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.importing import import_paths, import_stream

    outcomes: list[ImportOutcome] = []
    with open_from_args(args) as opened:
        repo = opened.repository
        for name in args.paths:
            batch = (
                import_stream(repo, sys.stdin.buffer.read)
                if name == "-"
                else import_paths(repo, [Path(name)])
            )
            for outcome in batch:
                outcomes.append(outcome)
                if not args.json:
                    _print_outcome(outcome, out)
    if args.json:
        print_json([o.to_json() for o in outcomes], out)
    return EXIT_USAGE if any(o.status == "error" for o in outcomes) else EXIT_OK


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    with open_from_args(args) as opened:
        rows = opened.repository.list(search=args.search, tag=args.tag)
    if args.json:
        print_json([_summary_json(row) for row in rows], out)
        return EXIT_OK
    for row in rows:
        title = row.index.title.pick("en") if row.index.title else "(untitled)"
        say(row.id, title, row.index.issuer_name or "—", row.index.issued or "—",
            row.format.value, out=out, sep="\t")
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
    from wallet.app.credentials import load_credential

    with open_from_args(args) as opened:
        loaded = load_credential(opened.repository, args.id)
    stored, credential = loaded.stored, loaded.credential
    if args.json:
        print_json(
            {
                "id": stored.id,
                "format": credential.format.value,
                "content_hash": stored.content_hash,
                "imported_at": stored.imported_at,
                "source": stored.source,
                "tags": list(stored.tags),
                "view": credential.view.to_json(),
            },
            out,
        )
        return EXIT_OK
    say(f"Credential {stored.id} · {credential.format.label}", out=out)
    print_view(credential.view, args.lang, out)
    if stored.tags:
        say(f"Tags  {', '.join(stored.tags)}", out=out)
    return EXIT_OK


def cmd_tag(args: argparse.Namespace, out: TextIO) -> int:
    with open_from_args(args) as opened:
        if args.command == "tag":
            opened.repository.tag(args.id, args.tags)
        else:
            opened.repository.untag(args.id, args.tags)
        tags = opened.repository.get(args.id).tags
    say(args.id, ", ".join(tags) or "(no tags)", out=out, sep="\t")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, out: TextIO) -> int:
    with open_from_args(args) as opened:
        opened.repository.delete(args.id)
    say(f"Deleted credential {args.id}.", out=out)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.backups import back_up

    with open_from_args(args) as opened:
        passphrase = prompt_secret("Backup passphrase: ", BACKUP_PASSPHRASE_ENV, confirm=True)
        summary = back_up(opened.repository, args.out, passphrase)
    say(f"Wrote an encrypted backup of {summary.credentials} credentials to {args.out}.",
        out=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.backups import restore

    with open_from_args(args) as opened:
        passphrase = prompt_secret("Backup passphrase: ", BACKUP_PASSPHRASE_ENV)
        report = restore(opened.repository, args.file, passphrase)
    say(f"Restored {report.restored} credentials; {report.duplicates} were already in the "
        "wallet.", out=out)
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.wallet_access import change_passphrase, wallet_home

    home = wallet_home(args.home)
    old = prompt_secret("Current passphrase: ", PASSPHRASE_ENV)
    new = prompt_secret("New passphrase: ", NEW_PASSPHRASE_ENV, confirm=True)
    change_passphrase(home, old, new)
    say("The passphrase was changed.", out=out)
    return EXIT_OK
