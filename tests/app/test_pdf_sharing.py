"""A stored credential as a PDF through the application layer: verified as this wallet
verifies (its own trusted issuers too), the verdict remembered, written, then logged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.share_fixtures import SEALED_EDC, repository, store
from tests.share.pdf_reading import pdf_attachments, pdf_text
from tests.share.presentation_credentials import Issuer
from wallet.app.holders import holder_profiles
from wallet.app.pdf_sharing import PDF_FILE_NAME, stored_credential_pdf
from wallet.errors import CredentialNotFound, ExportError
from wallet.store.repository import CredentialRepository
from wallet.trust.user_trust import add_trusted_issuer
from wallet.verify.report import OverallStatus

__all__ = ["repository"]  # a fixture of share_fixtures, used by name


def test_the_pdf_carries_the_original_and_the_verdict_is_remembered_and_logged(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    # GIVEN the EU sample micro-credential, sealed, in the wallet
    [sealed] = store(repository, SEALED_EDC)
    out = tmp_path / "credential.pdf"
    # WHEN the learner makes its PDF in Czech for an employer
    made = stored_credential_pdf(repository, sealed, lang="cs", recipient="ACME HR",
                                 save_to=out)
    # THEN the file holds the original bytes attached and the credential's Annex I text
    assert out.read_bytes() == made.data
    assert list(pdf_attachments(made.data).values()) == [[SEALED_EDC.read_bytes()]]
    assert "Digital micro-credential creation" in pdf_text(made.data)
    assert (made.credential_id, made.suggested_name) == (sealed, PDF_FILE_NAME)
    # AND the verdict it shows (a test CA: partially verified) is the one the list remembers
    assert made.report.status is OverallStatus.PARTIALLY_VERIFIED
    remembered = repository.latest_verification(sealed)
    assert remembered is not None
    assert json.loads(remembered.report_json)["status"] == "partially_verified"
    # AND the share is logged as a PDF, with whom
    [entry] = repository.share_log()
    assert (entry.form, entry.recipient, entry.credential_ids) == ("pdf", "ACME HR", (sealed,))


def test_the_pdf_follows_the_issuers_this_wallet_trusts(
    repository: CredentialRepository,
) -> None:
    # GIVEN an Open Badge whose signature is proven offline, from an issuer on no list
    issuer = Issuer(holder=holder_profiles(repository)[0].did)
    [badge] = store(repository, json.dumps(issuer.ob3()).encode())
    assert stored_credential_pdf(repository, badge, lang="en").report.status is (
        OverallStatus.PARTIALLY_VERIFIED)
    # WHEN the learner trusts that issuer in the wallet's settings
    add_trusted_issuer(repository, issuer.did, "Masarykova univerzita")
    # THEN the PDF (kredo export pdf as much as the window) shows it verified
    assert stored_credential_pdf(repository, badge, lang="en").report.status is (
        OverallStatus.VERIFIED)


def test_a_pdf_that_cannot_be_written_is_not_logged(
    repository: CredentialRepository, tmp_path: Path
) -> None:
    [sealed] = store(repository, SEALED_EDC)
    with pytest.raises(ExportError, match="could not be written"):
        stored_credential_pdf(repository, sealed, lang="en",
                              save_to=tmp_path / "missing" / "credential.pdf")
    assert repository.share_log() == []
    with pytest.raises(CredentialNotFound):
        stored_credential_pdf(repository, sealed + 1, lang="en")
    assert repository.share_log() == []
