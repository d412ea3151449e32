"""``kredo receive``: get credentials from an issuer (OpenID4VCI offer) or an https link.

Naming an offer or a link on the command line is the permission to contact that issuer:
Kredo fetches the issuer's metadata (or the linked credential), shows who the issuer is and
what it offers, and asks before redeeming the offer (``--yes`` skips the question). The
received credentials are verified; those whose verification failed are not stored.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    EXIT_VERIFICATION_FAILED,
    open_from_args,
    print_json,
    print_report,
    say,
)
from wallet.errors import IssuanceError, UserCancelled, WalletError
from wallet.terminal_text import printable

if TYPE_CHECKING:
    from wallet.app.importing import ImportOutcome
    from wallet.issuance import OfferPreview, PendingCredential, ReceivedCredential
    from wallet.store.repository import CredentialRepository


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "receive",
        help="receive credentials from an issuer's OpenID4VCI offer or an https link",
    )
    p.add_argument(
        "offer", metavar="OFFER_OR_URL",
        help="openid-credential-offer://… (or an https link holding an offer), or the https "
        "address of a credential or Open Badges 2.0 hosted assertion",
    )
    p.add_argument("--pin", help="the transaction code (PIN) the issuer sent separately")
    p.add_argument("--yes", action="store_true", help="do not ask before receiving")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.add_argument(
        "--wait", type=float, default=30.0, metavar="SECONDS",
        help="how long to wait for credentials the issuer issues later (default 30)",
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS",
        help="how long to wait for each answer from the issuer (default 10)",
    )
    p.add_argument("--lang", default="en", help="language of the issuer's names (en, cs, ...)")
    p.set_defaults(handler=cmd_receive)


def cmd_receive(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.receiving import is_offer, offer_source, storable, store_received

    if args.timeout <= 0 or args.wait < 0:
        raise WalletError("--timeout must be positive and --wait must not be negative.")
    preview: OfferPreview | None
    with open_from_args(args) as opened:
        repository = opened.repository
        if is_offer(args.offer):
            received, pending, offer = _receive_offer(args, repository)
            preview, source = offer, offer_source(offer)
        else:
            received, pending, preview = _receive_link(args, repository)
            source = args.offer
        outcomes = store_received(repository, [r for r in received if storable(r)],
                                  source=source)
    rejected = [r for r in received if not storable(r)]
    _report(
        args, out, preview=preview, received=received, rejected=rejected, outcomes=outcomes,
        pending=pending,
    )
    if rejected:
        return EXIT_VERIFICATION_FAILED
    if pending or any(o.status == "error" for o in outcomes):
        return EXIT_USAGE
    return EXIT_OK


def _receive_offer(
    args: argparse.Namespace, repository: CredentialRepository
) -> tuple[list[ReceivedCredential], list[PendingCredential], OfferPreview]:
    from wallet.app.receiving import collect_deferred_until, prepare_receiving, preview, redeem

    offer = preview(args.offer, language=args.lang, timeout=args.timeout)
    if not args.json:
        _print_preview(offer, sys.stderr)
    tx_code = _transaction_code(offer, args.pin)
    _confirm(args, f"Receive {_count(len(offer.credentials))} from "
                   f"{offer.issuer_name or offer.issuer_host}?")
    setup = prepare_receiving(repository, offer, online=True)
    result = redeem(offer, setup, tx_code=tx_code, timeout=args.timeout)
    later = collect_deferred_until(result.pending, setup, seconds=args.wait,
                                   timeout=args.timeout)
    return [*result.received, *later.received], list(later.pending), offer


def _receive_link(
    args: argparse.Namespace, repository: CredentialRepository
) -> tuple[list[ReceivedCredential], list[PendingCredential], None]:
    from wallet.app.receiving import fetch_link, linked_as_received, prepare_receiving
    from wallet.issuance.issuer_http import host_of

    linked = fetch_link(args.offer, prepare_receiving(repository, None, online=True),
                        timeout=args.timeout)
    if not args.json:
        say(f"From {host_of(linked.url)}: {linked.credential.title or '(untitled)'}",
            out=sys.stderr)
        if linked.hosted_message:
            say(linked.hosted_message, out=sys.stderr)
    _confirm(args, "Store this credential in the wallet?")
    return [linked_as_received(linked)], [], None


def _transaction_code(preview: OfferPreview, pin: str | None) -> str | None:
    spec = preview.tx_code
    if spec is None:
        return None
    if pin is not None:
        return spec.check(pin)
    if not sys.stdin.isatty():
        raise IssuanceError(
            "The issuer asks for a transaction code (PIN): pass it with --pin."
        )
    hint = f" ({spec.description})" if spec.description else ""
    typed = getpass.getpass(printable(f"Transaction code (PIN) from the issuer{hint}: "))
    if not typed:
        raise UserCancelled()
    return spec.check(typed)


def _confirm(args: argparse.Namespace, question: str) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise WalletError("Kredo asks before receiving credentials: pass --yes to agree.")
    answer = input(f"{printable(question)} [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise UserCancelled()


def _print_preview(preview: OfferPreview, stream: TextIO) -> None:
    name = preview.issuer_name or "(the issuer gives no name)"
    say(f"Issuer: {name} ({preview.issuer_host})", out=stream)
    for offered in preview.credentials:
        label = offered.name or offered.configuration_id
        types = ", ".join(offered.types) or "—"
        say(f"  {label}: {types} [{offered.format}]", out=stream)


def _report(
    args: argparse.Namespace,
    out: TextIO,
    *,
    preview: OfferPreview | None,
    received: Sequence[ReceivedCredential],
    rejected: Sequence[ReceivedCredential],
    outcomes: Sequence[ImportOutcome],
    pending: Sequence[PendingCredential],
) -> None:
    if args.json:
        print_json(
            {
                "offer": preview.to_json() if preview else None,
                "received": [r.to_json() for r in received],
                "imported": [o.to_json() for o in outcomes],
                "pending": [p.configuration_id for p in pending],
            },
            out,
        )
        return
    for item in rejected:
        reason = item.error or "its verification failed"
        say(f"Not stored: {item.configuration_id}: {reason}", out=out)
        if item.report is not None:
            print_report(item.report, out)
    for outcome in outcomes:
        ident = str(outcome.id) if outcome.id is not None else "-"
        detail = outcome.error if outcome.status == "error" else (outcome.title or "(untitled)")
        say(ident, outcome.status, detail, out=out, sep="\t")
    for waiting in pending:
        say(f"Not yet issued: {waiting.configuration_id} (the issuer will issue it later; "
            "receive the offer again then).", out=out)


def _count(n: int) -> str:
    return "1 credential" if n == 1 else f"{n} credentials"
