"""``kredo present``: a signed presentation of chosen credentials, for one verifier."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from wallet.cli.common import EXIT_OK, open_from_args, print_json
from wallet.errors import SharingError, WalletError

SHARE_FORM = "presentation"


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
    from wallet.formats import parse_credential
    from wallet.share.holder import HolderProfiles
    from wallet.share.presentation import (
        PresentedCredential,
        build_presentation,
        presentation_bytes,
    )

    ids: list[int] = args.ids
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise SharingError(f"Credential {repeated[0]} is listed twice; list each once.")
    reveal = _disclosures(args.disclose, ids)
    with open_from_args(args) as opened:
        repository = opened.repository
        profiles = HolderProfiles(repository)
        profile = profiles.choose(args.profile)
        chosen = []
        for credential_id in ids:
            credential = parse_credential(repository.get(credential_id).raw)
            paths = reveal.get(credential_id)
            chosen.append(PresentedCredential(credential, tuple(paths) if paths else None))
        presentation = build_presentation(
            chosen,
            holder_key=profile.signing_key(),
            challenge=args.challenge,
            domain=args.domain,
            binding_keys=profiles.possession_keys(),
        )
        data = presentation_bytes(presentation)
        _write(args.out, data, out)
        repository.log_share(ids, form=SHARE_FORM, recipient=args.domain)
    summary = {
        "out": args.out,
        "holder": profile.did,
        "profile": profile.label,
        "credentials": ids,
        "challenge": args.challenge,
        "domain": args.domain,
        "bytes": len(data),
    }
    if args.json:
        print_json(summary, out if args.out != "-" else sys.stderr)
    elif args.out != "-":
        print(
            f"Wrote a presentation of {len(ids)} credential(s) to {args.out}, signed by "
            f"{profile.did} (profile “{profile.label}”).",
            file=out,
        )
    return EXIT_OK


def _disclosures(values: list[str], ids: list[int]) -> dict[int, list[str]]:
    """``ID:claim`` pairs → claims per credential; each ID must be one being presented."""
    chosen: dict[int, list[str]] = defaultdict(list)
    for value in values:
        number, sep, claim = value.partition(":")
        if not sep or not number.strip().isdigit() or not claim.strip():
            raise SharingError(
                f"--disclose takes ID:CLAIM, such as 4:given_name (got “{value[:60]}”)."
            )
        credential_id = int(number)
        if credential_id not in ids:
            raise SharingError(
                f"--disclose names credential {credential_id}, which is not being presented."
            )
        chosen[credential_id].append(claim.strip())
    return dict(chosen)


def _write(target: str, data: bytes, out: TextIO) -> None:
    if target == "-":
        out.write(data.decode("utf-8"))
        return
    path = Path(target)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise WalletError(
            f"The presentation could not be written to {path.name}.",
            details=f"{type(exc).__name__}: {exc.strerror}",
        ) from None
