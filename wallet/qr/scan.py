"""Scan files for credentials: images (one code, several codes, the frames of a multi-part
code across many files or inside one animated image) and PDFs (codes on the pages; if none,
the files attached to the PDF).

``scan_files`` never verifies and never opens the network: it returns what it found, where,
and a sentence for everything it could not use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wallet.errors import WalletError
from wallet.file_input import read_limited
from wallet.qr.assemble import AssemblyProgress, MultiPartAssembler
from wallet.qr.decode import decode_image_bytes
from wallet.qr.payload import ScannedPayload, identify_payload
from wallet.qr.pdf import is_pdf, read_pdf
from wallet.translation import tr, tr_n


@dataclass(frozen=True)
class FoundCredential:
    raw: bytes  # the credential or presentation exactly as it travelled
    source: str  # where: "photo.png", "export.pdf, page 1", "export.pdf, attached file x.json"
    kind: str  # a payload kind, "ur-multipart" or "pdf-attachment"


@dataclass(frozen=True)
class ScanResult:
    credentials: tuple[FoundCredential, ...]
    others: tuple[tuple[str, ScannedPayload], ...]  # (source, URL / offer / unknown text)
    messages: tuple[str, ...]  # one sentence per problem, naming its source
    multipart: AssemblyProgress | None  # None when no frame of a multi-part code was seen

    @property
    def found_anything(self) -> bool:
        return bool(self.credentials or self.others)


@dataclass
class _Scan:
    assembler: MultiPartAssembler = field(default_factory=MultiPartAssembler)
    credentials: list[FoundCredential] = field(default_factory=list)
    others: list[tuple[str, ScannedPayload]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    multipart_sources: list[str] = field(default_factory=list)

    def text(self, text: str, source: str) -> None:
        try:
            payload = identify_payload(text)
            if payload.kind == "ur-part":
                self.assembler.add(payload.text)
                if source not in self.multipart_sources:
                    self.multipart_sources.append(source)
            elif payload.credential is not None:
                self.credential(payload.credential, source, payload.kind)
            else:
                self.others.append((source, payload))
        except WalletError as exc:
            self.messages.append(f"{source}: {exc.message}")

    def credential(self, raw: bytes, source: str, kind: str) -> None:
        if all(found.raw != raw for found in self.credentials):
            self.credentials.append(FoundCredential(raw, source, kind))

    def file(self, path: Path) -> None:
        try:
            data = read_limited(path)
            if is_pdf(data):
                self.pdf(data, path.name)
                return
            texts = decode_image_bytes(data)
        except WalletError as exc:
            self.messages.append(f"{path.name}: {exc.message}")
            return
        if not texts:
            self.messages.append(tr(
                "{name}: no QR code could be read (the picture may be damaged, cut off, "
                "blurred or too small).",
                name=path.name,
            ))
        for text in texts:
            self.text(text, path.name)

    def pdf(self, data: bytes, name: str) -> None:
        contents = read_pdf(data)
        for found in contents.qr_texts:
            self.text(found.text, tr("{name}, page {page}", name=name, page=found.page))
        if contents.qr_texts:
            return
        for attachment in contents.attachments:
            self.credential(
                attachment.data,
                tr("{name}, attached file {attachment}", name=name, attachment=attachment.name),
                "pdf-attachment",
            )
        if not contents.attachments:
            self.messages.append(_nothing_in_pdf(name, contents.pages - contents.pages_read))

    def result(self) -> ScanResult:
        progress = self.assembler.progress if self.assembler.started else None
        if self.assembler.complete:
            sources = _sources_label(self.multipart_sources)
            try:
                raw = self.assembler.credential()
            except WalletError as exc:
                self.messages.append(f"{sources}: {exc.message}")
            else:
                frames = self.assembler.progress.frames_read
                self.credential(raw, _multipart_source(frames, sources), "ur-multipart")
        elif progress is not None:
            self.messages.append(tr(
                "{progress} Scan more frames of the code (any order) to finish it.",
                progress=progress.sentence(),
            ))
        return ScanResult(
            credentials=tuple(self.credentials),
            others=tuple(self.others),
            messages=tuple(self.messages),
            multipart=progress,
        )


def _nothing_in_pdf(name: str, skipped: int) -> str:
    if not skipped:
        return tr("{name}: the PDF shows no readable QR code and has no attached file.", name=name)
    return tr_n(
        "{name}: the PDF shows no readable QR code and has no attached file (the last {n} page "
        "was not searched).",
        "{name}: the PDF shows no readable QR code and has no attached file (the last {n} pages "
        "were not searched).",
        skipped, name=name,
    )


def _multipart_source(frames: int, sources: str) -> str:
    return tr_n("multi-part QR code ({n} frame: {sources})",
                "multi-part QR code ({n} frames: {sources})", frames, sources=sources)


def _sources_label(sources: list[str]) -> str:
    if len(sources) <= 3:
        return ", ".join(sources)
    return tr_n("{first} … {last}, {n} file", "{first} … {last}, {n} files", len(sources),
                first=sources[0], last=sources[-1])


def scan_files(paths: Iterable[Path]) -> ScanResult:
    scan = _Scan()
    for path in paths:
        scan.file(path)
    return scan.result()


def scan_texts(texts: Iterable[str], *, source: str | None = None) -> ScanResult:
    """The same for texts already read (a camera, the clipboard); ``source`` names where they
    came from in sentences (a ``tr()`` phrase; by default "QR code")."""
    scan = _Scan()
    where = source or tr("QR code")
    for text in texts:
        scan.text(text, where)
    return scan.result()
