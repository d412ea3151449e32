"""``kredo present``: a signed presentation of chosen credentials, for one verifier."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args, print_json, say
from wallet.errors import SharingError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "present",
        help="write a presentation of credentials, signed by your holder key",
        description="Write a W3C Verifiable Presentation of the chosen credentials, signed "
        "with a holder profile's did:key (eddsa-rdfc-2022). Give the verifier's challenge "
        "and domain when they sent them.",
    )
    p.add_argument("ids", type=int, nargs="+", metavar="ID", help="credentials in the wallet")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="where to write the presentation (- for stdout)",
    )
    p.add_argument("--challenge", help="the verifier's challenge (nonce)")
    p.add_argument("--domain", help="the verifier's domain")
    p.add_argument("--profile", metavar="LABEL", help="holder profile (default: the default one)")
    p.add_argument(
        "--disclose",
        action="append",
        default=[],
        metavar="ID:CLAIM",
        help="for an SD-JWT VC, reveal only these claims (repeatable, e.g. 4:given_name or "
        "4:address/locality); without it every claim is revealed",
    )
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(handler=cmd_present)


def cmd_present(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.presenting import PresentationRequest, present_credentials

    ids: list[int] = args.ids
    request = PresentationRequest(
        credential_ids=tuple(ids),
        reveal=_disclosures(args.disclose),
        profile=args.profile,
        challenge=args.challenge,
        domain=args.domain,
    )
    to_stdout = args.out == "-"
    with open_from_args(args) as opened:
        made = present_credentials(
            opened.repository, request, recipient=args.domain,
            save_to=None if to_stdout else Path(args.out),
        )
    if to_stdout:
        out.write(made.data.decode("utf-8"))
    summary = {
        "out": args.out,
        "holder": made.holder,
        "profile": made.profile,
        "credentials": list(made.credential_ids),
        "challenge": made.challenge,
        "domain": made.domain,
        "bytes": len(made.data),
    }
    if args.json:
        print_json(summary, sys.stderr if to_stdout else out)
    elif not to_stdout:
        say(f"Wrote a presentation of {len(ids)} credential(s) to {args.out}, signed by "
            f"{made.holder} (profile “{made.profile}”).", out=out)
    return EXIT_OK


def _disclosures(values: list[str]) -> dict[int, tuple[str, ...]]:
    """``ID:claim`` pairs → the claims to reveal per credential."""
    chosen: dict[int, list[str]] = defaultdict(list)
    for value in values:
        number, sep, claim = value.partition(":")
        if not sep or not number.strip().isdigit() or not claim.strip():
            raise SharingError(
                f"--disclose takes ID:CLAIM, such as 4:given_name (got “{value[:60]}”)."
            )
        chosen[int(number)].append(claim.strip())
    return {credential_id: tuple(claims) for credential_id, claims in chosen.items()}
