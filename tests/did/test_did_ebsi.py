"""did:ebsi: the EBSI DID Registry (v5) is asked only online; a local server plays the registry."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.net.local_server import LocalServer, local_server
from wallet.did import resolve_verification_method
from wallet.did.did_ebsi import EBSI_REGISTRY, ebsi_document_url, resolve_did_ebsi
from wallet.errors import MalformedCredential, NetworkError, NetworkNotAllowed
from wallet.net import allow_loopback_http

__all__ = ["local_server"]

EBSI_DOCUMENT = (
    Path(__file__).resolve().parents[1]
    / "assets" / "did" / "ebsi-registry-did-document-z25gUx2D5Ujb6eZcmQEnertx.json"
)
DID = "did:ebsi:z25gUx2D5Ujb6eZcmQEnertx"
REGISTRY_PATH = "/did-registry/v5/identifiers"


@pytest.fixture
def loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


def _registry(server: LocalServer, document: bytes) -> str:
    server.serve(f"{REGISTRY_PATH}/{DID}", document,
                 headers={"Content-Type": "application/did+ld+json"})
    return server.url(REGISTRY_PATH)


def test_the_default_registry_is_ebsis_v5_api_and_the_did_goes_at_its_end() -> None:
    assert EBSI_REGISTRY.startswith("https://api-pilot.ebsi.eu/did-registry/v5/identifiers")
    assert ebsi_document_url(DID + "#key-1") == f"{EBSI_REGISTRY}/{DID}"


@pytest.mark.parametrize("did", ["did:ebsi:", "did:ebsi:z1/../x", "did:ebsi:abc", "did:web:x"])
def test_a_broken_did_ebsi_is_refused_before_anything_is_asked(did: str) -> None:
    with pytest.raises(MalformedCredential):
        ebsi_document_url(did)


@pytest.mark.usefixtures("loopback")
def test_a_real_registry_document_is_resolved_and_its_keys_read(local_server: LocalServer) -> None:
    # GIVEN the registry answering with a DID document EBSI published for a legal entity
    registry = _registry(local_server, EBSI_DOCUMENT.read_bytes())
    # WHEN the DID is resolved online
    document = resolve_did_ebsi(DID, allowed=True, registry=registry, cache=None)
    # THEN it is that document, asked for at {registry}/{did}, with its verification method
    assert document == json.loads(EBSI_DOCUMENT.read_text(encoding="utf-8"))
    assert [r[0] for r in local_server.requests] == [f"{REGISTRY_PATH}/{DID}"]
    method_id = document["verificationMethod"][0]["id"]
    # (its secp256k1 JsonWebKey2020, RFC 8812, is read as a key on that curve)
    method = resolve_verification_method(method_id, documents={DID: document})
    assert isinstance(method.public_key, ec.EllipticCurvePublicKey)
    assert method.public_key.curve.name == "secp256k1"
    assert method.type == "JsonWebKey2020"


def test_offline_the_registry_is_not_asked(local_server: LocalServer) -> None:
    registry = _registry(local_server, EBSI_DOCUMENT.read_bytes())
    with allow_loopback_http(), pytest.raises(NetworkNotAllowed):
        resolve_did_ebsi(DID, allowed=False, registry=registry, cache=None)
    assert local_server.requests == []


@pytest.mark.usefixtures("loopback")
def test_a_document_about_another_did_is_refused(local_server: LocalServer) -> None:
    other = json.loads(EBSI_DOCUMENT.read_text(encoding="utf-8"))
    other["id"] = "did:ebsi:zvHWX359A3CvfJnCYaAiAde"
    registry = _registry(local_server, json.dumps(other).encode())
    with pytest.raises(MalformedCredential, match="another identifier"):
        resolve_did_ebsi(DID, allowed=True, registry=registry, cache=None)


@pytest.mark.usefixtures("loopback")
def test_an_unknown_did_is_a_network_error(local_server: LocalServer) -> None:
    # GIVEN a registry that does not know the DID (HTTP 404)
    registry = local_server.url(REGISTRY_PATH)
    # THEN resolution fails as a network error (the key could not be had), not as a bad credential
    with pytest.raises(NetworkError):
        resolve_did_ebsi(DID, allowed=True, registry=registry, cache=None)
