"""Every kind of tampering ends in ``failed`` at ``signature``."""

from __future__ import annotations

import base64
import json
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.data_integrity import sign
from wallet.crypto.jws import sign_compact_jws
from wallet.did.did_key import did_key_from_public_key, did_key_verification_method_id
from wallet.verify.engine import verify_file_bytes
from wallet.verify.report import CheckStatus, OverallStatus

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
SEALED = ["Sample-MC-Annex1-signed.jsonld", "Sample-CertOfPart-signed.jsonld"]


def _signature_status(raw: bytes, **kwargs: Any) -> CheckStatus:
    report = verify_file_bytes(raw, **kwargs)
    check = report.check("signature")
    assert check is not None
    return check.status


@pytest.mark.parametrize("name", SEALED)
def test_one_character_changed_inside_the_sealed_payload(name: str) -> None:
    sealed = json.loads((VECTORS / "edc" / name).read_bytes())
    payload = sealed["payload"]
    index = payload.index('"en":"') + 6
    flipped = "X" if payload[index] != "X" else "Y"
    sealed["payload"] = payload[:index] + flipped + payload[index + 1 :]
    assert _signature_status(json.dumps(sealed).encode()) is CheckStatus.FAILED


@pytest.mark.parametrize("name", SEALED)
def test_sealed_payload_reserialised(name: str) -> None:
    sealed = json.loads((VECTORS / "edc" / name).read_bytes())
    sealed["payload"] = json.dumps(json.loads(sealed["payload"]), indent=2)
    assert _signature_status(json.dumps(sealed).encode()) is CheckStatus.FAILED


def test_untouched_seal_still_verifies_after_json_roundtrip_of_the_wrapper() -> None:
    # The wrapper may be re-serialised; only the payload string's bytes are signed.
    # (A warning, not ok: the sample's timestamp authority is a test TSA on no trusted list.)
    sealed = json.loads((VECTORS / "edc" / SEALED[0]).read_bytes())
    assert _signature_status(json.dumps(sealed, indent=1).encode()) is CheckStatus.WARNING


def _ob3(issuer: str) -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:2f5c0e0e-6a4b-4f0b-9a57-3c3b7f6c1a01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Masarykova univerzita"},
        "validFrom": "2026-01-15T10:00:00Z",
        "name": "Základy datové analýzy",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:7d3f1c2a-0000-4000-8000-000000000001",
                "type": ["Achievement"],
                "name": "Základy datové analýzy",
                "description": "Micro-credential, 4 ECTS.",
                "criteria": {"narrative": "Final project assessed."},
            },
        },
    }


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "ecdsa-rdfc-2019"])
def test_fresh_data_integrity_credential_and_a_changed_claim(suite: str) -> None:
    key = (
        ed25519.Ed25519PrivateKey.generate()
        if suite == "eddsa-rdfc-2022"
        else ec.generate_private_key(ec.SECP256R1())
    )
    issuer = did_key_from_public_key(key.public_key())
    signed = sign(
        _ob3(issuer),
        private_key=key,
        cryptosuite=suite,
        verification_method=did_key_verification_method_id(key.public_key()),
    )
    assert _signature_status(json.dumps(signed).encode()) is CheckStatus.OK
    tampered = json.loads(json.dumps(signed))
    tampered["credentialSubject"]["achievement"]["name"] = "Pokročilá datová analýza"
    assert _signature_status(json.dumps(tampered).encode()) is CheckStatus.FAILED
    truncated = json.loads(json.dumps(signed))
    truncated["proof"]["proofValue"] = truncated["proof"]["proofValue"][:-8]
    assert _signature_status(json.dumps(truncated).encode()) is CheckStatus.FAILED
    # A key swap: another issuer's key signs, the proof still names the first key.
    other = (
        ed25519.Ed25519PrivateKey.generate()
        if suite == "eddsa-rdfc-2022"
        else ec.generate_private_key(ec.SECP256R1())
    )
    forged = sign(
        _ob3(issuer),
        private_key=other,
        cryptosuite=suite,
        verification_method=did_key_verification_method_id(other.public_key()),
    )
    forged["proof"]["verificationMethod"] = signed["proof"]["verificationMethod"]
    assert _signature_status(json.dumps(forged).encode()) is CheckStatus.FAILED


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_fresh_vc_jwt_and_a_changed_claim() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    kid = did_key_verification_method_id(key.public_key())
    credential = _ob3(issuer)
    payload = {
        "iss": issuer,
        "jti": credential["id"],
        "sub": "did:example:learner",
        "nbf": int(datetime(2026, 1, 15, 10, tzinfo=UTC).timestamp()),
        "vc": credential,
    }
    payload["vc"]["issuanceDate"] = payload["vc"].pop("validFrom")
    payload["vc"]["@context"] = [
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    token = sign_compact_jws(
        {"alg": "EdDSA", "typ": "JWT", "kid": kid}, json.dumps(payload).encode(), key
    )
    assert _signature_status(token.encode()) is CheckStatus.OK
    header, body, signature = token.split(".")
    changed = dict(payload)
    changed["vc"] = dict(payload["vc"], name="Forged title")
    forged = f"{header}.{_b64(json.dumps(changed).encode())}.{signature}"
    assert _signature_status(forged.encode()) is CheckStatus.FAILED
    assert _signature_status(f"{header}.{body}.{signature[:-6]}".encode()) is CheckStatus.FAILED


def test_expired_vc_jwt_fails_validity_not_signature() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key_from_public_key(key.public_key())
    credential = _ob3(issuer)
    credential["@context"] = [
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    credential["issuanceDate"] = credential.pop("validFrom")
    credential["expirationDate"] = "2026-02-01T00:00:00Z"
    payload = {
        "iss": issuer,
        "jti": credential["id"],
        "sub": "did:example:learner",
        "nbf": int(datetime(2026, 1, 15, 10, tzinfo=UTC).timestamp()),
        "exp": int(datetime(2026, 2, 1, tzinfo=UTC).timestamp()),
        "vc": credential,
    }
    token = sign_compact_jws(
        {"alg": "EdDSA", "typ": "JWT", "kid": did_key_verification_method_id(key.public_key())},
        json.dumps(payload).encode(),
        key,
    )
    report = verify_file_bytes(token.encode())
    assert report.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    assert report.check("validity").status is CheckStatus.FAILED  # type: ignore[union-attr]
    assert report.status is OverallStatus.FAILED


def test_offline_verification_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def record(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("blocked")

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket.socket, "connect_ex", record)
    # The OB3 vector's key is published on the web; offline it must be skipped, not fetched.
    raw = (VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json").read_bytes()
    report = verify_file_bytes(raw)
    for name in SEALED:
        verify_file_bytes((VECTORS / "edc" / name).read_bytes())
    assert attempts == []
    # A key only online leaves the signature unproven offline: could not be checked.
    assert report.status is OverallStatus.INDETERMINATE
