"""A JAdES B-T seal is INDETERMINATE offline and decided with --online, against the
provider's own OCSP responder and CRL on 127.0.0.1 (ETSI EN 319 102-1 §5.6.2.4: revocation
judged at the time the signature timestamp proves)."""

from __future__ import annotations

import pytest
from conftest import SEALED_AT, Provider, StatusServer

from wallet.status import revocation_fetch
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckStatus, OverallStatus, VerificationReport


def _verify(raw: bytes, provider: Provider, *, online: bool) -> VerificationReport:
    # The issuing CA stands in for a trusted list's entry; the TSA is on no list (a warning).
    return verify_file_bytes(
        raw, options=VerifyOptions(online=online, trusted_roots=(provider.ca,)))


def _signature(report: VerificationReport) -> tuple[CheckStatus, str, dict[str, object]]:
    check = report.check("signature")
    assert check is not None
    return check.status, check.message, check.details


def test_offline_it_is_indeterminate_and_nothing_is_asked(provider: Provider, payload: str) -> None:
    # GIVEN a B-T seal whose certificate names a responder and a CRL
    raw = provider.jades(payload)
    # WHEN verified without --online
    report = _verify(raw, provider, online=False)
    # THEN it could not be checked, and no status service heard of it
    assert report.status is OverallStatus.INDETERMINATE
    status, message, _ = _signature(report)
    assert status is CheckStatus.SKIPPED
    assert message.endswith("could not be checked offline.")
    assert provider.requests == []


def test_online_a_good_answer_proves_the_seal(provider: Provider, payload: str) -> None:
    # GIVEN the seal, and a responder that says "good"
    raw = provider.jades(payload)
    # WHEN verified online
    report = _verify(raw, provider, online=True)
    # THEN the seal is proven: only the unlisted timestamp authority keeps it from "verified"
    status, message, details = _signature(report)
    assert status is CheckStatus.WARNING, message
    assert details["revocation"] == "OCSP response, fetched online"
    assert report.check("signature").mode is CheckMode.NETWORK  # type: ignore[union-attr]
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    # AND OCSP was preferred: the CRL was never fetched
    assert "ocsp" in provider.requests and "crl" not in provider.requests


def test_revoked_before_the_seal_is_failed(provider: Provider, payload: str) -> None:
    # GIVEN a responder that says the certificate was revoked the day before the seal
    provider.mode = "revoked-before"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN revocation is proven: failed, with the date in the sentence
    status, message, _ = _signature(report)
    assert status is CheckStatus.FAILED
    before = SEALED_AT.replace(second=0) - __import__("datetime").timedelta(days=1)
    assert f"was revoked on {before:%Y-%m-%d}" in message
    assert "before the time it is checked at" in message
    assert report.status is OverallStatus.FAILED


def test_revoked_after_the_seal_still_holds_and_says_so(provider: Provider, payload: str) -> None:
    # GIVEN a responder that says the certificate was revoked two days after the seal
    provider.mode = "revoked-after"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN the seal made before stands, and the sentence says when it was revoked
    status, message, _ = _signature(report)
    assert status is CheckStatus.WARNING
    assert "after the time it is checked at" in message
    assert "so it was still valid then." in message
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_a_crl_decides_when_the_responder_refuses(provider: Provider, payload: str) -> None:
    # GIVEN a responder that fails (HTTP 500) and a CRL that lists the certificate
    provider.mode = "refused"
    provider.crl_mode = "revoked-before"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN the CRL proves the revocation
    status, message, _ = _signature(report)
    assert status is CheckStatus.FAILED
    assert "was revoked on" in message
    assert provider.requests == ["ocsp", "crl"]


def test_a_clean_crl_proves_the_seal(provider: Provider, payload: str) -> None:
    # GIVEN garbage from the responder and a current CRL not listing the certificate
    provider.mode = "garbage"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN the CRL decides
    _, _, details = _signature(report)
    assert details["revocation"] == "CRL, fetched online"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


@pytest.mark.parametrize("mode", ["wrong-key", "unknown", "stale"])
def test_an_unusable_ocsp_answer_gives_way_to_the_crl(
    provider: Provider, payload: str, mode: str
) -> None:
    # GIVEN an OCSP answer that parses but cannot be used (signed with a key not the CA's,
    # status unknown, out of date), and a current CRL that does not list the certificate
    provider.mode = mode
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN the CRL is fetched as a second chance and decides
    status, message, details = _signature(report)
    assert status is CheckStatus.WARNING, message
    assert details["revocation"] == "CRL, fetched online"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    assert provider.requests == ["ocsp", "crl"]


def test_a_crl_listing_the_certificate_decides_after_an_unusable_ocsp_answer(
    provider: Provider, payload: str
) -> None:
    # GIVEN an OCSP answer with a bad signature, and a CRL listing the certificate as revoked
    # before the seal
    provider.mode = "wrong-key"
    provider.crl_mode = "revoked-before"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN the revocation is proven by the CRL: failed
    status, message, _ = _signature(report)
    assert status is CheckStatus.FAILED
    assert "was revoked on" in message
    assert report.status is OverallStatus.FAILED


def test_an_unusable_ocsp_answer_and_no_crl_keep_both_reasons(
    provider: Provider, payload: str
) -> None:
    # GIVEN an OCSP answer with status unknown, and a CRL that cannot be had
    provider.mode = "unknown"
    provider.crl_mode = "refused"
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN it could not be checked: indeterminate, never failed, and the CRL was tried
    assert report.status is OverallStatus.INDETERMINATE
    status, message, _ = _signature(report)
    assert status is CheckStatus.SKIPPED
    assert provider.requests == ["ocsp", "crl"]
    assert "Whether the certificate of Test Seal was revoked could not be checked" in message


@pytest.mark.parametrize("mode", ["garbage", "refused", "oversized", "slow"])
def test_no_usable_answer_is_indeterminate_never_failed(
    provider: Provider, payload: str, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN status services that answer badly, or too much, or too slowly (one second allowed)
    monkeypatch.setattr(revocation_fetch, "TIMEOUT", 1.0)
    provider.mode = provider.crl_mode = mode
    # WHEN verified online
    report = _verify(provider.jades(payload), provider, online=True)
    # THEN it could not be checked online, with the reason; never failed, never a crash
    assert report.status is OverallStatus.INDETERMINATE
    status, message, details = _signature(report)
    assert status is CheckStatus.SKIPPED
    assert "could not be checked online." in message
    assert "Whether the certificate of Test Seal was revoked could not be checked" in message
    assert details["revocation"] == "not available online"


def test_a_stopped_server_is_indeterminate(
    server: StatusServer, provider: Provider, payload: str
) -> None:
    # GIVEN the provider's services are down
    raw = provider.jades(payload)
    server.stop()
    # WHEN verified online
    report = _verify(raw, provider, online=True)
    # THEN it could not be checked, and says the server could not be reached
    assert report.status is OverallStatus.INDETERMINATE
    _, message, _ = _signature(report)
    assert "could not reach the server 127.0.0.1" in message


def test_a_missing_issuing_ca_is_fetched_from_ca_issuers(provider: Provider, payload: str) -> None:
    # GIVEN a seal that carries only its own certificate, and only the root is trusted
    raw = provider.jades(payload, with_ca=False)
    options = VerifyOptions(online=True, trusted_roots=(provider.root,))
    # WHEN verified online
    report = verify_file_bytes(raw, options=options)
    # THEN the issuing CA came from the caIssuers address, the seal certificate was cleared
    # by OCSP, and the chain runs on through the fetched CA (which names no status service,
    # so it is not asked about, as offline) to the trusted root; only the unlisted
    # timestamp authority keeps it from "verified"
    assert "ca" in provider.requests
    status, _, details = _signature(report)
    assert status is CheckStatus.WARNING
    assert details["revocation"] == "OCSP response, fetched online"
    assert details["certificate_chain"][0].startswith("Common Name: Test Root CA")
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
