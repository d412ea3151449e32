"""A stored credential as a PDF: verified (and the verdict remembered for the list), drawn,
and logged as shared. The one path for ``kredo export pdf`` and the GUI."""

from __future__ import annotations

from wallet.formats import parse_credential
from wallet.share.pdf import credential_pdf
from wallet.store.repository import CredentialRepository
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport
from wallet.verify.stored import verify_stored


def stored_credential_pdf(
    repository: CredentialRepository, credential_id: int, *, lang: str, options: VerifyOptions,
    recipient: str | None = None,
) -> tuple[bytes, VerificationReport]:
    stored = repository.get(credential_id)
    credential = parse_credential(stored.raw)
    report = verify_stored(repository, stored.id, options=options)
    document = credential_pdf(credential, stored.raw, lang=lang, report=report)
    repository.log_share([stored.id], form="pdf", recipient=recipient)
    return document, report
