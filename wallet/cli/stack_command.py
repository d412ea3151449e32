"""``kredo stack``: the ECTS credits and workload of the wallet, a collection, a tag or chosen
credentials, each credential counted once, what failed verification left out and named."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args, print_json, say, say_lines

if TYPE_CHECKING:
    from wallet.app.stacks import Figures, StackSelection, StackTotals


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("stack", help="add up the ECTS credits and workload of credentials")
    p.add_argument("ids", type=int, nargs="*", metavar="ID",
                   help="the credentials to stack (default: the whole wallet)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--collection", metavar="NAME", help="stack this collection")
    which.add_argument("--tag", metavar="TAG", help="stack the credentials with this tag")
    p.add_argument("--lang", default="en", help="language of the credentials' texts (en, cs, ...)")
    p.add_argument("--json", action="store_true", help="print the totals as JSON")
    p.set_defaults(handler=cmd_stack)


def cmd_stack(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.stack_notes import stack_notes
    from wallet.app.stacks import stack_totals

    selection = _selection(args)
    with open_from_args(args) as opened:
        totals = stack_totals(opened.repository, selection, args.lang)
    if args.json:
        print_json(dataclasses.asdict(totals), out)
        return EXIT_OK
    say_lines(stack_notes(totals), out)
    for title, rows in _tables(totals):
        say("", out=out)
        say_lines(_table(title, rows), out)
    return EXIT_OK


def _selection(args: argparse.Namespace) -> StackSelection:
    from wallet.app.stacks import StackSelection
    from wallet.errors import WalletError
    from wallet.translation import tr

    if args.ids and (args.collection or args.tag):
        raise WalletError(tr("Give credential ids, or --collection, or --tag: not both."))
    if args.collection:
        return StackSelection.collection(args.collection)
    if args.tag:
        return StackSelection.tag(args.tag)
    return StackSelection.chosen(args.ids) if args.ids else StackSelection.everything()


def _tables(totals: StackTotals) -> list[tuple[str, list[tuple[str, Figures]]]]:
    from wallet.app.stack_notes import level_label, name_label
    from wallet.translation import tr

    return [(tr("EQF level"), [(level_label(t.level), t.figures) for t in totals.by_level]),
            (tr("Awarding body"), [(name_label(t.name), t.figures) for t in totals.by_body])]


def _table(title: str, rows: Sequence[tuple[str, Figures]]) -> list[str]:
    """Aligned columns: the group, then credentials, ECTS and workload, right-aligned."""
    from wallet.app.stack_notes import amount_text
    from wallet.terminal_text import printable
    from wallet.translation import tr

    header = [title, tr("Credentials"), tr("ECTS credits"), tr("Workload (hours)")]
    cells = [[printable(name), str(f.credentials), amount_text(f.ects),
              amount_text(f.workload_hours)] for name, f in rows]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    return ["  ".join([row[0].ljust(widths[0]), *(cell.rjust(width) for cell, width
                                                   in zip(row[1:], widths[1:], strict=True))])
            for row in [header, *cells]]
