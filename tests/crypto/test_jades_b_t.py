"""A JAdES seal at level B-T (signature timestamp, no revocation data embedded) is intact but
INDETERMINATE offline, after ETSI EN 319 102-1: never "failed", never "altered".

The seals are made here, as a provider's sealing service makes them: a test CA issues a seal
certificate that names a CRL distribution point (as every qualified one does) and a timestamp
authority; the payload is the real EU sample credential. Only the embedded revocation data
differs between the cases, so what each proves is the verdict's reason alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asn1crypto.algos
import asn1crypto.cms
import asn1crypto.core
import asn1crypto.tsp
import asn1crypto.x509
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from wallet.crypto.jades import verify_jades_seal
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus, VerificationReport
from wallet.verify.report_text import render_report

EDC = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"
SEALED_AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_json(value: Any) -> str:
    return _b64url(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(Encoding.DER)


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Vysoká škola Test"),
        x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, "NTRCZ-00000001"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CZ"),
    ])


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
        """An RFC 3161 token over ``message`` at :data:`SEALED_AT` (RFC 3161 §2.4.2, RFC 5652)."""
        tst_info = asn1crypto.tsp.TSTInfo({
            "version": "v1",
            "policy": "1.2.3.4.1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": hashlib.sha256(message).digest(),
            },
            "serial_number": 1,
            "gen_time": SEALED_AT,
        })
        content = tst_info.dump()
        tsa = asn1crypto.x509.Certificate.load(_der(self.tsa))
        attributes = asn1crypto.cms.CMSAttributes([
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
            {"type": "signing_certificate_v2", "values": [{"certs": [{
                "hash_algorithm": {"algorithm": "sha256"},
                "cert_hash": hashlib.sha256(_der(self.tsa)).digest(),
            }]}]},
        ])
        signature = self.tsa_key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
        signed_data = asn1crypto.cms.SignedData({
            "version": "v3",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": asn1crypto.core.ParsableOctetString(content),
            },
            "certificates": [tsa, asn1crypto.x509.Certificate.load(_der(self.ca))],
            "signer_infos": [{
                "version": "v1",
                "sid": {"issuer_and_serial_number": {
                    "issuer": tsa.issuer, "serial_number": tsa.serial_number}},
                "digest_algorithm": {"algorithm": "sha256"},
                "signed_attrs": attributes,
                "signature_algorithm": {"algorithm": "sha256_ecdsa"},
                "signature": signature,
            }],
        })
        token: bytes = asn1crypto.cms.ContentInfo(
            {"content_type": "signed_data", "content": signed_data}).dump()
        return token

    def jades(self, payload: str, *, crl: bytes | None = None) -> bytes:
        """A JAdES seal over ``payload`` (``b64: false``) with a signature timestamp: B-T, or
        B-LT-like when ``crl`` is embedded in ``rVals``."""
        protected = _b64url_json({
            "alg": "ES256",
            "b64": False,
            "crit": ["b64", "sigT"],
            "sigT": f"{SEALED_AT:%Y-%m-%dT%H:%M:%SZ}",
            "x5c": [base64.b64encode(_der(c)).decode("ascii") for c in (self.seal, self.ca)],
            "x5t#S256": _b64url(hashlib.sha256(_der(self.seal)).digest()),
        })
        der_signature = self.seal_key.sign(
            protected.encode("ascii") + b"." + payload.encode("utf-8"), ec.ECDSA(hashes.SHA256())
        )
        r, s = decode_dss_signature(der_signature)
        signature = _b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
        token = base64.b64encode(self.timestamp(signature.encode("ascii"))).decode("ascii")
        etsi_u = [_b64url_json({"sigTst": {"tstTokens": [{"val": token}]}})]
        if crl is not None:
            value = base64.b64encode(crl).decode("ascii")
            etsi_u.append(_b64url_json({"rVals": {"crlVals": [{"val": value}]}}))
        document = {
            "payload": payload,
            "signatures": [
                {"protected": protected, "signature": signature, "header": {"etsiU": etsi_u}}
            ],
        }
        return json.dumps(document).encode("utf-8")


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
