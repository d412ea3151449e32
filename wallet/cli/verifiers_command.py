"""``kredo verifiers``: the certificate authorities of verifiers the learner trusts.

An OpenID4VP verifier that signs its request with an X.509 certificate counts as confirmed
when its chain reaches one of these (``kredo respond``, and the consent dialog of the
desktop app). They are kept inside the encrypted wallet.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args, print_json, say

if TYPE_CHECKING:
    from wallet.app.verifier_authorities import VerifierAuthority


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("verifiers",
                       help="the certificate authorities of verifiers you trust (OpenID4VP)")
    actions = p.add_subparsers(dest="verifiers_action", required=True, metavar="ACTION")

    a = actions.add_parser("list", help="list the trusted verifier certificate authorities")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_list_ca)

    a = actions.add_parser("add-ca", help="trust the certificate authorities in a PEM or DER "
                                          "file for verifiers")
    a.add_argument("file", type=Path, metavar="FILE")
    a.set_defaults(handler=cmd_add_ca)

    a = actions.add_parser("remove", help="stop trusting a verifier certificate authority")
    a.add_argument("fingerprint", metavar="FINGERPRINT",
                   help="its SHA-256 fingerprint (at least the first eight hex digits)")
    a.set_defaults(handler=cmd_remove_ca)


def _print_authority(authority: VerifierAuthority, out: TextIO) -> None:
    # fingerprint, name, last day of validity: one authority a line, for people and scripts
    say(authority.fingerprint, authority.name, authority.not_after.date().isoformat(),
        out=out, sep="\t")


def cmd_list_ca(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.verifier_authorities import verifier_authorities

    with open_from_args(args) as opened:
        found = verifier_authorities(opened.repository)
    if args.json:
        print_json([a.to_json() for a in found], out)
    else:
        for authority in found:
            _print_authority(authority, out)
    return EXIT_OK


def cmd_add_ca(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.verifier_authorities import add_verifier_authorities
    from wallet.errors import TrustMaterialError
    from wallet.translation import tr

    path: Path = args.file
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TrustMaterialError(tr("The file {name} could not be read.", name=path.name),
                                 details=str(exc)) from None
    with open_from_args(args) as opened:
        added = add_verifier_authorities(opened.repository, raw, name=path.name)
    for authority in added:
        _print_authority(authority, out)
    if not added:
        say(tr("These certificate authorities were trusted already."), out=out)
    return EXIT_OK


def cmd_remove_ca(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.verifier_authorities import remove_verifier_authority

    with open_from_args(args) as opened:
        removed = remove_verifier_authority(opened.repository, args.fingerprint)
    _print_authority(removed, out)
    return EXIT_OK
