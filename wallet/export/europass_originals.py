"""The sealed originals for the Europass wallet: byte-identical ``.jsonld`` files + README.

The Europass wallet accepts only sealed European Digital Credentials, and checks the seal
over the exact bytes the issuer sealed; so each file is written exactly as it was received
(Kredo stores raw bytes, never re-serialised). Anything else is refused with a sentence that
says why and what to do instead. Existing files in the folder are never overwritten, except
an earlier README.txt; a file already there with the same bytes is reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wallet.errors import NotExportable
from wallet.export.europass_readme import ReadmeEntry, readme_text
from wallet.export.file_output import prepare_folder, write_file
from wallet.model import Credential, CredentialFormat
from wallet.share.file_names import credential_file_name
from wallet.translation import tr

README_NAME = "README.txt"


@dataclass(frozen=True)
class WrittenOriginal:
    label: str  # how the caller names the credential (the wallet id)
    path: Path
    title: str
    sha256: str
    size: int


@dataclass(frozen=True)
class RefusedCredential:
    label: str
    title: str
    reason: str  # one sentence: why, and what to do instead


@dataclass(frozen=True)
class EuropassExport:
    written: tuple[WrittenOriginal, ...]
    refused: tuple[RefusedCredential, ...]
    readme: Path


def _title(credential: Credential, lang: str) -> str:
    return credential.view.title.pick(lang) if credential.view.title else tr("(untitled)")


def europass_refusal(credential: Credential, lang: str = "en") -> str | None:
    """Why the Europass wallet would not take ``credential`` (one sentence), or ``None``."""
    title = _title(credential, lang)
    if credential.format is CredentialFormat.EDC_SEALED:
        return None
    if credential.format is CredentialFormat.EDC_JSONLD:
        return tr(
            "“{title}” is a European Digital Credential without an electronic seal, and the "
            "Europass wallet accepts only sealed ones: ask the issuer for the sealed file, "
            "or export this one as a PDF instead.",
            title=title,
        )
    if credential.format is CredentialFormat.EDC_XML:
        return tr(
            "“{title}” is a Europass credential in the older XML format, and Kredo sends only "
            "sealed EDC JSON-LD files to the Europass wallet: export it as a PDF instead.",
            title=title,
        )
    return tr(
        "“{title}” is a {format}, not a sealed European Digital Credential, "
        "and the Europass wallet accepts only those: export it as a PDF, or add it to your "
        "Europass CV instead.",
        title=title,
        format=credential.format.label,
    )


def export_europass_originals(
    items: Sequence[tuple[str, Credential]],
    folder: Path,
    *,
    lang: str = "en",
    written_at: datetime | None = None,
) -> EuropassExport:
    """Write each sealed EDC of ``items`` (label, credential) into ``folder`` unchanged.

    Raises :class:`NotExportable` when none of them can go to Europass (and writes
    nothing); otherwise the refused ones are listed in the result and in the README.
    """
    refused = [
        RefusedCredential(label, _title(credential, lang), reason)
        for label, credential in items
        if (reason := europass_refusal(credential, lang)) is not None
    ]
    accepted = [(label, c) for label, c in items if europass_refusal(c, lang) is None]
    if not accepted:
        reasons = " ".join(r.reason for r in refused) or tr("No credentials were chosen.")
        raise NotExportable(reasons)
    prepare_folder(folder)
    written: list[WrittenOriginal] = []
    taken: set[str] = set()
    for label, credential in accepted:
        path = _free_path(folder, credential_file_name(credential, lang), credential.raw, taken)
        taken.add(path.name)
        if not _holds(path, credential.raw):
            write_file(path, credential.raw)
        written.append(
            WrittenOriginal(
                label=label,
                path=path,
                title=_title(credential, lang),
                sha256=hashlib.sha256(credential.raw).hexdigest(),
                size=len(credential.raw),
            )
        )
    readme = folder / README_NAME
    entries = [
        ReadmeEntry(w.path.name, w.title, _awarding_body(c, lang), w.sha256)
        for w, (_, c) in zip(written, accepted, strict=True)
    ]
    text = readme_text(
        entries,
        [r.title for r in refused],
        lang=lang,
        written_at=written_at or datetime.now(UTC),
    )
    write_file(readme, text.encode("utf-8"))
    return EuropassExport(written=tuple(written), refused=tuple(refused), readme=readme)


def _awarding_body(credential: Credential, lang: str) -> str | None:
    body = credential.view.awarding_body
    return body.name.pick(lang) if body is not None and body.name is not None else None


def _free_path(folder: Path, name: str, data: bytes, taken: set[str]) -> Path:
    """``name`` in ``folder``, or ``stem-2.jsonld`` … when another file holds that name."""
    stem, dot, suffix = name.rpartition(".")
    candidate, number = name, 1
    while True:
        path = folder / candidate
        if candidate not in taken and (not path.exists() or _holds(path, data)):
            return path
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a file with exactly ``data`` in it (sizes compared first)."""
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
