"""``kredo export pdf|europass|europass-cv``: documents and files to take a credential elsewhere."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from wallet.cli.common import EXIT_OK, EXIT_USAGE, open_from_args, say
from wallet.errors import NotExportable
from wallet.export.cv_entries import SectionChoice
from wallet.share.annex_labels import SUPPORTED_LANGUAGES


def register(sub: argparse._SubParsersAction[Any]) -> None:
    group = sub.add_parser("export", help="export credentials: PDF, Europass wallet, Europass CV")
    commands = group.add_subparsers(dest="export_command", required=True, metavar="WHAT")

    p = commands.add_parser(
        "pdf", help="a readable A4 PDF with every Annex I element and the original attached"
    )
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    _add_lang(p)
    p.add_argument(
        "--online",
        action="store_true",
        help="allow network look-ups for the verification summary (status lists, did:web)",
    )
    p.set_defaults(handler=cmd_export_pdf)

    p = commands.add_parser(
        "europass", help="the sealed EDC files, unchanged, for the Europass wallet (My Library)"
    )
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    _add_lang(p)
    p.set_defaults(handler=cmd_export_europass)

    p = commands.add_parser("europass-cv", help="a Europass CV (XML, and a PDF with --pdf)")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the CV XML file")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also a CV PDF carrying the XML")
    _add_lang(p)
    p.add_argument("--given-name", help="your given name (else: from the credentials)")
    p.add_argument("--family-name", help="your family name (else: from the credentials)")
    p.add_argument("--email", help="an e-mail address for the CV")
    p.add_argument(
        "--section",
        choices=[c.value for c in SectionChoice],
        default=SectionChoice.AUTO.value,
        help="where the credentials go: auto (with EQF level or ECTS: education and "
        "training, else certifications), education, or certification",
    )
    p.set_defaults(handler=cmd_export_europass_cv)


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default="en",
        help="language of the document and the credential texts (default: en)",
    )


def cmd_export_pdf(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.pdf_sharing import stored_credential_pdf

    with open_from_args(args) as opened:
        # The verification the PDF shows is remembered like any other (list status chips).
        made = stored_credential_pdf(
            opened.repository, args.id, lang=args.lang, online=args.online, save_to=args.out
        )
    say(f"Wrote {args.out} ({len(made.data):,} bytes; verification: "
        f"{made.report.status.value}; the original credential is attached inside).", out=out)
    return EXIT_OK


def cmd_export_europass(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.exporting import export_to_europass_wallet

    with open_from_args(args) as opened:
        try:
            result = export_to_europass_wallet(
                opened.repository, args.ids, args.out, lang=args.lang
            )
        except NotExportable as exc:
            raise NotExportable(f"{exc.message} (kredo export pdf ID --out FILE)") from exc
    for written in result.written:
        say(written.label, "written", written.path, f"sha256 {written.sha256}", out=out, sep="\t")
    for refused in result.refused:
        say(refused.label, "refused", refused.reason, out=out, sep="\t")
    say(f"Upload the .jsonld files to your Europass wallet; see {result.readme}.", out=out)
    if result.refused:
        say("For the refused ones: kredo export pdf ID --out FILE", out=out)
    return EXIT_USAGE if result.refused else EXIT_OK


def cmd_export_europass_cv(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.exporting import export_europass_cv

    with open_from_args(args) as opened:
        cv = export_europass_cv(
            opened.repository,
            args.ids,
            args.out,
            lang=args.lang,
            pdf_path=args.pdf,
            given_name=args.given_name,
            family_name=args.family_name,
            email=args.email,
            section=SectionChoice(args.section),
        )
    for credential_id, entry in zip(cv.credential_ids, cv.entries, strict=True):
        say(credential_id, entry.section.value, entry.title, out=out, sep="\t")
    written = f"{args.out}" + (f" and {args.pdf}" if args.pdf is not None else "")
    say(f"Wrote the Europass CV of {cv.person.full_name} to {written}.", out=out)
    return EXIT_OK
