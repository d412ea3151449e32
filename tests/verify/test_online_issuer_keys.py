"""Keys that are only online: JWT VC Issuer Metadata (IETF SD-JWT VC) and the EBSI DID
Registry, asked only when the person allowed going online; a local server plays the issuer."""

from __future__ import annotations

import base64
import json
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from tests.net.local_server import LocalServer, local_server
from wallet.crypto.jwk import jwk_from_public_key
from wallet.did.did_ebsi import DEFAULT_CACHE as EBSI_CACHE
from wallet.net import allow_loopback_http
from wallet.verify.engine import verify_file_bytes
from wallet.verify.jwt_issuer_metadata import DEFAULT_CACHE as METADATA_CACHE
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckStatus, OverallStatus, VerificationReport

__all__ = ["local_server"]

CLOCK = datetime(2026, 12, 1, tzinfo=UTC)
EBSI_DOCUMENT = Path(__file__).resolve().parents[1] / "assets" / "did" / (
    "ebsi-registry-did-document-z25gUx2D5Ujb6eZcmQEnertx.json"
)
EBSI_DID = "did:ebsi:zvHWX359A3CvfJnCYaAiAde"
REGISTRY_PATH = "/did-registry/v5/identifiers"


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    # Each test starts a new "session": nothing fetched by another test is remembered.
    METADATA_CACHE.clear()
    EBSI_CACHE.clear()


def _b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _sd_jwt_vc(key: ec.EllipticCurvePrivateKey, iss: str, kid: str, alg: str = "ES256") -> bytes:
    """An SD-JWT VC (ES256 or ES256K, typ dc+sd-jwt) signed by ``key``, with one disclosed
    claim."""
    disclosure = _b64(["2GLC42sKQveCfGfryNRN9w", "given_name", "Jana"])
    digest = hashes.Hash(hashes.SHA256())
    digest.update(disclosure.encode())
    sd = base64.urlsafe_b64encode(digest.finalize()).rstrip(b"=").decode()
    header = {"alg": alg, "typ": "dc+sd-jwt", "kid": kid}
    payload = {"iss": iss, "vct": "urn:eu.europa.ec.eudi:learning:credential:1",
               "iat": 1764547200, "_sd": [sd], "_sd_alg": "sha-256"}
    signing_input = f"{_b64(header)}.{_b64(payload)}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    signature = base64.urlsafe_b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    return f"{signing_input}.{signature.rstrip(b'=').decode()}~{disclosure}~".encode()


def _publish_metadata(
    server: LocalServer, key: ec.EllipticCurvePrivateKey, *, issuer: str | None = None,
    by_uri: bool = False,
) -> str:
    """The issuer https://host/issuers/uni (here http on 127.0.0.1) and its metadata."""
    iss = server.url("/issuers/uni")
    jwks = {"keys": [{**jwk_from_public_key(key.public_key()), "kid": "key-1"}]}
    metadata: dict[str, Any] = {"issuer": issuer or iss}
    if by_uri:
        metadata["jwks_uri"] = server.serve("/jwks.json", json.dumps(jwks).encode())
    else:
        metadata["jwks"] = jwks
    server.serve("/.well-known/jwt-vc-issuer/issuers/uni", json.dumps(metadata).encode(),
                 headers={"Content-Type": "application/json"})
    return iss


def _verify(raw: bytes, *, online: bool, **options: Any) -> VerificationReport:
    with allow_loopback_http():
        return verify_file_bytes(raw, options=VerifyOptions(online=online, now=CLOCK, **options))


def _signature(report: VerificationReport) -> Any:
    check = report.check("signature")
    assert check is not None
    return check


@pytest.mark.parametrize("by_uri", [False, True], ids=["jwks", "jwks_uri"])
def test_the_key_in_the_issuers_metadata_verifies_online(
    local_server: LocalServer, by_uri: bool
) -> None:
    # GIVEN an SD-JWT VC whose issuer publishes its key in JWT VC Issuer Metadata
    key = ec.generate_private_key(ec.SECP256R1())
    iss = _publish_metadata(local_server, key, by_uri=by_uri)
    raw = _sd_jwt_vc(key, iss, "key-1")
    # WHEN it is verified online
    report = _verify(raw, online=True)
    # THEN the metadata was asked at the well-known address inserted before the path, the
    # signature is proven with the published key, and the check says it went online
    signature = _signature(report)
    assert signature.status is CheckStatus.OK, signature.message
    assert signature.mode is CheckMode.NETWORK
    asked = [r[0] for r in local_server.requests]
    assert asked[0] == "/.well-known/jwt-vc-issuer/issuers/uni"
    assert asked == (["/.well-known/jwt-vc-issuer/issuers/uni", "/jwks.json"] if by_uri
                     else ["/.well-known/jwt-vc-issuer/issuers/uni"])
    assert report.status is OverallStatus.PARTIALLY_VERIFIED  # the issuer is on no list


def test_a_second_verification_in_the_session_uses_what_was_fetched(
    local_server: LocalServer,
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    raw = _sd_jwt_vc(key, _publish_metadata(local_server, key), "key-1")
    _verify(raw, online=True)
    # WHEN the same file is verified again in the same session
    again = _signature(_verify(raw, online=True))
    # THEN nothing is fetched again, and the check says its key came from the cache
    assert again.status is CheckStatus.OK and again.mode is CheckMode.CACHE
    assert len(local_server.requests) == 1


def test_a_forged_token_is_failed_with_the_published_key(
    local_server: LocalServer,
) -> None:
    # GIVEN a token signed by another key than the one the issuer publishes
    published = ec.generate_private_key(ec.SECP256R1())
    iss = _publish_metadata(local_server, published)
    raw = _sd_jwt_vc(ec.generate_private_key(ec.SECP256R1()), iss, "key-1")
    # THEN with the issuer's real key in hand, the signature is proven wrong
    assert _signature(_verify(raw, online=True)).status is CheckStatus.FAILED


def test_metadata_about_another_issuer_is_not_used(local_server: LocalServer) -> None:
    # GIVEN metadata whose issuer is not the token's iss (the draft: "MUST NOT be used")
    key = ec.generate_private_key(ec.SECP256R1())
    iss = _publish_metadata(local_server, key, issuer="https://other.example/issuers/uni")
    report = _verify(_sd_jwt_vc(key, iss, "key-1"), online=True)
    # THEN no key is had, so the signature could not be checked: the mismatch proves
    # something wrong about the issuer's web site, not that this credential was altered
    signature = _signature(report)
    assert signature.status is CheckStatus.SKIPPED
    assert "another issuer" in signature.message
    assert report.status is OverallStatus.INDETERMINATE


def test_an_issuer_whose_server_is_down_could_not_be_checked() -> None:
    # GIVEN an issuer on a port where nothing listens
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    iss = f"http://127.0.0.1:{port}/issuers/uni"
    raw = _sd_jwt_vc(ec.generate_private_key(ec.SECP256R1()), iss, "key-1")
    # WHEN verified online
    report = _verify(raw, online=True)
    # THEN it could not be checked, and the check says it tried online
    signature = _signature(report)
    assert signature.status is CheckStatus.SKIPPED and signature.mode is CheckMode.NETWORK
    assert report.status is OverallStatus.INDETERMINATE


def test_offline_nothing_is_asked_and_the_sentence_says_where_the_key_is(
    local_server: LocalServer,
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    iss = _publish_metadata(local_server, key)
    report = _verify(_sd_jwt_vc(key, iss, "key-1"), online=False)
    signature = _signature(report)
    assert signature.status is CheckStatus.SKIPPED
    assert local_server.url("/.well-known/jwt-vc-issuer/issuers/uni") in signature.message
    assert report.status is OverallStatus.INDETERMINATE
    assert local_server.requests == []


def _publish_ebsi(server: LocalServer, key: ec.EllipticCurvePrivateKey) -> str:
    """A registry entry shaped like EBSI's (JsonWebKey2020, assertionMethod) for a new key."""
    method = f"{EBSI_DID}#key-1"
    document = {
        "@context": ["https://www.w3.org/ns/did/v1",
                     "https://w3id.org/security/suites/jws-2020/v1"],
        "id": EBSI_DID,
        "controller": [EBSI_DID],
        "verificationMethod": [{"id": method, "type": "JsonWebKey2020", "controller": EBSI_DID,
                                "publicKeyJwk": jwk_from_public_key(key.public_key())}],
        "assertionMethod": [method],
    }
    server.serve(f"{REGISTRY_PATH}/{EBSI_DID}", json.dumps(document).encode(),
                 headers={"Content-Type": "application/did+ld+json"})
    return server.url(REGISTRY_PATH)


def test_a_did_ebsi_key_is_looked_up_in_the_registry_online(
    local_server: LocalServer,
) -> None:
    # GIVEN an SD-JWT VC by a did:ebsi issuer, and the registry (here local) that knows it
    key = ec.generate_private_key(ec.SECP256R1())
    registry = _publish_ebsi(local_server, key)
    raw = _sd_jwt_vc(key, EBSI_DID, f"{EBSI_DID}#key-1")
    # WHEN verified offline, THEN the registry is not asked and it could not be checked
    offline = _verify(raw, online=False, ebsi_registry=registry)
    assert _signature(offline).status is CheckStatus.SKIPPED
    assert "EBSI DID registry" in _signature(offline).message
    assert offline.status is OverallStatus.INDETERMINATE
    assert local_server.requests == []
    # WHEN verified online, THEN the registry's document gives the key and the signature holds
    online = _verify(raw, online=True, ebsi_registry=registry)
    assert _signature(online).status is CheckStatus.OK, _signature(online).message
    assert _signature(online).mode is CheckMode.NETWORK
    assert [r[0] for r in local_server.requests] == [f"{REGISTRY_PATH}/{EBSI_DID}"]


def test_a_did_ebsi_secp256k1_key_verifies_es256k_online(local_server: LocalServer) -> None:
    # GIVEN an SD-JWT VC signed ES256K (RFC 8812) by a did:ebsi issuer whose registry entry
    # holds a secp256k1 JsonWebKey2020, as older EBSI issuers have
    key = ec.generate_private_key(ec.SECP256K1())
    registry = _publish_ebsi(local_server, key)
    raw = _sd_jwt_vc(key, EBSI_DID, f"{EBSI_DID}#key-1", alg="ES256K")
    # WHEN verified online
    report = _verify(raw, online=True, ebsi_registry=registry)
    # THEN the registry's key is read and the signature holds
    assert _signature(report).status is CheckStatus.OK, _signature(report).message
    assert _signature(report).mode is CheckMode.NETWORK


def test_a_token_naming_a_real_ebsi_secp256k1_key_but_signed_by_another_fails(
    local_server: LocalServer,
) -> None:
    # GIVEN a token naming the key of a real EBSI registry document (secp256k1) but signed
    # ES256K by another secp256k1 key
    document = EBSI_DOCUMENT.read_bytes()
    did = json.loads(document)["id"]
    local_server.serve(f"{REGISTRY_PATH}/{did}", document)
    method = json.loads(document)["verificationMethod"][0]["id"]
    raw = _sd_jwt_vc(ec.generate_private_key(ec.SECP256K1()), did, method, alg="ES256K")
    # WHEN verified online
    report = _verify(raw, online=True, ebsi_registry=local_server.url(REGISTRY_PATH))
    # THEN the real key was had and read, and the signature is proven not to be its own
    assert _signature(report).status is CheckStatus.FAILED, _signature(report).message
    assert "does not match" in _signature(report).message
    assert report.status is OverallStatus.FAILED
