"""A Europass XML presentation is verified as one: its own XAdES seal, then each credential.

Real files only: the Commission's sealed ELM v2 'mandated issue' presentation and the 2019
draft presentations, from the real-world corpus; altered copies are derived here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from wallet.crypto.xades import verify_xades_seal
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

EDC = Path(__file__).resolve().parents[1] / "assets" / "realworld" / "edc"
SEALED = EDC / "elm-xml-0.10-2022-EDC_DiplomaSupplement_AA-mandated-presentation-xades.xml"
DRAFT_2019 = EDC / "elm-xml-0.4-2019-edci_presentation-unsealed.xml"
CLOCK = datetime(2026, 12, 1, tzinfo=UTC)
OPTIONS = VerifyOptions(now=CLOCK)
_FILTER2_SUBTRACT = b'Filter="subtract">/descendant::ds:Signature<'


def test_the_presentation_seal_with_an_xpath_filter_2_subtract_verifies() -> None:
    # GIVEN the Commission's presentation, sealed with XPath Filter 2.0 'subtract' of the
    # signature (the transform the EU's DSS sealer writes)
    raw = SEALED.read_bytes()
    assert _FILTER2_SUBTRACT in raw
    # WHEN its XAdES seal is verified
    seal = verify_xades_seal(raw, now=CLOCK)
    # THEN the signature holds, and the timestamps prove when it was sealed
    assert seal.signature_valid, seal.problems
    assert seal.proven_signing_time is not None
    assert seal.proven_signing_time.date().isoformat() == "2022-08-09"


def test_the_sealed_presentation_and_its_credential_each_get_their_own_verdict() -> None:
    # GIVEN the sealed presentation carrying one credential without a seal of its own
    # WHEN it is verified offline without trusted lists
    report = verify_file_bytes(SEALED.read_bytes(), options=OPTIONS)
    # THEN the presentation's own check is its seal, proven
    assert report.format == "presentation"
    seal = report.check("signature")
    assert seal is not None and seal.status in (CheckStatus.OK, CheckStatus.WARNING)
    # AND the credential inside is judged under that seal, as its own report
    [credential] = report.credentials
    assert credential.format == "edc-xml"
    signature = credential.check("signature")
    assert signature is not None and signature.status in (CheckStatus.OK, CheckStatus.WARNING)
    # AND with no trusted list given, the seal proves the content but not who may be trusted
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_an_altered_sealed_presentation_fails() -> None:
    # GIVEN the sealed presentation with one letter of the credential's title changed
    raw = SEALED.read_bytes()
    original = b"Graduate University Study of Civil Engineering"
    assert original in raw
    altered = raw.replace(original, b"Graduate University Study of Civil Engineerinx", 1)
    # WHEN it is verified
    report = verify_file_bytes(altered, options=OPTIONS)
    # THEN the seal proves the alteration, for the presentation and for its credential
    assert report.status is OverallStatus.FAILED
    seal = report.check("signature")
    assert seal is not None and seal.status is CheckStatus.FAILED
    assert "changed" in seal.message


def test_a_seal_filter_subtracting_anything_else_is_refused() -> None:
    # GIVEN the sealed presentation whose filter would subtract only the credential
    raw = SEALED.read_bytes().replace(
        _FILTER2_SUBTRACT, b'Filter="subtract">/descendant::ds:Object<', 1
    )
    # WHEN its seal is verified
    seal = verify_xades_seal(raw, now=CLOCK)
    # THEN Kredo does not accept the transform, so nothing is proven
    assert not seal.signature_valid
    assert any("transform" in problem for problem in seal.problems)


def test_an_unsealed_presentation_says_so_and_fails_for_its_unsealed_credential() -> None:
    # GIVEN the 2019 draft presentation: no seal, one unsealed credential, three other entries
    # WHEN it is verified
    report = verify_file_bytes(DRAFT_2019.read_bytes(), options=OPTIONS)
    # THEN the presentation's seal is reported missing, as unsigned, not as broken
    seal = report.check("signature")
    assert seal is not None and seal.status is CheckStatus.SKIPPED
    assert seal.details.get("unsigned") is True
    assert "no seal" in seal.message
    # AND each entry has its own report: the credential failed as unsealed, the others unread
    assert [r.format for r in report.credentials] == ["edc-xml", "unknown", "unknown", "unknown"]
    assert all(r.status is OverallStatus.FAILED for r in report.credentials)
    assert report.status is OverallStatus.FAILED
