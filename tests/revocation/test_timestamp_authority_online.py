"""A timestamp proves when a seal was made only if its authority's certificate is proven
unrevoked when it stamped (ETSI EN 319 102-1: a timestamp that does not validate gives no
proof of existence). Online, when the authority's status stays unknown, the seal falls back to
being checked at the current time: a certificate revoked since can then no longer be told
apart from one revoked before the seal, which is INDETERMINATE (REVOKED_NO_POE), never failed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conftest import SEALED_AT, Provider

from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport


def _verify_online(provider: Provider, payload: str) -> VerificationReport:
    return verify_file_bytes(provider.jades(payload), options=VerifyOptions(
        online=True, trusted_roots=(provider.ca,)))


def _signature(report: VerificationReport) -> tuple[CheckStatus, str, Mapping[str, Any]]:
    check = report.check("signature")
    assert check is not None
    return check.status, check.message, check.details


def test_an_authority_cleared_online_proves_the_time(provider: Provider, payload: str) -> None:
    # GIVEN a timestamp authority whose certificate names the root's CRL, which answers
    provider.give_tsa_a_crl_point()
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN the timestamp proves the seal's time, and the chain is judged at it
    status, message, details = _signature(report)
    assert "root-crl" in provider.requests
    assert details["proven_signing_time"] == SEALED_AT.isoformat()
    assert details["chain_valid_at"] == SEALED_AT.isoformat()
    assert status is CheckStatus.WARNING, message
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_an_authority_unknown_online_proves_no_time(provider: Provider, payload: str) -> None:
    # GIVEN a timestamp authority whose CRL service fails
    provider.give_tsa_a_crl_point()
    provider.root_crl_mode = "refused"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN its timestamp proves no time: the seal certificate is checked now, and the
    # sentence says no timestamp proves when it was sealed
    status, message, details = _signature(report)
    assert details["proven_signing_time"] is None
    assert details["chain_valid_at"] != SEALED_AT.isoformat()
    assert "no timestamp proves when it was sealed" in message
    authority_notes = details["timestamps"][0]["authority_notes"]
    assert any("Test TSA was revoked could not be checked online" in n for n in authority_notes)
    assert any("this timestamp does not prove when the seal was made" in n
               for n in authority_notes)
    # AND the seal certificate, still valid now and cleared by OCSP now, keeps the seal
    # proven (partially verified: the authority is on no list)
    assert status is CheckStatus.WARNING, message
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_without_a_proven_time_a_later_revocation_is_indeterminate_not_failed(
    provider: Provider, payload: str
) -> None:
    # GIVEN a seal certificate revoked two days after the seal, and a timestamp authority
    # whose status cannot be checked, so nothing proves the seal predates the revocation
    provider.give_tsa_a_crl_point()
    provider.root_crl_mode = "refused"
    provider.mode = "revoked-after"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN it could not be checked (REVOKED_NO_POE), and the sentence says why; never failed
    assert report.status is OverallStatus.INDETERMINATE
    status, message, _ = _signature(report)
    assert status is CheckStatus.SKIPPED
    assert "The certificate of Test Seal was revoked on" in message
    assert "No timestamp proves that the seal was made before then." in message


def test_with_a_proven_time_the_same_later_revocation_leaves_the_seal_valid(
    provider: Provider, payload: str
) -> None:
    # GIVEN the same later revocation, and a timestamp authority cleared online
    provider.give_tsa_a_crl_point()
    provider.mode = "revoked-after"
    # WHEN the seal is verified online
    report = _verify_online(provider, payload)
    # THEN the timestamp proves the seal came first: it stands
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    assert "so it was still valid then." in _signature(report)[1]
