"""``kredo export pdf|europass|europass-cv``: documents and files to take a credential elsewhere."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import EXIT_OK, EXIT_USAGE, open_from_args
from wallet.errors import NotExportable
from wallet.export.cv_entries import SectionChoice
from wallet.share.annex_labels import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from wallet.model import Credential
    from wallet.store.repository import CredentialRepository


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


def _load(repository: CredentialRepository, ids: Sequence[int]) -> list[tuple[int, Credential]]:
    from wallet.formats import parse_credential

    loaded = []
    for credential_id in dict.fromkeys(ids):  # each once, in the order given
        stored = repository.get(credential_id)
        loaded.append((stored.id, parse_credential(stored.raw)))
    return loaded


def cmd_export_pdf(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.export.file_output import write_file
    from wallet.share.pdf_export import stored_credential_pdf
    from wallet.trust import TrustStore
    from wallet.verify.options import VerifyOptions

    with open_from_args(args) as opened:
        # The verification the PDF shows is remembered like any other (list status chips).
        document, report = stored_credential_pdf(
            opened.repository, args.id, lang=args.lang,
            options=VerifyOptions(online=args.online, trust=TrustStore.bundled()),
        )
        write_file(args.out, document)
    print(
        f"Wrote {args.out} ({len(document):,} bytes; verification: {report.status.value}; "
        "the original credential is attached inside).",
        file=out,
    )
    return EXIT_OK


def cmd_export_europass(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.export.europass_originals import export_europass_originals

    with open_from_args(args) as opened:
        loaded = _load(opened.repository, args.ids)
        try:
            result = export_europass_originals(
                [(str(i), c) for i, c in loaded], args.out, lang=args.lang
            )
        except NotExportable as exc:
            raise NotExportable(f"{exc.message} (kredo export pdf ID --out FILE)") from exc
        opened.repository.log_share([int(w.label) for w in result.written], form="europass")
    for written in result.written:
        print(f"{written.label}\twritten\t{written.path}\tsha256 {written.sha256}", file=out)
    for refused in result.refused:
        print(f"{refused.label}\trefused\t{refused.reason}", file=out)
    print(f"Upload the .jsonld files to your Europass wallet; see {result.readme}.", file=out)
    if result.refused:
        print("For the refused ones: kredo export pdf ID --out FILE", file=out)
    return EXIT_USAGE if result.refused else EXIT_OK


def cmd_export_europass_cv(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.export.cv_entries import cv_entries
    from wallet.export.cv_pdf import europass_cv_pdf
    from wallet.export.cv_person import cv_person
    from wallet.export.cv_xml import europass_cv_xml
    from wallet.export.file_output import write_file

    with open_from_args(args) as opened:
        loaded = _load(opened.repository, args.ids)
        credentials = [c for _, c in loaded]
        person = cv_person(
            credentials,
            lang=args.lang,
            given_name=args.given_name,
            family_name=args.family_name,
            email=args.email,
        )
        entries = cv_entries(credentials, lang=args.lang, section=SectionChoice(args.section))
        xml = europass_cv_xml(entries, person, lang=args.lang)
        write_file(args.out, xml)
        if args.pdf is not None:
            write_file(args.pdf, europass_cv_pdf(entries, person, xml, lang=args.lang))
        opened.repository.log_share([i for i, _ in loaded], form="europass-cv")
    for (credential_id, _), entry in zip(loaded, entries, strict=True):
        print(f"{credential_id}\t{entry.section.value}\t{entry.title}", file=out)
    written = f"{args.out}" + (f" and {args.pdf}" if args.pdf is not None else "")
    print(f"Wrote the Europass CV of {person.full_name} to {written}.", file=out)
    return EXIT_OK
