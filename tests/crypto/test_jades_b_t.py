"""A JAdES seal at level B-T (signature timestamp, no revocation data embedded) is intact but
INDETERMINATE offline, after ETSI EN 319 102-1: never "failed", never "altered".

The seals are made here, as a provider's sealing service makes them: a test CA issues a seal
certificate that names a CRL distribution point (as every qualified one does) and a timestamp
authority; the payload is the real EU sample credential. Only the embedded revocation data
differs between the cases, so what each proves is the verdict's reason alone.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID

from tests.seal_building import jades_seal, timestamp_token
from tests.seal_building import pki_name as _name
from wallet.crypto.jades import verify_jades_seal
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport
from wallet.verify.report_text import render_report

EDC = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"
SEALED_AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


class _Provider:
    """A test trust service provider: a CA, a seal certificate with a CRL distribution point,
    and a timestamp authority."""

    def __init__(self) -> None:
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        self.ca = self._issue(
            _name("Test Qualified CA"), self.ca_key.public_key(),
            lambda b: b.add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False), True),
        )
        self.seal_key = ec.generate_private_key(ec.SECP256R1())
        self.seal = self._issue(
            _name("Test Seal"), self.seal_key.public_key(),
            lambda b: b.add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
            .add_extension(
                x509.CRLDistributionPoints([x509.DistributionPoint(
                    [x509.UniformResourceIdentifier("http://crl.kredo.test/ca.crl")],
                    None, None, None)]),
                False),
        )
        self.tsa_key = ec.generate_private_key(ec.SECP256R1())
        self.tsa = self._issue(
            _name("Test TSA"), self.tsa_key.public_key(),
            lambda b: b.add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True),
        )

    def _issue(self, subject: x509.Name, public_key: Any, extend: Any) -> x509.Certificate:
        issuer = subject if not hasattr(self, "ca") else self.ca.subject
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(datetime(2025, 1, 1, tzinfo=UTC))
            .not_valid_after(datetime(2028, 1, 1, tzinfo=UTC))
        )
        return extend(builder).sign(self.ca_key, hashes.SHA256())  # type: ignore[no-any-return]

    def crl(self, *, revoked: bool) -> bytes:
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ca.subject)
            .last_update(SEALED_AT - timedelta(hours=2))
            .next_update(SEALED_AT + timedelta(days=7))
        )
        if revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(self.seal.serial_number)
                .revocation_date(SEALED_AT - timedelta(hours=1))
                .build()
            )
        return builder.sign(self.ca_key, hashes.SHA256()).public_bytes(Encoding.DER)

    def timestamp(self, message: bytes) -> bytes:
        """An RFC 3161 token over ``message`` at :data:`SEALED_AT`."""
        return timestamp_token(message, at=SEALED_AT, tsa=self.tsa, tsa_key=self.tsa_key,
                               more_certificates=(self.ca,))

    def jades(self, payload: str, *, crl: bytes | None = None) -> bytes:
        """A JAdES seal over ``payload`` with a signature timestamp: B-T, or B-LT-like when
        ``crl`` is embedded in ``rVals``."""
        return jades_seal(payload, at=SEALED_AT, chain=(self.seal, self.ca),
                          seal_key=self.seal_key, timestamp=self.timestamp, crl=crl)


@pytest.fixture(scope="module")
def provider() -> _Provider:
    return _Provider()


@pytest.fixture(scope="module")
def payload() -> str:
    # The EU sample micro-credential, as its sealing service would receive it.
    sample = json.loads((EDC / "Sample-MC-Annex1-signed.jsonld").read_bytes())
    return str(sample["payload"])


def _verify(raw: bytes, provider: _Provider) -> VerificationReport:
    return verify_file_bytes(raw, options=VerifyOptions(now=NOW, trusted_roots=(provider.ca,)))


def test_a_b_t_seal_is_intact_and_its_revocation_unknown(
    provider: _Provider, payload: str
) -> None:
    # GIVEN a seal at level B-T: signature timestamp, no revocation data (normal at B-T)
    raw = provider.jades(payload)
    # WHEN the seal alone is verified offline
    seal = verify_jades_seal(raw, trusted_roots=[provider.ca], now=NOW)
    # THEN it is intact, timed by its timestamp, and nothing is wrong: only revocation unknown
    assert seal.signature_valid
    assert seal.proven_signing_time == SEALED_AT
    assert seal.problems == ()
    assert not seal.valid
    assert seal.revocation_unknown


def test_a_b_t_seal_is_indeterminate_never_failed(provider: _Provider, payload: str) -> None:
    # GIVEN the B-T seal, its CA trusted
    raw = provider.jades(payload)
    # WHEN the credential is verified offline
    report = _verify(raw, provider)
    # THEN the verdict is "could not be checked", with ETSI's reason in plain words
    assert report.status is OverallStatus.INDETERMINATE
    assert report.status.exit_code == 4
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert signature.message == (
        "The seal of Vysoká škola Test is intact; whether its certificate was revoked could "
        "not be checked offline."
    )
    assert signature.details["revocation"] == "not available offline"
    # AND the issuer line never says the signature did not verify
    issuer = report.check("issuer")
    assert issuer is not None and issuer.status is CheckStatus.SKIPPED
    assert "did not verify" not in issuer.message
    assert "Vysoká škola Test" in issuer.message
    text = render_report(report)
    assert "FAILED" not in text and "altered" not in text
    assert text.startswith("COULD NOT BE CHECKED")


def test_with_a_crl_that_clears_it_the_same_seal_is_proven(
    provider: _Provider, payload: str
) -> None:
    # GIVEN the same seal with the CA's CRL of that time embedded, not listing the certificate
    raw = provider.jades(payload, crl=provider.crl(revoked=False))
    # WHEN verified offline
    report = _verify(raw, provider)
    # THEN the seal is proven (the timestamp authority is on no list: a warning, not more)
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.WARNING
    assert signature.details["revocation"] == "embedded CRL"
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_a_revoked_seal_certificate_is_failed(provider: _Provider, payload: str) -> None:
    # GIVEN the seal with a CRL that lists its certificate as revoked before the sealing time
    raw = provider.jades(payload, crl=provider.crl(revoked=True))
    # WHEN verified offline
    report = _verify(raw, provider)
    # THEN revocation is proven: failed
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.FAILED
    assert "revoked" in signature.message
    assert report.status is OverallStatus.FAILED


def test_an_altered_b_t_credential_is_failed_not_indeterminate(
    provider: _Provider, payload: str
) -> None:
    # GIVEN a B-T seal whose payload was changed after sealing
    document = json.loads(provider.jades(payload))
    altered = document["payload"].replace("urn:credential:1", "urn:credential:2", 1)
    assert altered != document["payload"]
    document["payload"] = altered
    # WHEN verified offline
    report = _verify(json.dumps(document).encode("utf-8"), provider)
    # THEN the alteration is proven, whatever revocation data is missing
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.FAILED
    assert report.status is OverallStatus.FAILED
