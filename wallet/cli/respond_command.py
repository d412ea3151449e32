"""``kredo respond LINK``: answer an online verifier's OpenID4VP request.

Naming the link is the permission to contact that verifier. Kredo reads the request, shows
who asks (as its certificate or DID says, and whether Kredo could confirm it) and what, lets
the learner pick among matching credentials on a terminal, and sends nothing before the
learner agrees (``--yes`` agrees to what is asked, for scripts). ``--json`` prints what was
sent. ``--online`` also lets Kredo look up a verifier's did:web document. The certificate
authorities of verifiers the learner trusts come from the wallet (``kredo verifiers add-ca``)
and, for one answer, from ``--verifier-ca``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import EXIT_OK, EXIT_USAGE, open_from_args, print_json
from wallet.errors import UserCancelled, WalletError
from wallet.terminal_text import printable
from wallet.translation import tr

if TYPE_CHECKING:
    from wallet.app.responding import Consent
    from wallet.share.oid4vp.matching import Candidate, RequestMatch
    from wallet.share.oid4vp.request import PresentationRequest


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("respond", help="answer a verifier's OpenID4VP request (a link or QR)")
    p.add_argument("link", metavar="LINK",
                   help="openid4vp://…, haip-vp://… or the verifier's https request link")
    p.add_argument("--yes", action="store_true",
                   help="share what is asked without asking (the first matching credentials)")
    p.add_argument("--json", action="store_true", help="print what was sent as JSON")
    p.add_argument("--online", action="store_true",
                   help="also look up a verifier's did:web document online")
    p.add_argument("--verifier-ca", type=Path, metavar="FILE",
                   help="certificate authorities (PEM or DER) whose verifiers count as "
                        "confirmed, for this answer only (kredo verifiers add-ca keeps them)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="how long to wait for each answer from the verifier (default 10)")
    p.set_defaults(handler=cmd_respond)


def cmd_respond(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.responding import (
        decline,
        load_verifier_anchors,
        match_wallet,
        read_verifier_request,
        request_reading,
        respond,
    )

    if args.timeout <= 0:
        raise WalletError(tr("--timeout must be positive."))
    extra = load_verifier_anchors(args.verifier_ca) if args.verifier_ca else ()
    with open_from_args(args) as opened:
        stored = request_reading(opened.repository).anchors
        request = read_verifier_request(args.link, timeout=args.timeout,
                                        anchors=(*stored, *extra), online=args.online)
        match = match_wallet(opened.repository, request)
        if not args.json:
            _print_request(request, match, sys.stderr)
        consent = _consent(args, match)
        if consent is None:
            declined = decline(request, timeout=args.timeout)
            print(tr("Nothing was shared; the verifier was told that you declined."), file=out)
            if declined.redirect_uri:
                print(tr("The verifier asks you to continue at: {address}",
                         address=printable(declined.redirect_uri)), file=out)
            return EXIT_USAGE
        outcome = respond(opened.repository, request, match, consent, timeout=args.timeout)
    if args.json:
        print_json(outcome.to_json(), out)
        return EXIT_OK
    for shared in outcome.shared:
        claims = f" ({', '.join(shared.claims)})" if shared.claims else ""
        print(printable(tr("Shared with {verifier}: {title}", verifier=request.verifier.name,
                           title=shared.title) + claims), file=out)
    if outcome.redirect_uri:
        print(tr("The verifier asks you to continue at: {address}",
                 address=printable(outcome.redirect_uri)), file=out)
    return EXIT_OK


def _print_request(request: PresentationRequest, match: RequestMatch, stream: TextIO) -> None:
    from wallet.app.consent_choices import credential_title

    # Everything a request carries is the verifier's text: escaped, so it cannot move the
    # cursor, recolour the terminal or forge a line of Kredo's own.
    who = printable(request.metadata.name or request.verifier.name)
    print(tr("Verifier: {name} ({client_id})", name=who,
             client_id=printable(request.verifier.client_id)), file=stream)
    print(f"  {printable(request.verifier.assurance)}", file=stream)
    host = printable(request.response_host)
    print("  " + (tr("The answer goes to {host}, encrypted.", host=host) if request.encrypted
                  else tr("The answer goes to {host}.", host=host)), file=stream)
    for found in match.matches:
        query = found.query
        asked = ", ".join("/".join(str(s) for s in c.path) for c in query.claims) or "—"
        print(printable(tr("Asks for {query} [{format}], claims: {claims}", query=query.id,
                           format=query.format, claims=asked)), file=stream)
        for number, candidate in enumerate(found.candidates, start=1):
            print(f"  {number}. {_describe(candidate)}", file=stream)
            if candidate.authority_note:
                print(f"     {printable(candidate.authority_note)}", file=stream)
        for refused in found.not_offered:
            print(f"  -  #{refused.credential_id} "
                  f"{printable(credential_title(refused.credential))}", file=stream)
            print(f"     {printable(refused.reason)}", file=stream)
        if not found.candidates:
            print("  " + tr("(nothing in the wallet matches)"), file=stream)


def _describe(candidate: Candidate) -> str:
    from wallet.app.consent_choices import credential_title

    shown = (tr("whole credential") if candidate.disclose is None
             else ", ".join(candidate.disclose) or tr("no optional claims"))
    return (f"#{candidate.credential_id} {printable(credential_title(candidate.credential))}"
            f" ({printable(shown)})")


def _consent(args: argparse.Namespace, match: RequestMatch) -> Consent | None:
    """The learner's choice on a terminal; None when they said no (the verifier is told)."""
    from wallet.app.responding import Consent, default_consent

    proposed = default_consent(match)
    if args.yes:
        return proposed
    if not sys.stdin.isatty():
        raise WalletError(tr("Kredo asks before sharing credentials: pass --yes to agree."))
    chosen = dict(proposed.chosen)
    for query_id, picked in proposed.chosen.items():
        candidates = match.candidates(query_id)
        if len(candidates) > 1 and len(picked) == 1:
            answer = input(printable(tr("Which credential for {query}? [1-{count}, default 1] ",
                                        query=query_id, count=len(candidates)))).strip()
            if answer:
                if not answer.isdigit() or not 1 <= int(answer) <= len(candidates):
                    raise UserCancelled()
                chosen[query_id] = (candidates[int(answer) - 1],)
    if input(tr("Share these with the verifier? [y/N] ")).strip().lower() not in (
            "y", "yes", tr("y"), tr("yes")):
        return None
    return Consent(chosen)
