"""A stored credential as a PDF: verified (and the verdict remembered for the list), drawn with
every Annex I element and the original attached, saved when asked, and logged as shared.

The one path of ``kredo export pdf``, the window's PDF export and the share wizard's PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wallet.app.credentials import load_credential
from wallet.app.share_forms import ShareForm
from wallet.app.verifying import VerifyRequest, verify_stored
from wallet.export.file_output import write_file
from wallet.share.pdf import credential_pdf
from wallet.store.repository import CredentialRepository
from wallet.verify.report import VerificationReport

PDF_FILE_NAME = "credential.pdf"


@dataclass(frozen=True)
class CredentialPdf:
    data: bytes
    report: VerificationReport  # the verification the PDF shows
    credential_id: int
    suggested_name: str = PDF_FILE_NAME


def stored_credential_pdf(
    repository: CredentialRepository,
    credential_id: int,
    *,
    lang: str,
    online: bool = False,
    recipient: str | None = None,
    save_to: Path | None = None,
) -> CredentialPdf:
    """The PDF of credential ``credential_id`` in ``lang``, verified as this wallet verifies
    (its trusted issuers and registries; the network only when ``online``). With ``save_to``
    the file is written first: a PDF that could not be written is not logged as shared."""
    loaded = load_credential(repository, credential_id)
    report = verify_stored(repository, loaded.id, VerifyRequest(online=online))
    document = credential_pdf(loaded.credential, loaded.stored.raw, lang=lang, report=report)
    if save_to is not None:
        write_file(save_to, document)
    repository.log_share([loaded.id], form=ShareForm.PDF, recipient=recipient)
    return CredentialPdf(document, report, loaded.id)
