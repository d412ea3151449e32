"""Seeds for the fuzzers: every real vector, plus credentials signed here with fresh keys.

The real vectors (EU EDC samples, W3C and 1EdTech vectors, the Czech samples) come from
``tests/assets/vectors`` (their sources are named there). The generated ones cover what no
published vector carries: an OB 3.0 credential signed with eddsa-rdfc-2022 and ecdsa-rdfc-2019
by a did:key, a VC-JWT, an SD-JWT VC with a key-binding JWT, a signed Open Badges 2.0
assertion, baked PNG and SVG badges, and presentations holding several credentials.

``Signers`` can re-sign a mutated document, so a fuzzer reaches the code *after* the
signature check (claims, times, canonicalization) instead of stopping at a bad signature.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from PIL import Image as PilImage

from wallet.crypto.data_integrity import sign
from wallet.crypto.jwk import jwk_from_public_key
from wallet.crypto.jws import sign_compact_jws
from wallet.crypto.sd_jwt import present
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.formats import baked

ASSETS = Path(__file__).resolve().parents[1] / "assets"
VECTORS = ASSETS / "vectors"
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SD_JWT_NONCE = "fuzz-nonce-5f2a"
SD_JWT_AUDIENCE = "https://verifier.example.org"

# Key pairs, the controller documents and the CZ trusted list are not credentials, but a
# parser meets such files in a Downloads folder: they stay in the corpus as negative seeds.
_REAL_GLOBS = ("w3c/*.json", "edc/*.json", "edc/*.jsonld", "edc/*.xml", "cz/*.json*")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def ob3_document(issuer: str, n: int = 1, *, title: str = "Základy kryptografie") -> dict[str, Any]:
    """An Open Badges 3.0 credential with the Annex I elements the view reads."""
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Masarykova univerzita"},
        "validFrom": "2025-01-15T10:00:00Z",
        "validUntil": "2030-01-15T10:00:00Z",
        "name": f"{title} {n}",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": "Jana Nováková",
            "achievement": {
                "id": f"urn:uuid:10000000-0000-4000-8000-{n:012d}",
                "type": ["Achievement"],
                "name": f"{title} {n}",
                "description": "Hash functions, signatures and their misuse.",
                "criteria": {"narrative": "Assessed project and oral exam."},
                "alignment": [{"type": ["Alignment"], "targetName": "EQF level 6",
                               "targetUrl": "https://europa.eu/europass/eqf/6",
                               "targetFramework": "EQF", "targetCode": "6"}],
            },
        },
    }


@dataclass(frozen=True)
class Signers:
    """Fresh issuer and holder keys, and the ways to sign a (possibly mutated) credential."""

    ed_key: ed25519.Ed25519PrivateKey
    p256_key: ec.EllipticCurvePrivateKey
    holder_key: ec.EllipticCurvePrivateKey
    rsa_key: rsa.RSAPrivateKey

    @property
    def ed_did(self) -> str:
        return did_key_from_public_key(self.ed_key.public_key())

    @property
    def p256_did(self) -> str:
        return did_key_from_public_key(self.p256_key.public_key())

    def data_integrity(self, document: dict[str, Any], suite: str) -> bytes:
        key = self.ed_key if suite == "eddsa-rdfc-2022" else self.p256_key
        vm = did_key_verification_method_id(key.public_key())  # type: ignore[arg-type]
        signed = sign(document, private_key=key, cryptosuite=suite, verification_method=vm,
                      created=NOW - timedelta(days=1))
        return json.dumps(signed, ensure_ascii=False).encode("utf-8")

    def vc_jwt(self, payload: dict[str, Any], header: dict[str, Any] | None = None) -> bytes:
        kid = did_key_verification_method_id(self.ed_key.public_key())
        head = header if header is not None else {"alg": "EdDSA", "typ": "vc+jwt", "kid": kid}
        return sign_compact_jws(head, json.dumps(payload).encode("utf-8"), self.ed_key).encode()

    def raw_eddsa_jws(self, header_json: str, payload_json: str) -> bytes:
        """A compact JWS over *any* header text, signed with the Ed25519 key: a damaged
        header reaches the verifier exactly as a careless (or hostile) issuer would send it."""
        signing_input = f"{b64url(header_json.encode())}.{b64url(payload_json.encode())}"
        signature = self.ed_key.sign(signing_input.encode("ascii"))
        return f"{signing_input}.{b64url(signature)}".encode("ascii")

    def sd_jwt(self, claims: dict[str, Any], disclosed: dict[str, Any],
               *, with_key_binding: bool = True) -> bytes:
        """``claims`` signed in the clear, ``disclosed`` as selectively disclosable claims."""
        disclosures = [b64url(json.dumps([b64url(secrets.token_bytes(16)), name, value],
                                         ensure_ascii=False).encode("utf-8"))
                       for name, value in disclosed.items()]
        payload = {
            **claims,
            "_sd_alg": "sha-256",
            "_sd": sorted(b64url(hashlib.sha256(d.encode("ascii")).digest())
                          for d in disclosures),
            "cnf": {"jwk": jwk_from_public_key(self.holder_key.public_key())},
        }
        kid = did_key_verification_method_id(self.p256_key.public_key())
        issuer_jwt = sign_compact_jws({"alg": "ES256", "typ": "dc+sd-jwt", "kid": kid},
                                      json.dumps(payload).encode("utf-8"), self.p256_key)
        token = "~".join([issuer_jwt, *disclosures]) + "~"
        if not with_key_binding:
            return token.encode("ascii")
        return present(token, list(disclosed), holder_key=self.holder_key, nonce=SD_JWT_NONCE,
                       audience=SD_JWT_AUDIENCE, now=NOW).encode("ascii")

    def ob2_signed(self, assertion: dict[str, Any]) -> bytes:
        return sign_compact_jws({"alg": "RS256"}, json.dumps(assertion).encode("utf-8"),
                                self.rsa_key).encode("ascii")

    def rsa_public_pem(self) -> bytes:
        return self.rsa_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@cache
def signers() -> Signers:
    return Signers(ed_key=ed25519.Ed25519PrivateKey.generate(),
                   p256_key=ec.generate_private_key(ec.SECP256R1()),
                   holder_key=ec.generate_private_key(ec.SECP256R1()),
                   rsa_key=rsa.generate_private_key(public_exponent=65537, key_size=2048))


def vc_jwt_payload(issuer: str, n: int = 1) -> dict[str, Any]:
    document = ob3_document(issuer, n)
    return {"iss": issuer, "jti": document["id"], "sub": "did:example:learner",
            "nbf": int(datetime(2025, 1, 15, 10, tzinfo=UTC).timestamp()),
            "exp": int(datetime(2030, 1, 15, 10, tzinfo=UTC).timestamp()), **document}


def sd_jwt_claims(issuer: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(signed in the clear, selectively disclosable) of an EUDI learning credential."""
    clear = {"iss": issuer, "iat": int((NOW - timedelta(days=3)).timestamp()),
             "exp": int((NOW + timedelta(days=700)).timestamp()),
             "vct": "urn:eu.europa.ec.eudi:learning:credential:1"}
    disclosed = {
        "achievement_title": "Data Science Fundamentals",
        "ects_points": 5,
        "eqf_level": 6,
        "issuing_authority": "Univerzita Karlova",
        "family_name": "Nováková",
        "given_name": "Jana",
        "learning_outcomes": ["Cleans data with pandas", "Explains a regression model"],
        "date_of_issuance": "2025-05-20",
    }
    return clear, disclosed


def ob2_assertion() -> dict[str, Any]:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:a3c6b1a8-7a4d-4e0a-9a54-0d3f1c1c2b11",
        "recipient": {"type": "email", "hashed": False, "identity": "jana@example.cz"},
        "badge": {"type": "BadgeClass", "id": "https://badges.example.cz/class/1",
                  "name": "Open Science", "description": "Shares data openly.",
                  "criteria": {"narrative": "Published a dataset."},
                  "issuer": {"type": "Profile", "id": "https://badges.example.cz/issuer",
                             "name": "Univerzita Karlova"}},
        "verification": {"type": "SignedBadge",
                         "creator": "https://badges.example.cz/issuer/key"},
        "issuedOn": "2025-04-01T09:00:00Z",
    }


def _png() -> bytes:
    buffer = io.BytesIO()
    PilImage.new("RGB", (4, 4), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def real_vectors() -> dict[str, bytes]:
    found = {}
    for pattern in _REAL_GLOBS:
        for path in sorted(VECTORS.glob(pattern)):
            found[f"{path.parent.name}/{path.name}"] = path.read_bytes()
    return found


@cache
def generated() -> dict[str, bytes]:
    keys = signers()
    ob3_ed = keys.data_integrity(ob3_document(keys.ed_did, 1), "eddsa-rdfc-2022")
    ob3_ec = keys.data_integrity(ob3_document(keys.p256_did, 2), "ecdsa-rdfc-2019")
    jwt = keys.vc_jwt(vc_jwt_payload(keys.ed_did))
    clear, disclosed = sd_jwt_claims(keys.p256_did)
    sd_kb = keys.sd_jwt(clear, disclosed)
    sd_plain = keys.sd_jwt(clear, disclosed, with_key_binding=False)
    ob2_jws = keys.ob2_signed(ob2_assertion())
    png = _png()
    vp = json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"],
                     "type": ["VerifiablePresentation"],
                     "verifiableCredential": [json.loads(ob3_ed), jwt.decode(), {
                         "@context": ["https://www.w3.org/ns/credentials/v2"],
                         "type": ["EnvelopedVerifiableCredential"],
                         "id": "data:application/vc+jwt," + jwt.decode()}]}).encode()
    return {
        "gen/ob3-eddsa.json": ob3_ed,
        "gen/ob3-ecdsa.json": ob3_ec,
        "gen/vc-jwt.jwt": jwt,
        "gen/sd-jwt-kb.txt": sd_kb,
        "gen/sd-jwt.txt": sd_plain,
        "gen/ob2-signed.jws": ob2_jws,
        "gen/ob2-hosted.json": json.dumps(ob2_assertion()).encode(),
        "gen/baked-ob3.png": baked.bake_png(png, ob3_ed, ob3=True),
        "gen/baked-ob2.png": baked.bake_png(png, ob2_jws, ob3=False),
        "gen/baked-jwt.svg": baked.bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg"/>', jwt),
        "gen/vp.json": vp,
    }


@cache
def all_seeds() -> dict[str, bytes]:
    return {**real_vectors(), **generated()}


def small_seeds(limit: int = 64 * 1024) -> dict[str, bytes]:
    """Seeds cheap enough to mutate thousands of times (the EDC samples are 100–190 KB)."""
    return {name: raw for name, raw in all_seeds().items() if len(raw) <= limit}
