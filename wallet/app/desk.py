"""The verification desk: everything someone else sends, verified and read.

:mod:`wallet.app.scanning` finds credentials in files, pictures, PDFs and codes and verifies
each; this adds what a person checking them needs beside the verdict: what each credential
says (its parsed view, exactly as disclosed), who presented it (a presentation's holder and
whether it answered the challenge and domain), and how many SD-JWT claims the holder kept back.
Several files are read one by one with progress, so a desk can show a table as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wallet.app.scanning import ScannedCredential, VerifiedScan, scan_files
from wallet.base64url import b64url_decode
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.sd_jwt import disclosable_claims
from wallet.errors import WalletError
from wallet.file_input import iter_input_files
from wallet.formats import parse_credential
from wallet.formats import presentation as presentation_format
from wallet.json_input import load_json
from wallet.limits import MAX_JSON_DEPTH
from wallet.model import Credential, CredentialFormat, MicroCredentialView
from wallet.share.annex_rows import organisation_text
from wallet.verify.checks.holder import ReceivedPresentation
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckResult, OverallStatus, VerificationReport

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Disclosure:
    """What an SD-JWT VC shows: the claims disclosed, and how many digests stay hidden (the
    holder's withheld claims, plus any decoys the issuer added: their names are unknowable)."""

    disclosed: tuple[str, ...]
    withheld: int


@dataclass(frozen=True)
class ExaminedCredential:
    """One credential as received: its report and, when it could be read, what it says."""

    raw: bytes = field(repr=False)
    report: VerificationReport
    credential: Credential | None
    disclosure: Disclosure | None = None

    @property
    def view(self) -> MicroCredentialView | None:
        return self.credential.view if self.credential is not None else None

    def title(self, lang: str) -> str | None:
        view = self.view
        return view.title.pick(lang) if view is not None and view.title else None

    def learner(self, lang: str) -> str | None:
        view = self.view
        return view.learner_name.pick(lang) if view is not None and view.learner_name else None

    def issuer(self, lang: str) -> str | None:
        """The awarding body, else the signer, as the credential names it, else the report's."""
        view = self.view
        for body in (view.awarding_body, view.issuer) if view is not None else ():
            if body is not None and (text := organisation_text(body, lang)):
                return text.splitlines()[0]
        info = self.report.issuer
        return (info.name or info.identifier) if info is not None else None

    @property
    def pages(self) -> tuple[bytes, ...]:
        """The page images an EDC carries (the issuer's own rendering), in page order."""
        view = self.view
        if view is None:
            return ()
        pages = [image for image in view.images if image.role == "page" and image.data]
        pages.sort(key=lambda image: image.page or 0)
        return tuple(image.data for image in pages if image.data is not None)


@dataclass(frozen=True)
class Presenter:
    """Who presented the credentials: the holder a presentation names and its holder check."""

    holder: str | None
    check: CheckResult | None
    challenge_expected: bool
    domain_expected: bool


@dataclass(frozen=True)
class ReceivedItem:
    """One thing received (a file, a code, a PDF attachment): a credential or a presentation."""

    source: str
    kind: str
    raw: bytes = field(repr=False)
    report: VerificationReport
    credentials: tuple[ExaminedCredential, ...]
    presenter: Presenter | None = None  # None for a credential on its own

    @property
    def status(self) -> OverallStatus:
        return self.report.status

    @property
    def scanned(self) -> ScannedCredential:
        return ScannedCredential(self.raw, self.source, self.kind, self.report)


@dataclass(frozen=True)
class DeskOutcome:
    """Everything one reading found: the items, and what the scan said besides."""

    items: tuple[ReceivedItem, ...]
    scan: VerifiedScan


def examine(scanned: ScannedCredential, options: VerifyOptions) -> ReceivedItem:
    """``scanned`` with what each credential in it says and, for a presentation, who presented
    it. Reading never raises: a credential that cannot be read is shown by its report alone."""
    report = scanned.report
    if report.format != "presentation":
        examined = _examined(scanned.raw, report)
        return ReceivedItem(scanned.source, scanned.kind, scanned.raw, report, (examined,))
    try:
        parts = presentation_format.split(scanned.raw)
    except WalletError:
        parts = []
    nested = report.credentials
    credentials = tuple(
        _examined(parts[index] if index < len(parts) else b"", part_report)
        for index, part_report in enumerate(nested)
    )
    holder = report.check("holder")
    presenter = Presenter(
        holder=_holder_of(holder, scanned.raw),
        check=holder,
        challenge_expected=options.challenge is not None,
        domain_expected=options.domain is not None,
    )
    return ReceivedItem(scanned.source, scanned.kind, scanned.raw, report, credentials, presenter)


def examine_scan(scan: VerifiedScan, options: VerifyOptions) -> DeskOutcome:
    return DeskOutcome(tuple(examine(found, options) for found in scan.credentials), scan)


def read_files(
    paths: Iterable[Path],
    options: VerifyOptions,
    *,
    progress: Progress = lambda _done, _total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> DeskOutcome:
    """Files and folders, one file at a time with ``progress(done, total)``. Pictures and PDFs
    are read together at the end: several may hold the frames of one multi-part code."""
    files = list(iter_input_files(paths))
    total = len(files)
    credentials: list[ScannedCredential] = []
    pictures: list[Path] = []
    messages: list[str] = []
    for done, path in enumerate(files, start=1):
        if cancelled():
            break
        found = scan_files([path], options)
        if found.multipart is not None and not found.credentials:
            pictures.append(path)  # frames of a code that other pictures may complete
        else:
            credentials.extend(found.credentials)
            messages.extend(found.messages)
        progress(done, total)
    scan = VerifiedScan(tuple(credentials), (), tuple(messages), None)
    if pictures:
        frames = scan_files(pictures, options)
        scan = VerifiedScan(scan.credentials + frames.credentials, frames.others,
                            scan.messages + frames.messages, frames.multipart)
    return examine_scan(scan, options)


def _examined(raw: bytes, report: VerificationReport) -> ExaminedCredential:
    try:
        credential = parse_credential(raw)
    except WalletError:
        return ExaminedCredential(raw, report, None)
    return ExaminedCredential(raw, report, credential, _disclosure(credential))


def _disclosure(credential: Credential) -> Disclosure | None:
    if credential.format is not CredentialFormat.SD_JWT_VC:
        return None
    extras = credential.extras
    disclosures = extras.get("disclosures")
    issuer_jwt = extras.get("issuer_jwt")
    if not isinstance(disclosures, list) or not isinstance(issuer_jwt, str):
        return None
    try:
        token = credential.signed_bytes.decode("ascii").strip()
        disclosed = disclosable_claims(token)
        payload = CompactJws.from_text(issuer_jwt).payload_object()
    except (WalletError, UnicodeDecodeError):
        return None
    # Digests sit in the signed claims and inside disclosed values (nested claims).
    digests = _digest_count(payload) + sum(_digest_count(_disclosed_value(d))
                                           for d in disclosures)
    return Disclosure(disclosed, max(digests - len(disclosures), 0))


def _disclosed_value(text: Any) -> Any:
    try:
        decoded = load_json(b64url_decode(str(text)))
    except (WalletError, ValueError):
        return None
    return decoded[-1] if isinstance(decoded, list) and decoded else None


def _digest_count(value: Any, depth: int = 0) -> int:
    if depth > MAX_JSON_DEPTH:  # the parser refused deeper claims already
        return 0
    if isinstance(value, Mapping):
        own = len(value["_sd"]) if isinstance(value.get("_sd"), list) else 0
        return own + sum(_digest_count(v, depth + 1) for k, v in value.items() if k != "_sd")
    if isinstance(value, list):
        return sum(
            1 if isinstance(v, Mapping) and set(v) == {"..."} else _digest_count(v, depth + 1)
            for v in value
        )
    return 0


def _holder_of(check: CheckResult | None, raw: bytes) -> str | None:
    """The holder the holder check named, else the presentation's own ``holder``."""
    if check is not None and isinstance(check.details.get("holder"), str):
        return str(check.details["holder"])
    try:
        document = ReceivedPresentation.from_bytes(raw).document
    except WalletError:
        return None
    holder = document.get("holder")
    if isinstance(holder, Mapping):
        holder = holder.get("id")
    return holder if isinstance(holder, str) else None
