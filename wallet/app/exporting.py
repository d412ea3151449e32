"""Take credentials to Europass: the sealed originals for the Europass wallet, or a Europass CV.

The one path of ``kredo export europass`` / ``europass-cv`` and the Europass dialog. The
files themselves are made in :mod:`wallet.export`; here the chosen credentials are loaded
from the wallet (each once, in the order given), the files written, and the export logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wallet.app.credentials import parsed_credential
from wallet.app.share_forms import ShareForm
from wallet.export.cv_entries import CvEntry, SectionChoice, cv_entries
from wallet.export.cv_pdf import europass_cv_pdf
from wallet.export.cv_person import CvPerson, cv_person
from wallet.export.cv_xml import europass_cv_xml
from wallet.export.europass_originals import (
    EuropassExport,
    europass_refusal,
    export_europass_originals,
)
from wallet.export.file_output import write_file
from wallet.model import Credential
from wallet.store.repository import CredentialRepository


@dataclass(frozen=True)
class EuropassCandidate:
    """A chosen credential as Europass would take it: its CV entry, and why the Europass
    wallet would refuse its original (None: the original will be exported unchanged)."""

    credential_id: int
    entry: CvEntry
    refusal: str | None


@dataclass(frozen=True)
class EuropassCv:
    person: CvPerson
    credential_ids: tuple[int, ...]
    entries: tuple[CvEntry, ...]  # one per credential, in the same order
    xml_path: Path
    pdf_path: Path | None


def europass_candidates(
    repository: CredentialRepository, credential_ids: Iterable[int], *, lang: str,
    section: SectionChoice = SectionChoice.AUTO,
) -> list[EuropassCandidate]:
    """What an export of these credentials would make, before anything is written."""
    loaded = _load(repository, credential_ids)
    entries = cv_entries([credential for _, credential in loaded], lang=lang, section=section)
    return [
        EuropassCandidate(credential_id, entry, europass_refusal(credential, lang))
        for (credential_id, credential), entry in zip(loaded, entries, strict=True)
    ]


def export_to_europass_wallet(
    repository: CredentialRepository, credential_ids: Iterable[int], folder: Path, *, lang: str
) -> EuropassExport:
    """Write the sealed originals into ``folder`` unchanged, with a README; the refused ones
    are listed in the result. Raises :class:`NotExportable` when none can go (nothing is
    written then). The written ones are logged as shared."""
    loaded = _load(repository, credential_ids)
    done = export_europass_originals(
        [(str(credential_id), credential) for credential_id, credential in loaded],
        folder, lang=lang,
    )
    repository.log_share([int(w.label) for w in done.written], form=ShareForm.EUROPASS)
    return done


def export_europass_cv(
    repository: CredentialRepository,
    credential_ids: Iterable[int],
    xml_path: Path,
    *,
    lang: str,
    pdf_path: Path | None = None,
    given_name: str | None = None,
    family_name: str | None = None,
    email: str | None = None,
    section: SectionChoice = SectionChoice.AUTO,
) -> EuropassCv:
    """A Europass CV of the credentials, written as XML to ``xml_path`` (and, with
    ``pdf_path``, as a PDF that carries the XML). Names not given come from the credentials;
    raises :class:`ExportError` when neither gives them."""
    loaded = _load(repository, credential_ids)
    credentials = [credential for _, credential in loaded]
    person = cv_person(credentials, lang=lang, given_name=given_name,
                       family_name=family_name, email=email)
    entries = cv_entries(credentials, lang=lang, section=section)
    xml = europass_cv_xml(entries, person, lang=lang)
    write_file(xml_path, xml)
    if pdf_path is not None:
        write_file(pdf_path, europass_cv_pdf(entries, person, xml, lang=lang))
    ids = tuple(credential_id for credential_id, _ in loaded)
    repository.log_share(ids, form=ShareForm.EUROPASS_CV)
    return EuropassCv(person, ids, tuple(entries), xml_path, pdf_path)


def _load(
    repository: CredentialRepository, credential_ids: Iterable[int]
) -> list[tuple[int, Credential]]:
    return [
        (credential_id, parsed_credential(repository, credential_id))
        for credential_id in dict.fromkeys(credential_ids)  # each once, in the order given
    ]

