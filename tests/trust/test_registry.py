"""DCC issuer registries: the bundled DCC Registry and two real published files."""

from __future__ import annotations

import pytest

from tests.trust.conftest import TRUST_ASSETS
from wallet.errors import TrustMaterialError
from wallet.trust.registry import IssuerRegistry, bundled_registries

DCC_MEMBER = "did:key:z6MktL8XGbuYv5f7hwf6hVyJkJWynNtNhcsXFYe9NJzjKHkW"


def test_bundled_dcc_registry() -> None:
    (registry,) = bundled_registries()
    assert registry.name == "DCC Registry"
    assert "digitalcredentials/dcc-registry" in registry.source
    assert registry.updated is not None and registry.updated.year == 2025
    entry = registry.lookup(DCC_MEMBER)
    assert entry is not None
    assert entry.name == "Digital Credentials Consortium"
    assert entry.url == "https://digitalcredentials.mit.edu"
    assert entry.location == "Cambridge, MA, USA"


def test_lookup_accepts_a_did_url_of_the_issuer() -> None:
    (registry,) = bundled_registries()
    entry = registry.lookup(f"{DCC_MEMBER}#{DCC_MEMBER.removeprefix('did:key:')}")
    assert entry is not None and entry.identifier == DCC_MEMBER


def test_lookup_misses_are_none() -> None:
    (registry,) = bundled_registries()
    assert registry.lookup("did:web:example.org") is None
    assert registry.lookup("https://digitalcredentials.mit.edu") is None  # url is no identifier
    assert registry.lookup("not an identifier") is None


def test_community_registry_file() -> None:
    raw = (TRUST_ASSETS / "dcc-community-registry.json").read_bytes()
    registry = IssuerRegistry.from_json(raw, name="DCC Community Registry", source="test")
    assert len(registry.entries) == 5
    entry = registry.lookup("did:web:credentials.myschool.ca")
    assert entry is not None and entry.location == "Ancaster, ON, Canada"


def test_published_file_with_unbalanced_braces_is_refused() -> None:
    # This version of the DCC pilot registry was published with a missing closing brace.
    raw = (TRUST_ASSETS / "dcc-issuer-registry-unbalanced.json").read_bytes()
    with pytest.raises(TrustMaterialError):
        IssuerRegistry.from_json(raw, name="DCC Pilot Registry", source="test")


@pytest.mark.parametrize(
    "raw",
    [
        b'{"meta": {}}',
        b'{"registry": []}',
        b'{"registry": {"https://example.org": {"name": "x"}}}',
        b'{"registry": {"did:key:z6Mk": {"url": "https://example.org"}}}',
        b'{"registry": {"did:key:z6Mk": {"name": "x", "url": 5}}}',
    ],
)
def test_entries_not_in_the_format_are_refused(raw: bytes) -> None:
    with pytest.raises(TrustMaterialError):
        IssuerRegistry.from_json(raw, name="x", source="test")
