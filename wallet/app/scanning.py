"""Scan someone else's credential and see whether it is genuine: QR codes in pictures, PDF
pages and camera frames, and credential files handed over the same way, each credential found
verified with the options given. Nothing is stored, and web addresses and offers a code holds
are named, never opened.

Reading the codes is :mod:`wallet.qr.scan`'s job; this joins it to verification for the
``kredo scan`` command and the GUI's scan dialog, so both say the same about the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from wallet.app.verifying import verify_batch, verify_received, worst_status
from wallet.errors import ExportError, WalletError
from wallet.qr import scan as qr_scan
from wallet.qr.assemble import AssemblyProgress
from wallet.qr.decode import decode_image
from wallet.qr.payload import ScannedPayload
from wallet.qr.pdf import is_pdf
from wallet.translation import tr
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus, VerificationReport

FILE_KIND = "file"  # a credential file handed over as it is, not in a QR code
# What pictures begin with (the formats wallet.qr.decode reads): these go to the QR reader.
_PICTURE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00",
                  b"MM\x00*")


@dataclass(frozen=True)
class ScannedCredential:
    """A credential found by a scan, with its report."""

    raw: bytes = field(repr=False)  # exactly as it travelled
    source: str  # "photo.png", "export.pdf, page 1", "multi-part QR code (…)", "vp.json"
    kind: str  # a QR payload kind, "ur-multipart", "pdf-attachment" or FILE_KIND
    report: VerificationReport


@dataclass(frozen=True)
class VerifiedScan:
    credentials: tuple[ScannedCredential, ...]
    others: tuple[tuple[str, ScannedPayload], ...]  # (source, web address / offer / text)
    messages: tuple[str, ...]  # one sentence per problem, naming its source
    multipart: AssemblyProgress | None  # None when no frame of a multi-part code was seen

    @property
    def worst(self) -> OverallStatus | None:
        """The worst verdict among the credentials found (None when none was found)."""
        return worst_status([found.report for found in self.credentials])


def scan_files(paths: Iterable[Path], options: VerifyOptions) -> VerifiedScan:
    """Pictures and PDFs (several may hold the frames of one multi-part code), and credential
    or presentation files; folders are searched. A bad file is a sentence, never a stop."""
    files: list[ScannedCredential] = []
    pictures: list[Path] = []
    messages: list[str] = []
    for outcome in verify_batch(paths, options):
        if outcome.report is not None:
            files.append(ScannedCredential(outcome.raw, outcome.path.name, FILE_KIND,
                                           outcome.report))
        elif _is_picture_or_pdf(outcome.raw):
            pictures.append(outcome.path)
        else:
            messages.append(f"{outcome.path.name}: {outcome.problem}")
    scanned = qr_scan.scan_files(pictures) if pictures else _NOTHING
    return _verified(scanned, options, before=tuple(files), messages=tuple(messages))


def scan_texts(texts: Iterable[str], *, source: str, options: VerifyOptions) -> VerifiedScan:
    """Texts already read from codes (camera frames, so far); ``source`` names where from."""
    return _verified(qr_scan.scan_texts(texts, source=source), options)


def scan_picture(picture: Image.Image, *, source: str, options: VerifyOptions) -> VerifiedScan:
    """A picture in memory (a pasted image, a screen capture)."""
    return scan_texts(read_codes(picture), source=source, options=options)


def read_codes(picture: Image.Image) -> list[str]:
    """Every QR text in one picture or camera frame (an empty list when none is readable)."""
    return decode_image(picture)


def write_report(path: Path, scanned: ScannedCredential) -> None:
    """Save the report on a scanned credential as JSON, with where the credential came from."""
    document = {"source": scanned.source, "report": scanned.report.to_json()}
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    except OSError as exc:
        raise ExportError(tr("The report could not be written."), details=str(exc)) from None


_NOTHING = qr_scan.ScanResult(credentials=(), others=(), messages=(), multipart=None)


def _is_picture_or_pdf(raw: bytes) -> bool:
    return is_pdf(raw) or raw.startswith(_PICTURE_MAGIC) or (
        raw[:4] == b"RIFF" and raw[8:12] == b"WEBP")


def _verified(
    scanned: qr_scan.ScanResult, options: VerifyOptions, *,
    before: tuple[ScannedCredential, ...] = (), messages: tuple[str, ...] = (),
) -> VerifiedScan:
    found = list(before)
    problems = list(messages) + list(scanned.messages)
    for code in scanned.credentials:
        if any(known.raw == code.raw for known in found):
            continue  # the same credential as a file and in a code: one report
        try:
            report = verify_received(code.raw, options)
        except WalletError as exc:  # a code that decodes to something that is no credential
            problems.append(f"{code.source}: {exc.message}")
            continue
        found.append(ScannedCredential(code.raw, code.source, code.kind, report))
    return VerifiedScan(credentials=tuple(found), others=scanned.others,
                        messages=tuple(problems), multipart=scanned.multipart)
