"""Verifier key material made in the test: a test CA, a leaf certificate for a DNS name, and
request objects signed as OpenID4VP verifiers sign them."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from wallet.base64url import b64url_encode
from wallet.crypto.jws import sign_compact_jws


@dataclass(frozen=True)
class VerifierCertificate:
    key: ec.EllipticCurvePrivateKey
    leaf: x509.Certificate
    ca: x509.Certificate

    @property
    def x5c(self) -> list[str]:
        return [base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in (self.leaf,)]

    @property
    def leaf_hash(self) -> str:
        return b64url_encode(hashlib.sha256(self.leaf.public_bytes(Encoding.DER)).digest())


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])


def verifier_certificate(dns: str = "localhost", *, days: int = 30) -> VerifierCertificate:
    """A test CA and a leaf for ``dns`` issued by it (both P-256)."""
    now = datetime.now(UTC) - timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Kredo Test Verifier CA", "Kredo Tests")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now).not_valid_after(now + timedelta(days=365))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(_name(dns, "Example Employer s.r.o."))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(dns)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return VerifierCertificate(key, leaf, ca)


def signed_request(claims: dict[str, Any], certificate: VerifierCertificate,
                   *, typ: str = "oauth-authz-req+jwt") -> str:
    return sign_compact_jws({"typ": typ, "x5c": certificate.x5c},
                            json.dumps(claims).encode(), certificate.key)


def unsigned_request(claims: dict[str, Any]) -> str:
    header = b64url_encode(json.dumps({"alg": "none", "typ": "oauth-authz-req+jwt"}).encode())
    return f"{header}.{b64url_encode(json.dumps(claims).encode())}."
