"""Presentations received as a JWT (``vp`` claim): the holder check on the token itself."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.share.presentation_credentials import VC1, Issuer
from wallet.crypto.jws import sign_compact_jws
from wallet.did import did_key_from_public_key, did_key_verification_method_id
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()
HOLDER = did_key_from_public_key(HOLDER_KEY.public_key())
ISSUER = Issuer(holder=HOLDER)
NONCE, AUDIENCE = "n-0S6_WzA2Mj", "https://employer.example.cz"


def _vp_jwt(key: ed25519.Ed25519PrivateKey = HOLDER_KEY, **claims: Any) -> bytes:
    payload = {
        "iss": HOLDER,
        "nonce": NONCE,
        "aud": AUDIENCE,
        "iat": int(time.time()),
        "vp": {
            "@context": [VC1],
            "type": ["VerifiablePresentation"],
            "holder": HOLDER,
            "verifiableCredential": [ISSUER.vc_jwt().decode()],
        },
        **claims,
    }
    header = {"typ": "JWT", "kid": did_key_verification_method_id(key.public_key())}
    return sign_compact_jws(header, json.dumps(payload).encode(), key).encode()


def _holder(raw: bytes, **options: Any) -> tuple[CheckStatus, str]:
    report = verify_file_bytes(raw, options=VerifyOptions(**options))
    check = report.check("holder")
    assert check is not None
    return check.status, check.message


def test_vp_jwt_for_this_verifier_passes_and_its_credential_is_checked() -> None:
    report = verify_file_bytes(
        _vp_jwt(),
        options=VerifyOptions(challenge=NONCE, domain=AUDIENCE,
                              trusted_issuers=frozenset({ISSUER.did})),
    )
    assert report.format == "presentation"
    assert report.checks[0].status is CheckStatus.OK
    assert [r.format for r in report.credentials] == ["vc-jwt"]
    assert report.status is OverallStatus.VERIFIED


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        ({"challenge": "another"}, "challenge"),
        ({"domain": "https://other.example"}, "different verifier"),
    ],
)
def test_vp_jwt_for_another_request_fails(options: dict[str, str], sentence: str) -> None:
    status, message = _holder(_vp_jwt(), **options)
    assert status is CheckStatus.FAILED
    assert sentence in message


def test_vp_jwt_signed_by_someone_else_for_the_holder_fails() -> None:
    status, message = _holder(_vp_jwt(key=ed25519.Ed25519PrivateKey.generate()))
    assert status is CheckStatus.FAILED
    assert "not by its holder" in message


def test_vp_jwt_with_a_changed_payload_fails_its_signature() -> None:
    header, _, signature = _vp_jwt().decode().split(".")
    _, other_payload, _ = _vp_jwt(nonce="changed").decode().split(".")
    status, message = _holder(f"{header}.{other_payload}.{signature}".encode())
    assert status is CheckStatus.FAILED
    assert "signature" in message


def test_expired_vp_jwt_fails() -> None:
    status, message = _holder(_vp_jwt(exp=int(time.time()) - 3600))
    assert status is CheckStatus.FAILED
    assert "expired" in message
