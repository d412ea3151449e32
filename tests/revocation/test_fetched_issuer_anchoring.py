"""An issuing CA fetched from the seal certificate's caIssuers address is a link of the chain
like one the seal embeds: the path runs through it to the trusted root, and the seal is judged
against that root (RFC 5280 §4.2.2.1: caIssuers helps build the path, it does not end it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from conftest import Provider

from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport


def _verify_with_root_trusted(provider: Provider, payload: str, *, with_ca: bool
                              ) -> VerificationReport:
    # Only the root stands in for a trusted list's entry; the issuing CA is on no list.
    return verify_file_bytes(provider.jades(payload, with_ca=with_ca), options=VerifyOptions(
        online=True, trusted_roots=(provider.root,)))


def _signature(report: VerificationReport) -> tuple[CheckStatus, str, Mapping[str, Any]]:
    check = report.check("signature")
    assert check is not None
    return check.status, check.message, check.details


@pytest.mark.parametrize("ca_names_a_crl", [False, True], ids=["ca-names-no-crl", "ca-names-crl"])
@pytest.mark.parametrize("with_ca", [True, False], ids=["embedded", "via-caIssuers"])
def test_the_chain_reaches_the_trusted_root_through_the_issuing_ca(
    provider: Provider, payload: str, with_ca: bool, ca_names_a_crl: bool
) -> None:
    # GIVEN a seal that embeds its issuing CA, or carries only its own certificate; the CA
    # names the root's CRL, or (as offline path validation allows) no status service at all
    if ca_names_a_crl:
        provider.give_ca_a_crl_point()
    # WHEN verified online with only the root trusted
    report = _verify_with_root_trusted(provider, payload, with_ca=with_ca)
    # THEN the chain runs seal → issuing CA → root, anchored on the trusted root
    status, message, details = _signature(report)
    assert details["certificate_chain"][0].startswith("Common Name: Test Root CA"), details
    assert details["certificate_chain"][1].startswith("Common Name: Test Qualified CA")
    assert ("ca" in provider.requests) is not with_ca
    # AND the seal's status came from OCSP, the CA's from the root's CRL where it names one
    assert ("root-crl" in provider.requests) is ca_names_a_crl
    assert details["revocation"] == (
        "CRL and OCSP response, fetched online" if ca_names_a_crl
        else "OCSP response, fetched online")
    # AND only the unlisted timestamp authority keeps it from "verified", as in
    # test_online_seal
    assert status is CheckStatus.WARNING, message
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_fetched_and_embedded_issuing_ca_give_the_same_verdict(
    provider: Provider, payload: str
) -> None:
    # GIVEN the same seal twice: once embedding its issuing CA, once not
    embedded = _verify_with_root_trusted(provider, payload, with_ca=True)
    fetched = _verify_with_root_trusted(provider, payload, with_ca=False)
    # WHEN both are verified online THEN the verdict and the seal's sentence are the same
    assert fetched.status is embedded.status
    assert _signature(fetched)[:2] == _signature(embedded)[:2]
    assert (_signature(fetched)[2]["certificate_chain"]
            == _signature(embedded)[2]["certificate_chain"])


@pytest.mark.parametrize("with_ca", [True, False], ids=["embedded", "via-caIssuers"])
def test_a_ca_crl_that_cannot_be_had_leaves_the_seal_unchecked(
    provider: Provider, payload: str, with_ca: bool
) -> None:
    # GIVEN an issuing CA that names the root's CRL, which cannot be had; the seal
    # certificate's own OCSP responder says "good"
    provider.give_ca_a_crl_point()
    provider.root_crl_mode = "refused"
    # WHEN verified online with only the root trusted
    report = _verify_with_root_trusted(provider, payload, with_ca=with_ca)
    # THEN the chain to the trusted root stands, and the CA's unknown revocation makes it
    # indeterminate: the seal is not passed off as anchored on the issuing CA itself
    status, message, details = _signature(report)
    assert report.status is OverallStatus.INDETERMINATE, message
    assert status is CheckStatus.SKIPPED
    assert details["certificate_chain"][0].startswith("Common Name: Test Root CA"), details
    assert "root-crl" in provider.requests
    assert "Whether the certificate of Test Qualified CA was revoked could not be checked" in (
        message)
    assert details["revocation"] == "not available online"
