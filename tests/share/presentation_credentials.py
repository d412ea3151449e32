"""Freshly issued credentials for the presentation tests: a tiny issuer with a did:key.

Each credential is signed the way a real issuer signs it (Data Integrity eddsa-rdfc-2022 for
JSON-LD, EdDSA JWS for VC-JWT and SD-JWT VC, the SD-JWT built from RFC 9901 §4.2), by an
issuer whose did:key controls the key, so every reference verifier can check it offline.
The sealed EDC is the EU sample from ``tests/assets/vectors/edc``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.base64url import b64url_encode
from wallet.crypto.data_integrity import sign
from wallet.crypto.jwk import jwk_from_public_key
from wallet.crypto.jws import sign_compact_jws
from wallet.did import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import parse_credential
from wallet.model import Credential

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SEALED_EDC = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
VC1 = "https://www.w3.org/2018/credentials/v1"
VC2 = "https://www.w3.org/ns/credentials/v2"


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Issuer:
    """An issuer with an Ed25519 did:key; ``holder`` is the learner's did:key."""

    holder: str
    key: ed25519.Ed25519PrivateKey = field(default_factory=ed25519.Ed25519PrivateKey.generate)
    issued: datetime = field(default_factory=lambda: datetime.now(UTC) - timedelta(days=30))

    @property
    def did(self) -> str:
        return did_key_from_public_key(self.key.public_key())

    @property
    def method(self) -> str:
        return did_key_verification_method_id(self.key.public_key())

    def _signed(self, document: dict[str, Any]) -> dict[str, Any]:
        return sign(
            document, private_key=self.key, verification_method=self.method,
            cryptosuite="eddsa-rdfc-2022", created=self.issued,
        )

    def ob3(self, name: str = "Základy datové analýzy") -> dict[str, Any]:
        """An Open Badges 3.0 credential (VC 2.0) for the holder."""
        return self._signed({
            "@context": [VC2, OB3_CONTEXT],
            "id": "urn:uuid:2f5c0e0e-6a4b-4f0b-9a57-3c3b7f6c1a01",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": self.did, "type": ["Profile"], "name": "Masarykova univerzita"},
            "validFrom": _iso(self.issued),
            "name": name,
            "credentialSubject": {
                "id": self.holder,
                "type": ["AchievementSubject"],
                "achievement": {
                    "id": "urn:uuid:7d3f1c2a-0000-4000-8000-000000000001",
                    "type": ["Achievement"],
                    "name": name,
                    "description": "Micro-credential, 4 ECTS.",
                    "criteria": {"narrative": "Final project assessed."},
                },
            },
        })

    def vc11(self) -> dict[str, Any]:
        """A VC 1.1 credential whose terms the VC 1.1 context alone defines."""
        return self._signed({
            "@context": [VC1, "https://w3id.org/security/data-integrity/v2"],
            "id": "urn:uuid:5b0c7a6e-1111-4c1e-9a55-3b8f0d6f1a10",
            "type": ["VerifiableCredential"],
            "issuer": self.did,
            "issuanceDate": _iso(self.issued),
            "credentialSubject": {"id": self.holder},
        })

    def vc_jwt(self) -> bytes:
        """A VC 2.0 ``vc+jwt`` (VC-JOSE-COSE), EdDSA, ``kid`` = the issuer's did:key URL."""
        claims = {
            "@context": [VC2],
            "id": "urn:uuid:9a1d2c3b-2222-4f4e-9a51-0c6d2b0f3a11",
            "type": ["VerifiableCredential"],
            "issuer": self.did,
            "validFrom": _iso(self.issued),
            "credentialSubject": {"id": self.holder, "name": "Jana Nováková"},
            "iss": self.did,
            "sub": self.holder,
            "iat": int(self.issued.timestamp()),
        }
        header = {"typ": "vc+jwt", "kid": self.method}
        return sign_compact_jws(header, json.dumps(claims).encode(), self.key).encode()

    def sd_jwt(self, *, cnf_key: ed25519.Ed25519PublicKey | None = None) -> bytes:
        """An SD-JWT VC with three selectively disclosable claims (RFC 9901 §4.2)."""
        disclosures = [
            _disclosure("2GLC42sKQveCfGfryNRN9w", "given_name", "Jana"),
            _disclosure("eluV5Og3gSNII8EYnsxA_A", "family_name", "Nováková"),
            _disclosure("6Ij7tM-a5iVPGboS5tmvVA", "ects", 4),
        ]
        payload: dict[str, Any] = {
            "_sd": sorted(_digest(d) for d in disclosures),
            "_sd_alg": "sha-256",
            "iss": self.did,
            "iat": int(self.issued.timestamp()),
            "vct": "urn:eu.europa.ec.eudi:learning:credential:1",
            "title": "Základy datové analýzy",
        }
        if cnf_key is not None:
            payload["cnf"] = {"jwk": jwk_from_public_key(cnf_key)}
        header = {"typ": "dc+sd-jwt", "kid": self.method}
        jwt = sign_compact_jws(header, json.dumps(payload).encode(), self.key)
        return ("~".join([jwt, *disclosures]) + "~").encode()


def _disclosure(*items: Any) -> str:
    return b64url_encode(json.dumps(list(items), ensure_ascii=False).encode())


def _digest(encoded: str) -> str:
    return b64url_encode(hashlib.sha256(encoded.encode("ascii")).digest())


def credential(data: bytes | dict[str, Any]) -> Credential:
    raw = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode()
    return parse_credential(raw)


def sealed_edc() -> Credential:
    return parse_credential(SEALED_EDC.read_bytes())
