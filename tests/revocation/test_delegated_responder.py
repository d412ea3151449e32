"""OCSP answers signed by a delegated responder (RFC 6960 §4.2.2.2): a certificate the CA
issued for id-kp-OCSPSigning. With id-pkix-ocsp-nocheck the CA vouches for it outright;
without, its own revocation is checked on the CA's CRL before its answer counts
(§4.2.2.2.1), and an answer from a responder not proven unrevoked leaves the seal
INDETERMINATE, never verified and never failed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conftest import Provider

from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport


def _verify_online(provider: Provider, payload: str) -> VerificationReport:
    # The issuing CA stands in for a trusted list's entry, as in test_online_seal.
    return verify_file_bytes(provider.jades(payload), options=VerifyOptions(
        online=True, trusted_roots=(provider.ca,)))


def _signature(report: VerificationReport) -> tuple[CheckStatus, str, Mapping[str, Any]]:
    check = report.check("signature")
    assert check is not None
    return check.status, check.message, check.details


def test_a_nocheck_responder_is_relied_on_without_more_questions(
    provider: Provider, payload: str
) -> None:
    # GIVEN OCSP answers signed by a responder whose certificate carries id-pkix-ocsp-nocheck
    provider.delegate_ocsp(nocheck=True, crl_point=False)
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN its "good" proves the seal, and nothing else was asked
    status, message, details = _signature(report)
    assert status is CheckStatus.WARNING, message
    assert details["revocation"] == "OCSP response, fetched online"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    assert provider.requests == ["ocsp"]


def test_a_responder_without_nocheck_is_checked_on_the_ca_crl(
    provider: Provider, payload: str
) -> None:
    # GIVEN a responder without nocheck, whose certificate names the CA's CRL (not listing it)
    provider.delegate_ocsp(nocheck=False, crl_point=True)
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN the CRL was fetched for the responder, and its "good" then proves the seal
    assert provider.requests == ["ocsp", "crl"]
    status, message, details = _signature(report)
    assert status is CheckStatus.WARNING, message
    assert details["revocation"] == "OCSP response, fetched online"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_a_revoked_responder_is_not_believed(provider: Provider, payload: str) -> None:
    # GIVEN a responder without nocheck that the CA's CRL lists as revoked; it still says
    # the seal certificate was revoked before the seal
    provider.delegate_ocsp(nocheck=False, crl_point=True)
    provider.responder_revoked = True
    provider.mode = "revoked-before"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN its answer is not used either way; the CA's CRL decides instead: it does not list
    # the seal certificate (fetched once: the second question is answered from the cache)
    status, message, details = _signature(report)
    assert status is CheckStatus.WARNING, message
    assert details["revocation"] == "CRL, fetched online"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    assert provider.requests == ["ocsp", "crl"]


def test_a_responder_whose_revocation_cannot_be_checked_is_not_enough(
    provider: Provider, payload: str
) -> None:
    # GIVEN a responder without nocheck that names no CRL to check it against, and the seal
    # certificate's own CRL unreachable
    provider.delegate_ocsp(nocheck=False, crl_point=False)
    provider.crl_mode = "refused"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN its "good" is not enough: INDETERMINATE, with the reason
    assert report.status is OverallStatus.INDETERMINATE
    _, message, details = _signature(report)
    assert "whose own revocation could not be checked" in message
    assert "names no CRL to check it against" in message
    assert details["revocation"] == "not available online"


def test_a_responder_expired_when_it_answered_is_not_authorised(
    provider: Provider, payload: str
) -> None:
    # GIVEN a nocheck responder whose certificate expired the day before it answered, and
    # the seal certificate's own CRL unreachable
    provider.delegate_ocsp(nocheck=True, crl_point=False, expired=True)
    provider.crl_mode = "refused"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN its answer does not count: the responder was not valid at the response time
    assert report.status is OverallStatus.INDETERMINATE
    _, message, _ = _signature(report)
    assert "not signed by the certificate authority or a responder it authorised" in message
