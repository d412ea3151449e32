"""``kredo qr`` (a credential into a QR code or an animated one) and ``kredo scan`` (QR codes
in images and PDFs → verified credentials)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from wallet.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    open_from_args,
    print_json,
    print_report,
    say,
)
from wallet.cli.verify_command import add_verify_arguments, verify_options

if TYPE_CHECKING:
    from wallet.app.qr_sharing import QrChoice
    from wallet.app.scanning import VerifiedScan

FORMATS = ("png", "svg", "gif", "apng")  # wallet.app.qr_sharing.QrImageFormat
ENCODINGS = ("auto", "vpqr", "kredo")  # wallet.app.qr_sharing.QrEncodingChoice


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser(
        "qr",
        help="put a credential or presentation into a QR code (animated when it needs several)",
        description=(
            "By default the most widely readable code that fits: DCC VPQR (VP1-, read by "
            "other wallets) when the JSON-LD credential fits one code, else Kredo's own single "
            "code (PNG or SVG), else an animated GIF or APNG of Kredo's multi-part frames. Says "
            "who can read it, how long an animation takes to scan, and the figures."
        ),
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("id", type=int, nargs="?", help="a credential in the wallet")
    target.add_argument(
        "--file", type=Path, metavar="PATH", help="a credential or presentation file"
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help="the image to write")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the --out name; a multi-part code in a .png file is an APNG",
    )
    p.add_argument(
        "--frame-chars",
        type=int,
        metavar="N",
        help="most characters per QR code (default 1451, QR version 25; at most 3391)",
    )
    p.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="auto",
        help="auto (default): VPQR where it fits one code, else Kredo's; vpqr: VPQR or "
        "an error saying why not; kredo: Kredo's own codes only",
    )
    p.add_argument("--json", action="store_true", help="print the capacity figures as JSON")
    p.set_defaults(handler=cmd_qr)

    s = sub.add_parser(
        "scan",
        help="read QR codes in images or PDFs and verify the credentials they carry",
        description=(
            "Reads every QR code in PNG/JPEG/GIF images and PDF pages (or a PDF's attached "
            "files), joins the frames of a multi-part code given as several images or one "
            "animation, and verifies each credential found. Web addresses and OpenID4VCI offers "
            "are named, never opened. Exit codes as kredo verify; 2 when no credential was found."
        ),
    )
    s.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="a picture (PNG, JPEG, GIF, APNG, WebP) or a PDF; several for the frames of one code",
    )
    add_verify_arguments(s)
    s.set_defaults(handler=cmd_scan)


# --- kredo qr ----------------------------------------------------------------------------


def cmd_qr(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.qr_sharing import (
        QrEncodingChoice,
        QrImageFormat,
        credential_file_qr_image,
        stored_credential_qr_image,
    )

    asked = None if args.format is None else QrImageFormat(args.format)
    scheme = QrEncodingChoice(args.encoding)
    if args.file is not None:
        image = credential_file_qr_image(
            args.file, args.out, image_format=asked, max_frame_chars=args.frame_chars,
            encoding=scheme,
        )
    else:
        with open_from_args(args) as opened:
            image = stored_credential_qr_image(
                opened.repository, args.id, args.out, image_format=asked,
                max_frame_chars=args.frame_chars, encoding=scheme,
            )
    encoding, image_format = image.encoding, image.image_format.value
    if args.json:
        print_json(_capacity_json(image.choice, image_format, args.out), out)
    else:
        say(image.choice.explanation(), out=out)
        say(image.choice.expert_details(), out=out)
        kind = "animated " if image.image_format.animated and not encoding.single else ""
        say(f"Wrote {args.out} ({kind}{image_format.upper()}).", out=out)
    return EXIT_OK


def _capacity_json(choice: QrChoice, image_format: str, path: Path) -> dict[str, Any]:
    from wallet.qr.render import qr_version

    encoding = choice.encoding
    estimate = choice.scan_estimate()
    return {
        "out": str(path),
        "format": image_format,
        "encoding": choice.kind.value,
        "readers": choice.readers(),
        "vpqr_refusal": choice.vpqr_refusal,
        "scan_seconds": None if estimate is None else estimate.seconds,
        "loop_seconds": None if estimate is None else estimate.loop_seconds,
        "frames_per_second": None if estimate is None else estimate.frames_per_second,
        "single": encoding.single,
        "frames_needed": encoding.fragments_needed,
        "frames_in_loop": len(encoding.frames),
        "bytes_per_frame": encoding.bytes_per_frame,
        "chars_per_frame": encoding.frame_chars,
        "max_frame_chars": encoding.max_frame_chars,
        "qr_version": qr_version(max(encoding.frames, key=len)),
        "payload_bytes": encoding.payload_bytes,
        "compressed_bytes": encoding.compressed_bytes,
    }


# --- kredo scan --------------------------------------------------------------------------


def cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    from wallet.app.scanning import scan_files

    scanned = scan_files(args.files, verify_options(args))
    if args.json:
        print_json(_scan_json(scanned), out)
    else:
        _print_scan(scanned, out)
    worst = scanned.worst
    return EXIT_USAGE if worst is None else worst.exit_code


def _print_scan(scanned: VerifiedScan, out: TextIO) -> None:
    for message in scanned.messages:
        say(f"Note: {message}", out=out)
    for source, payload in scanned.others:
        say(f"{source}: {payload.sentence()}", out=out)
    for found in scanned.credentials:
        say("", out=out)
        say(f"{found.source}: {_found_sentence(found.kind)}", out=out)
        print_report(found.report, out)
    if not scanned.credentials:
        say("No credential was found to verify.", out=out)


def _found_sentence(kind: str) -> str:
    return {
        "kredo-compact": "a credential in a Kredo QR code.",
        "vpqr": "a credential in a VPQR (VP1-) code.",
        "json-credential": "a JSON credential written directly into the QR code.",
        "jwt": "a JWT credential written directly into the QR code.",
        "ur-multipart": "a credential in a multi-part QR code.",
        "pdf-attachment": "a credential file attached to the PDF.",
        "file": "a credential file.",
    }.get(kind, "a credential.")


def _scan_json(scanned: VerifiedScan) -> dict[str, Any]:
    progress = scanned.multipart
    return {
        "credentials": [
            {"source": found.source, "kind": found.kind, "report": found.report.to_json()}
            for found in scanned.credentials
        ],
        "others": [
            {
                "source": source,
                "kind": payload.kind,
                "text": payload.text,
                "message": payload.sentence(),
            }
            for source, payload in scanned.others
        ],
        "multipart": None
        if progress is None
        else {
            "fragments_known": progress.fragments_known,
            "fragments_total": progress.fragments_total,
            "frames_read": progress.frames_read,
        },
        "messages": list(scanned.messages),
    }
