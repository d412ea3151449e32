"""A saved report comes back as a typed VerificationReport: same checks, same verdict, and its
sentences in whichever language is active when it is read (real vectors, not our own)."""

from __future__ import annotations

import json

import pytest

from tests.verify.test_czech_report import CASES, _verify
from wallet.errors import StoreError
from wallet.translation import Sentence, set_language
from wallet.verify.report import VerificationReport


@pytest.mark.parametrize("name", sorted(CASES))
def test_saved_report_reads_back_equal(name: str) -> None:
    # GIVEN a report of a real credential, saved as the wallet saves it
    report = _verify(name)
    saved = json.loads(json.dumps(report.to_json()))
    # WHEN it is read back
    again = VerificationReport.from_json(saved)
    # THEN it is the same report: checks, issuer, verdict
    assert again.to_json() == report.to_json()
    assert again.status is report.status


def test_a_report_saved_in_czech_reads_in_english() -> None:
    set_language("cs")
    try:
        saved = json.loads(json.dumps(_verify("edc-sealed").to_json()))
    finally:
        set_language("en")
    english = _verify("edc-sealed")
    again = VerificationReport.from_json(saved)
    for read, made in zip(again.checks, english.checks, strict=True):
        assert isinstance(read.message, Sentence)
        assert read.message == made.message
    assert again.issuer is not None and english.issuer is not None
    assert again.issuer.trust_source == english.issuer.trust_source


@pytest.mark.parametrize(
    "damaged",
    [[], {"checks": "x"}, {"checks": [1]}, {"checks": [{"id": "format"}]},
     {"checks": [{"id": "format", "status": "maybe", "message": ""}]}],
)
def test_a_damaged_saved_report_is_a_typed_error(damaged: object) -> None:
    with pytest.raises(StoreError):
        VerificationReport.from_json(damaged)  # type: ignore[arg-type]
