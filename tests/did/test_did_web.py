"""did:web: address mapping per the did:web spec, and resolution from a local server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.net.local_server import LocalServer, local_server
from wallet.crypto.multikey import multikey_from_public_key
from wallet.did import resolve_verification_method
from wallet.did.did_web import DidDocumentCache, did_web_url, resolve_did_web
from wallet.errors import InputTooLarge, MalformedCredential, NetworkError, NetworkNotAllowed
from wallet.net import allow_loopback_http

__all__ = ["local_server"]


@pytest.fixture
def loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


@pytest.mark.parametrize(
    ("did", "url"),
    [
        # The examples of the did:web Method Specification, §3.2 "Read (Resolve)".
        ("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"),
        ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
        ("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"),
        ("did:web:example.com#key-1", "https://example.com/.well-known/did.json"),
    ],
)
def test_did_web_addresses(did: str, url: str) -> None:
    assert did_web_url(did) == url


@pytest.mark.parametrize(
    "did",
    [
        "did:web:",
        "did:web:exa mple.com",
        "did:web:example.com:..:secret",
        "did:web:example.com:%2E%2E",
        "did:web:example.com:a%2Fb",
        "did:web:example.com%3A99999",
        "did:web:user@example.com",
        "did:key:z6Mk",
    ],
)
def test_hostile_or_broken_did_web_is_refused(did: str) -> None:
    with pytest.raises(MalformedCredential):
        did_web_url(did)


def _publish(
    server: LocalServer, path: str
) -> tuple[str, dict[str, object], ed25519.Ed25519PrivateKey]:
    """Publish a fresh issuer's DID document; ``path`` is "" or like "/issuers/x"."""
    key = ed25519.Ed25519PrivateKey.generate()
    did = "did:web:" + quote(f"127.0.0.1:{server.port}", safe="") + path.replace("/", ":")
    document = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [{
            "id": did + "#key-1", "type": "Multikey", "controller": did,
            "publicKeyMultibase": multikey_from_public_key(key.public_key()),
        }],
        "assertionMethod": [did + "#key-1"],
    }
    location = path + "/did.json" if path else "/.well-known/did.json"
    server.serve(
        location, json.dumps(document).encode(), headers={"Content-Type": "application/did+json"}
    )
    return did, document, key


@pytest.mark.usefixtures("loopback")
def test_resolves_from_the_server_and_feeds_the_key_resolver(local_server: LocalServer) -> None:
    # GIVEN an issuer publishing its DID document under a path
    did, document, key = _publish(local_server, "/issuers/uni-brno")
    # WHEN resolved online
    resolved = resolve_did_web(did, allowed=True, cache=None)
    # THEN it is the published document, and the offline key resolver accepts it
    assert resolved == document
    method = resolve_verification_method(did + "#key-1", documents={did: resolved})
    assert method.public_key.public_bytes_raw() == key.public_key().public_bytes_raw()
    assert local_server.requests[0][0] == "/issuers/uni-brno/did.json"


@pytest.mark.usefixtures("loopback")
def test_well_known_location_and_cache(local_server: LocalServer) -> None:
    did, document, _ = _publish(local_server, "")
    clock = [0.0]
    cache = DidDocumentCache(ttl=60, clock=lambda: clock[0])
    assert resolve_did_web(did, allowed=True, cache=cache) == document
    # a second lookup within the expiry is served from memory, even offline
    assert resolve_did_web(did, allowed=False, cache=cache) == document
    assert len(local_server.requests) == 1
    # after the expiry the server is asked again
    clock[0] = 61.0
    assert resolve_did_web(did + "#key-1", allowed=True, cache=cache) == document
    assert len(local_server.requests) == 2


def test_offline_opens_no_connection(local_server: LocalServer) -> None:
    did, _, _ = _publish(local_server, "")
    with allow_loopback_http(), pytest.raises(NetworkNotAllowed):
        resolve_did_web(did, allowed=False, cache=None)
    assert local_server.requests == []


@pytest.mark.usefixtures("loopback")
def test_document_about_another_did_is_refused(local_server: LocalServer) -> None:
    did, document, _ = _publish(local_server, "")
    other = {**document, "id": "did:web:evil.example"}
    local_server.serve("/.well-known/did.json", json.dumps(other).encode())
    with pytest.raises(MalformedCredential, match="another identifier"):
        resolve_did_web(did, allowed=True, cache=None)


@pytest.mark.usefixtures("loopback")
def test_oversize_and_broken_documents(local_server: LocalServer) -> None:
    did, _, _ = _publish(local_server, "")
    local_server.serve("/.well-known/did.json", b"{" + b" " * (300 * 1024) + b"}")
    with pytest.raises(InputTooLarge):
        resolve_did_web(did, allowed=True, cache=None)
    local_server.serve("/.well-known/did.json", b"not json")
    with pytest.raises(NetworkError, match="not valid JSON"):
        resolve_did_web(did, allowed=True, cache=None)


def test_without_the_test_switch_loopback_uses_https() -> None:
    assert did_web_url("did:web:127.0.0.1%3A8443").startswith("https://127.0.0.1:8443/")
