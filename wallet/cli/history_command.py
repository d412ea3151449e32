"""``kredo history``: what was shared, when, with whom; export as JSON; forget entries."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("history", help="list, export or delete the sharing history")
    p.add_argument("--json", action="store_true", help="export the history as JSON")
    p.add_argument("--delete", type=int, nargs="+", metavar="ID",
                   help="forget these entries of the history")
    p.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.history import delete_entries, history, history_json

    with open_from_args(args) as opened:
        if args.delete:
            removed = delete_entries(opened.repository, args.delete)
            print(f"Forgot {removed} entr{'y' if removed == 1 else 'ies'} of the history.",
                  file=out)
            return EXIT_OK
        entries = history(opened.repository)
    if args.json:
        out.write(history_json(entries))
        return EXIT_OK
    for entry in entries:
        recipient = entry.recipient or "(recipient not recorded)"
        confirmed = ""
        if entry.verifier is not None:
            confirmed = " [confirmed]" if entry.verifier.confirmed else " [not confirmed]"
        print(f"{entry.id}\t{entry.shared_at}\t{entry.form}\t{recipient}{confirmed}", file=out)
        for shared in entry.credentials:
            claims = f" ({', '.join(shared.claims)})" if shared.claims else ""
            ident = f"#{shared.credential_id}" if shared.credential_id is not None else "(deleted)"
            print(f"\t{ident} {shared.title}{claims}", file=out)
    if not entries:
        print("Nothing has been shared yet.", file=out)
    return EXIT_OK
