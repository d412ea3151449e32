"""The seal's expert details name its certificate as an expert checks it against the
authority's records: SHA-256 fingerprint, validity period and the issuing authority."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography import x509

from wallet.verify.engine import verify_file_bytes

SEALED = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc" / (
    "Sample-MC-Annex1-signed.jsonld"
)


def _seal_certificate_der(raw: bytes) -> bytes:
    """The first x5c certificate of the JAdES seal's protected header, read by hand."""
    protected = json.loads(raw)["signatures"][0]["protected"]
    header = json.loads(base64.urlsafe_b64decode(protected + "=" * (-len(protected) % 4)))
    return base64.b64decode(header["x5c"][0])


def test_the_seal_details_give_fingerprint_validity_and_issuer() -> None:
    # GIVEN the EU sealed sample and its seal certificate, read independently of Kredo
    raw = SEALED.read_bytes()
    der = _seal_certificate_der(raw)
    certificate = x509.load_der_x509_certificate(der)
    # WHEN it is verified
    signature = verify_file_bytes(raw).check("signature")
    assert signature is not None
    details = signature.details
    # THEN the details hold the certificate's fingerprint, validity and issuer, as plain strings
    assert details["certificate_sha256"] == hashlib.sha256(der).hexdigest()
    assert details["certificate_sha256"] == (
        "c858624a53802dca996625b4f987c372d55c0979bde9b513b63e7137aa6abf04"
    )
    assert details["certificate_not_before"] == "2023-05-11T14:31:15+00:00"
    assert details["certificate_not_after"] == "2025-05-10T14:31:15+00:00"
    assert details["certificate_issuer"].startswith("CN=ANF AC Qualified Certificates for eSeal")
    assert "O=ANF Autoridad de Certificacion" in details["certificate_issuer"]
    assert certificate.not_valid_after_utc.isoformat() == details["certificate_not_after"]
    # AND they survive a saved report's JSON as they are
    saved = json.loads(json.dumps(signature.to_json()))["details"]
    assert saved["certificate_sha256"] == details["certificate_sha256"]
