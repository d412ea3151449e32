"""A holder named by did:ebsi: its key is looked up in the EBSI DID registry only online, for
presentations signed as a JWT and as a Data Integrity proof alike; a local server plays the
registry."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.net.local_server import LocalServer, local_server
from tests.share.presentation_credentials import VC1, VC2, Issuer
from wallet.crypto.data_integrity import sign
from wallet.crypto.jwk import jwk_from_public_key
from wallet.crypto.jws import sign_compact_jws
from wallet.did.did_ebsi import DEFAULT_CACHE as EBSI_CACHE
from wallet.net import allow_loopback_http
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckResult, CheckStatus

__all__ = ["local_server"]

HOLDER = "did:ebsi:zvHWX359A3CvfJnCYaAiAde"
HOLDER_METHOD = f"{HOLDER}#key-1"
REGISTRY_PATH = "/did-registry/v5/identifiers"
NONCE, AUDIENCE = "n-0S6_WzA2Mj", "https://employer.example.cz"
ISSUER = Issuer(holder=HOLDER)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    EBSI_CACHE.clear()


def _publish_holder(server: LocalServer, key: ec.EllipticCurvePrivateKey) -> str:
    """The registry entry of the holder's DID, its key authorised for authentication."""
    document = {
        "@context": ["https://www.w3.org/ns/did/v1",
                     "https://w3id.org/security/suites/jws-2020/v1"],
        "id": HOLDER,
        "controller": [HOLDER],
        "verificationMethod": [{"id": HOLDER_METHOD, "type": "JsonWebKey2020",
                                "controller": HOLDER,
                                "publicKeyJwk": jwk_from_public_key(key.public_key())}],
        "authentication": [HOLDER_METHOD],
    }
    server.serve(f"{REGISTRY_PATH}/{HOLDER}", json.dumps(document).encode(),
                 headers={"Content-Type": "application/did+ld+json"})
    return server.url(REGISTRY_PATH)


def _vp_jwt(key: ec.EllipticCurvePrivateKey) -> bytes:
    payload = {
        "iss": HOLDER, "nonce": NONCE, "aud": AUDIENCE, "iat": int(time.time()),
        "vp": {"@context": [VC1], "type": ["VerifiablePresentation"], "holder": HOLDER,
               "verifiableCredential": [ISSUER.vc_jwt().decode()]},
    }
    header = {"typ": "JWT", "kid": HOLDER_METHOD}
    return sign_compact_jws(header, json.dumps(payload).encode(), key).encode()


def _vp_data_integrity(key: ec.EllipticCurvePrivateKey) -> bytes:
    presentation = {"@context": [VC2], "type": ["VerifiablePresentation"], "holder": HOLDER,
                    "verifiableCredential": [ISSUER.ob3()]}
    signed = sign(presentation, private_key=key, verification_method=HOLDER_METHOD,
                  cryptosuite="ecdsa-rdfc-2019", purpose="authentication",
                  challenge=NONCE, domain=AUDIENCE)
    return json.dumps(signed).encode()


def _holder(raw: bytes, *, online: bool, registry: str) -> CheckResult:
    with allow_loopback_http():
        report = verify_file_bytes(raw, options=VerifyOptions(
            online=online, ebsi_registry=registry, challenge=NONCE, domain=AUDIENCE))
    check = report.check("holder")
    assert check is not None
    return check


@pytest.mark.parametrize("build", [_vp_jwt, _vp_data_integrity], ids=["jwt", "data-integrity"])
def test_a_did_ebsi_holder_is_resolved_only_online(
    local_server: LocalServer, build: Any
) -> None:
    # GIVEN a presentation signed by a holder whose did:ebsi the registry (here local) knows
    key = ec.generate_private_key(ec.SECP256R1())
    registry = _publish_holder(local_server, key)
    raw = build(key)
    # WHEN verified offline, THEN the registry is not asked and the holder could not be checked
    offline = _holder(raw, online=False, registry=registry)
    assert offline.status is CheckStatus.SKIPPED, offline.message
    assert "EBSI DID registry" in offline.message
    assert local_server.requests == []
    # WHEN verified online, THEN the registry's key proves the holder signed it
    online = _holder(raw, online=True, registry=registry)
    assert online.status is CheckStatus.OK, online.message
    assert online.mode is CheckMode.NETWORK
    assert [r[0] for r in local_server.requests] == [f"{REGISTRY_PATH}/{HOLDER}"]


@pytest.mark.parametrize("build", [_vp_jwt, _vp_data_integrity], ids=["jwt", "data-integrity"])
def test_a_did_ebsi_holder_signature_by_another_key_fails_online(
    local_server: LocalServer, build: Any
) -> None:
    # GIVEN the registry's key for the holder, and a presentation signed by another key
    registry = _publish_holder(local_server, ec.generate_private_key(ec.SECP256R1()))
    raw = build(ec.generate_private_key(ec.SECP256R1()))
    # WHEN verified online, THEN the holder's signature is proven not to be the holder's
    assert _holder(raw, online=True, registry=registry).status is CheckStatus.FAILED

