"""A verification record of the EU sealed sample (no revocation status published): the PDF
and the JSON record say "not published" for that check, never OK, in English and in Czech."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.app.conftest import SEALED
from wallet.app.verification_record import record_bytes, verification_record
from wallet.app.verifying import VerifyRequest, verify_batch
from wallet.app.verifying import verify_options as options_for
from wallet.share.annex_labels import label


@pytest.mark.parametrize(("lang", "words"), [("en", "not published"), ("cs", "nezveřejněno")])
def test_the_record_reads_not_published_for_the_status_check(lang: str, words: str) -> None:
    # GIVEN the EU sealed sample, which carries no credentialStatus, verified as a batch
    outcomes = list(verify_batch([SEALED], options_for(VerifyRequest())))
    record = verification_record(outcomes, lang=lang, request=VerifyRequest())
    # WHEN the record is written as a PDF and as JSON
    reader = PdfReader(io.BytesIO(record_bytes(record, ".pdf")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    (entry,) = record.to_json()["files"]
    # THEN the revocation check reads "not published" in both, and never OK
    revocation = label("check_status", lang)
    assert f"{revocation}: {words}" in text
    assert f"{revocation}: {label('result_ok', lang)}" not in text
    (credential,) = entry["credentials"]
    results = {check["id"]: check["result"] for check in credential["checks"]}
    assert results["status"] == words
