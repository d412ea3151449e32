"""The verification record an HR department files: every file's SHA-256, the time, the trust
material's date, every check with its sentence, the verdict and its meaning, and what each
credential says; as JSON that reads back, and as a PDF that opens."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from pypdf import PdfReader

from tests.app.conftest import SEALED
from tests.robustness.corpus import ob3_document, signers
from wallet.app.verification_record import (
    record_bytes,
    save_verification_record,
    verification_record,
)
from wallet.app.verifying import (
    BatchOutcome,
    BatchSource,
    ReceivedBytes,
    VerifyRequest,
    verify_batch,
)
from wallet.app.verifying import verify_options as options_for
from wallet.errors import FormatError, WalletError
from wallet.formats import parse_credential
from wallet.share.annex_labels import label
from wallet.share.presentation import build_presentation, presentation_bytes
from wallet.share.verification_record import VerificationRecord, verdict_meaning
from wallet.trust import TrustStore

MADE_AT = datetime(2026, 3, 2, 9, 30, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def outcomes() -> list[BatchOutcome]:
    """A sealed EDC, a tampered badge, a presentation of two badges, and a note."""
    keys = signers()
    badge = keys.data_integrity(ob3_document(keys.ed_did, 3), "eddsa-rdfc-2022")
    tampered = json.loads(badge)
    tampered["credentialSubject"]["name"] = "Jan Novák"
    presentation = presentation_bytes(build_presentation(
        [parse_credential(badge), parse_credential(badge)],
        holder_key=ed25519.Ed25519PrivateKey.generate()))
    sources: list[BatchSource] = [
        SEALED, ReceivedBytes("tampered.json", json.dumps(tampered).encode()),
        ReceivedBytes("vp.json", presentation), ReceivedBytes("notes.txt", b"hello")]
    return list(verify_batch(sources, options_for(VerifyRequest())))


def _record(outcomes: list[BatchOutcome], lang: str) -> VerificationRecord:
    return verification_record(outcomes, lang=lang, request=VerifyRequest(), made_at=MADE_AT)


def test_the_json_record_reads_back_as_it_was_written(outcomes: list[BatchOutcome]) -> None:
    # GIVEN the record of the batch WHEN written as JSON and read back
    record = _record(outcomes, "cs")
    data = json.loads(record_bytes(record, ".json"))
    again = VerificationRecord.from_json(data)
    # THEN it is the same record, and writes the same JSON again
    assert again == record
    assert again.to_json() == data
    # AND it names each file by the SHA-256 of its bytes, with the time and the trust's date
    assert data["made_at"] == "2026-03-02T09:30:05+00:00"
    snapshot = TrustStore.bundled().snapshot_date
    assert data["trust_snapshot_date"] == snapshot.isoformat()
    sealed, tampered, presentation, notes = data["files"]
    assert sealed["sha256"] == hashlib.sha256(SEALED.read_bytes()).hexdigest()
    assert (tampered["verdict"], notes["verdict"]) == ("failed", None)
    assert "not a credential" in notes["problem"]
    # AND the verdict's meaning and every check are there in Czech, with what it says
    assert tampered["verdict_meaning"] == verdict_meaning(outcomes[1].report.status, "cs")  # type: ignore[union-attr]
    (credential,) = tampered["credentials"]
    assert [c["id"] for c in credential["checks"]] == [
        c.id for c in outcomes[1].report.checks]  # type: ignore[union-attr]
    says = {row["key"]: row["value"] for row in credential["says"]}
    assert says["learner"] == "Jan Novák" and says["title"] == "Základy kryptografie 3"
    assert credential["says"][0]["label"] == label("title", "cs")
    # AND a presentation lists its own checks, then each credential it carries
    assert [c["id"] for c in presentation["checks"]] == ["holder"]
    assert len(presentation["credentials"]) == 2


def test_something_that_is_no_record_is_refused_in_a_sentence() -> None:
    with pytest.raises(FormatError, match="not a verification record"):
        VerificationRecord.from_json({"record": "something else", "version": 1})


def test_the_pdf_record_shows_hash_verdict_meaning_and_every_check(
    outcomes: list[BatchOutcome]
) -> None:
    # GIVEN the record in English WHEN drawn as a PDF
    record = _record(outcomes, "en")
    reader = PdfReader(io.BytesIO(record_bytes(record, ".pdf")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    # THEN it opens, and holds each file's hash and each credential's verdict and checks
    assert reader.metadata is not None and reader.metadata.title == "Verification record"
    for outcome in outcomes:
        assert outcome.path.name in text  # a long path may wrap in the heading
        if outcome.sha256 is not None:
            assert f"SHA-256: {outcome.sha256}" in text
        report = outcome.report
        if report is None:
            continue
        assert " ".join(verdict_meaning(report.status, "en").split()[:12]) in text
        for nested in report.credentials or (report,):
            for check in nested.checks:
                assert " ".join(check.message.split()[:8]) in text
    assert "2026-03-02 09:30:05 UTC" in text
    assert "Jan Novák" in text and "none: every check ran offline" in text


def test_a_record_goes_to_a_pdf_or_json_file_only(
    outcomes: list[BatchOutcome], tmp_path: Path
) -> None:
    with pytest.raises(WalletError, match=r"record\.txt"):
        save_verification_record(outcomes, tmp_path / "record.txt", lang="en",
                                 request=VerifyRequest())
    saved = save_verification_record(outcomes, tmp_path / "record.JSON", lang="en",
                                     request=VerifyRequest())
    assert VerificationRecord.from_json(json.loads((tmp_path / "record.JSON").read_bytes())
                                        ).files == saved.files
