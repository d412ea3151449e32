"""Building test seals: an RFC 3161 timestamp token and a JAdES B-T seal over a credential,
signed by a test PKI's keys. Shared by the seal tests (tests/crypto) and the online
revocation tests (tests/revocation), which each bring their own certificates."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import asn1crypto.cms
import asn1crypto.core
import asn1crypto.tsp
import asn1crypto.x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_json(value: Any) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(Encoding.DER)


def pki_name(common_name: str) -> x509.Name:
    """A Czech school's name, as a seal or CA certificate of the test PKI carries it."""
    return x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Vysoká škola Test"),
        x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, "NTRCZ-00000001"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CZ"),
    ])


def timestamp_token(message: bytes, *, at: datetime, tsa: x509.Certificate,
                    tsa_key: ec.EllipticCurvePrivateKey,
                    more_certificates: Sequence[x509.Certificate] = ()) -> bytes:
    """An RFC 3161 token over ``message`` at ``at`` (RFC 3161 §2.4.2, RFC 5652)."""
    tst_info = asn1crypto.tsp.TSTInfo({
        "version": "v1",
        "policy": "1.2.3.4.1",
        "message_imprint": {
            "hash_algorithm": {"algorithm": "sha256"},
            "hashed_message": hashlib.sha256(message).digest(),
        },
        "serial_number": 1,
        "gen_time": at,
    })
    content = tst_info.dump()
    authority = asn1crypto.x509.Certificate.load(der(tsa))
    attributes = asn1crypto.cms.CMSAttributes([
        {"type": "content_type", "values": ["tst_info"]},
        {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
        {"type": "signing_certificate_v2", "values": [{"certs": [{
            "hash_algorithm": {"algorithm": "sha256"},
            "cert_hash": hashlib.sha256(der(tsa)).digest(),
        }]}]},
    ])
    signature = tsa_key.sign(attributes.dump(), ec.ECDSA(hashes.SHA256()))
    signed_data = asn1crypto.cms.SignedData({
        "version": "v3",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {
            "content_type": "tst_info",
            "content": asn1crypto.core.ParsableOctetString(content),
        },
        "certificates": [authority, *(asn1crypto.x509.Certificate.load(der(c))
                                      for c in more_certificates)],
        "signer_infos": [{
            "version": "v1",
            "sid": {"issuer_and_serial_number": {
                "issuer": authority.issuer, "serial_number": authority.serial_number}},
            "digest_algorithm": {"algorithm": "sha256"},
            "signed_attrs": attributes,
            "signature_algorithm": {"algorithm": "sha256_ecdsa"},
            "signature": signature,
        }],
    })
    token: bytes = asn1crypto.cms.ContentInfo(
        {"content_type": "signed_data", "content": signed_data}).dump()
    return token


def jades_seal(payload: str, *, at: datetime, chain: Sequence[x509.Certificate],
               seal_key: ec.EllipticCurvePrivateKey, timestamp: Callable[[bytes], bytes],
               crl: bytes | None = None) -> bytes:
    """A JAdES seal over ``payload`` (``b64: false``) by ``chain[0]`` with a signature
    timestamp: B-T, or B-LT-like when ``crl`` is embedded in ``rVals``."""
    protected = b64url_json({
        "alg": "ES256",
        "b64": False,
        "crit": ["b64", "sigT"],
        "sigT": f"{at:%Y-%m-%dT%H:%M:%SZ}",
        "x5c": [base64.b64encode(der(c)).decode("ascii") for c in chain],
        "x5t#S256": b64url(hashlib.sha256(der(chain[0])).digest()),
    })
    der_signature = seal_key.sign(
        protected.encode("ascii") + b"." + payload.encode("utf-8"), ec.ECDSA(hashes.SHA256())
    )
    r, s = decode_dss_signature(der_signature)
    signature = b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    token = base64.b64encode(timestamp(signature.encode("ascii"))).decode("ascii")
    etsi_u = [b64url_json({"sigTst": {"tstTokens": [{"val": token}]}})]
    if crl is not None:
        value = base64.b64encode(crl).decode("ascii")
        etsi_u.append(b64url_json({"rVals": {"crlVals": [{"val": value}]}}))
    document = {
        "payload": payload,
        "signatures": [
            {"protected": protected, "signature": signature, "header": {"etsiU": etsi_u}}
        ],
    }
    return json.dumps(document).encode("utf-8")
