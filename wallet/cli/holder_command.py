"""``kredo holder``: the holder profiles (did:key identities) that sign presentations."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args, print_json, say

if TYPE_CHECKING:
    from wallet.share.holder import HolderProfile


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("holder", help="list, add or choose holder profiles (your did:key)")
    actions = p.add_subparsers(dest="holder_action", required=True, metavar="ACTION")

    a = actions.add_parser("list", help="list the holder profiles")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_holder_list)

    a = actions.add_parser("add", help="create a new holder profile (a new Ed25519 did:key)")
    a.add_argument("label", metavar="LABEL")
    a.add_argument("--default", action="store_true", help="make it the default profile")
    a.set_defaults(handler=cmd_holder_add)

    a = actions.add_parser("default", help="choose the profile that signs by default")
    a.add_argument("label", metavar="LABEL")
    a.set_defaults(handler=cmd_holder_default)


def _profile_json(profile: HolderProfile) -> dict[str, Any]:
    return {
        "label": profile.label,
        "did": profile.did,
        "default": profile.is_default,
        "created_at": profile.created_at,
    }


def _print_profile(profile: HolderProfile, out: TextIO) -> None:
    mark = "*" if profile.is_default else " "
    say(f"{mark} {profile.label}", profile.did, out=out, sep="\t")


def cmd_holder_list(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.holders import holder_profiles

    with open_from_args(args) as opened:
        found = holder_profiles(opened.repository)
    if args.json:
        print_json([_profile_json(p) for p in found], out)
    else:
        for profile in found:
            _print_profile(profile, out)
    return EXIT_OK


def cmd_holder_add(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.holders import add_holder_profile

    with open_from_args(args) as opened:
        profile = add_holder_profile(opened.repository, args.label, make_default=args.default)
    _print_profile(profile, out)
    return EXIT_OK


def cmd_holder_default(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.holders import set_default_holder_profile

    with open_from_args(args) as opened:
        profile = set_default_holder_profile(opened.repository, args.label)
    _print_profile(profile, out)
    return EXIT_OK
