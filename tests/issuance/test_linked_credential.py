"""A credential behind an https link, and Open Badges 2.0 hosted verification."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.net.local_server import LocalServer
from wallet.errors import IssuanceError, NetworkNotAllowed
from wallet.issuance import NetworkPolicy, fetch_linked_credential
from wallet.model import CredentialFormat
from wallet.net import allow_loopback_http

pytestmark = pytest.mark.network
ASSERTION = Path(__file__).parent / "assets" / "ob2-spec-example-hosted-assertion.json"
POLICY = NetworkPolicy(allowed=True, timeout=5)


def _rehomed(url: str, **changes: Any) -> bytes:
    """The specification's example, its ``id`` moved to the local server."""
    document = json.loads(ASSERTION.read_bytes())
    document.update({"id": url, **changes})
    return json.dumps(document, indent=2).encode()


def test_hosted_assertion_served_from_its_own_id_is_confirmed(local_server: LocalServer) -> None:
    url = local_server.url("/beths-robotics-badge.json")
    local_server.serve("/beths-robotics-badge.json", _rehomed(url))
    with allow_loopback_http():
        linked = fetch_linked_credential(url, policy=POLICY)
    assert linked.credential.format is CredentialFormat.OB2
    assert linked.hosted_confirmed is True
    assert linked.raw == _rehomed(url)  # kept exactly as served
    assert len(local_server.requests) == 1


def test_hosted_assertion_copy_is_checked_against_its_home(local_server: LocalServer) -> None:
    home = local_server.url("/home.json")
    local_server.serve("/home.json", _rehomed(home))
    local_server.serve("/copy.json", _rehomed(home))
    local_server.serve("/forged.json", _rehomed(home, issuedOn="2015-01-01T00:00:00Z"))
    with allow_loopback_http():
        copy = fetch_linked_credential(local_server.url("/copy.json"), policy=POLICY)
        forged = fetch_linked_credential(local_server.url("/forged.json"), policy=POLICY)
    assert copy.hosted_confirmed is True
    assert forged.hosted_confirmed is False
    assert "serves a different badge" in (forged.hosted_message or "")


def test_hosted_assertion_whose_home_is_gone(local_server: LocalServer) -> None:
    local_server.serve("/copy.json", _rehomed(local_server.url("/gone.json")))
    with allow_loopback_http():
        linked = fetch_linked_credential(local_server.url("/copy.json"), policy=POLICY)
    assert linked.hosted_confirmed is False
    assert "HTTP status 404" in (linked.hosted_message or "")


def test_a_page_that_is_no_credential(local_server: LocalServer) -> None:
    url = local_server.serve("/page.html", b"<html><body>Hello</body></html>")
    with allow_loopback_http(), pytest.raises(IssuanceError, match="does not lead to a credential"):
        fetch_linked_credential(url, policy=POLICY)


def test_links_need_permission_and_https(local_server: LocalServer) -> None:
    url = local_server.serve("/badge.json", ASSERTION.read_bytes())
    with allow_loopback_http(), pytest.raises(NetworkNotAllowed):
        fetch_linked_credential(url, policy=NetworkPolicy(allowed=False))
    with pytest.raises(IssuanceError, match="secure"):
        fetch_linked_credential("http://example.org/badge.json", policy=POLICY)
    assert local_server.requests == []
