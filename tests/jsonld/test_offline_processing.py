"""Every vector expands and canonicalizes offline with the bundled contexts; nothing else."""

from __future__ import annotations

import copy
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.jsonld.conftest import EDC_VECTORS, jsonld_vectors, load
from wallet.errors import ContextNotAvailable, MalformedCredential
from wallet.jsonld import canonicalize, canonicalize_checked, expand, processing


@pytest.fixture
def connection_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any connect() at all, even to loopback, is recorded and refused."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise AssertionError(f"JSON-LD processing tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert attempts == []


@pytest.mark.parametrize("path", jsonld_vectors(), ids=lambda p: p.name)
def test_vector_expands_and_canonicalizes_offline(
    path: Path, connection_attempts: list[Any]
) -> None:
    document = load(path)
    untouched = copy.deepcopy(document)
    # WHEN the vector is expanded and canonicalized with the bundled contexts only
    expanded = expand(document)
    result = canonicalize_checked(document)
    # THEN JSON-LD understood every term, the N-Quads are canonical, the input is unchanged
    assert expanded
    assert result.dropped_terms == ()
    lines = result.nquads.splitlines()
    assert lines == sorted(lines)
    assert all(line.endswith(" .") for line in lines)
    assert document == untouched
    assert connection_attempts == []


def test_canonical_form_holds_the_issuer_statement() -> None:
    document = load(jsonld_vectors()[0].parent / "eddsa-rdfc-2022-signedDataInt.json")
    del document["proof"]
    nquads = canonicalize(document)
    assert (
        "<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> "
        "<https://www.w3.org/2018/credentials#issuer> <https://vc.example/issuers/5678> .\n"
    ) in nquads


def test_edc_credential_canonicalizes_offline(connection_attempts: list[Any]) -> None:
    document = load(EDC_VECTORS / "elm-v3.2-credential-sample-minimal.jsonld")
    assert canonicalize_checked(document).dropped_terms == ()


def test_unknown_context_raises_context_not_available(connection_attempts: list[Any]) -> None:
    # GIVEN a credential citing a context Kredo does not bundle
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://example.invalid/ctx/v9"],
        "type": ["VerifiableCredential"],
    }
    # THEN processing stops with the typed error naming that URL, and nothing is fetched
    with pytest.raises(ContextNotAvailable, match=re.escape("https://example.invalid/ctx/v9")):
        canonicalize(document)
    with pytest.raises(ContextNotAvailable):
        expand(document)
    assert connection_attempts == []


def test_undefined_terms_are_reported_not_hidden() -> None:
    # GIVEN a VC 1.1 document (no @vocab) with a property no context defines
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "id": "urn:example:1",
        "type": ["VerifiableCredential"],
        "favouriteColour": "green",
    }
    result = canonicalize_checked(document)
    assert "favouriteColour" in result.dropped_terms
    assert "green" not in result.nquads


def test_broken_json_ld_raises_malformed_credential() -> None:
    with pytest.raises(MalformedCredential):
        canonicalize({"@context": 42, "name": "x"})


def test_processed_contexts_are_cached_across_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN the OB 3.0 vector canonicalized once
    document = load(jsonld_vectors()[0].parent / "1edtech-obv3-ldp-signed-credential.json")
    first = canonicalize(document)

    # WHEN the loader becomes unusable
    def no_more_loading(url: str, options: Any = None) -> Any:
        raise AssertionError(f"context {url} loaded again instead of coming from the cache")

    monkeypatch.setattr(processing, "offline_document_loader", no_more_loading)
    # THEN a second credential with the same contexts still canonicalizes: nothing is reloaded
    other = copy.deepcopy(document)
    other["name"] = "Another badge"
    assert canonicalize(other) != first
