"""The status check through the whole engine: freshly signed credentials whose issuer publishes
a signed status list on a local server, verified with ``verify_credential`` online and offline.

Both W3C methods a Czech issuer may use are covered: Bitstring Status List (VC 2.0) and
StatusList2021 (VC 1.1). The credential's own signature is real too, so a revoked credential
fails *only* at ``status``.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.net.local_server import LocalServer
from tests.status import status_lists
from tests.status.status_lists import (
    DI2,
    NOW,
    SL2021,
    VC1,
    VC2,
    Issuer,
    bitstring,
    bitstring_entry,
    bitstring_list_credential,
    body,
    encoded,
)
from wallet.formats import parse_credential
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckStatus, OverallStatus, VerificationReport

# The status tests' fixtures: a fresh Ed25519 issuer, a local HTTP server, loopback http on.
issuer = status_lists.issuer
local_server = status_lists.local_server
loopback = status_lists.loopback

REVOKED_INDEX = 70_001
GOOD_INDEX = 70_002
ONLINE = VerifyOptions(online=True, now=NOW)
OFFLINE = VerifyOptions(online=False, now=NOW)


@dataclass(frozen=True)
class Method:
    """One status method: how its list and its entries are written."""

    name: str
    status_list: Callable[[Issuer, str, str], dict[str, Any]]
    entry: Callable[[str, int], dict[str, Any]]
    credential_context: list[str]


def _bitstring_list(issuer: Issuer, url: str, encoded_list: str) -> dict[str, Any]:
    return bitstring_list_credential(issuer, url, encoded_list=encoded_list)


def _status_list_2021(issuer: Issuer, url: str, encoded_list: str) -> dict[str, Any]:
    return {
        "@context": [VC1, SL2021, DI2],
        "id": url,
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "issuer": issuer.did,
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": url + "#list",
            "type": "StatusList2021",
            "statusPurpose": "revocation",
            "encodedList": encoded_list,
        },
    }


def _status_list_2021_entry(url: str, index: int) -> dict[str, Any]:
    return {
        "id": f"{url}#{index}",
        "type": "StatusList2021Entry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


BITSTRING = Method("BitstringStatusList", _bitstring_list, bitstring_entry, [VC2])
STATUS_LIST_2021 = Method(
    "StatusList2021", _status_list_2021, _status_list_2021_entry, [VC1, SL2021, DI2]
)
METHODS = [BITSTRING, STATUS_LIST_2021]


def _encoded_revocations(method: Method) -> str:
    # Bitstring Status List writes the list multibase-prefixed ("u"); StatusList2021 did not.
    return encoded(bitstring([REVOKED_INDEX]), multibase=method is BITSTRING)


def _publish(server: LocalServer, issuer: Issuer, method: Method, *, tamper: bool = False) -> str:
    """Sign the issuer's revocation list (one bit set) and serve it; ``tamper`` clears the
    bit *after* signing, as an attacker un-revoking a credential would."""
    path = f"/status/{method.name}"
    url = server.url(path)
    signed = issuer.sign_di(method.status_list(issuer, url, _encoded_revocations(method)))
    if tamper:
        signed["credentialSubject"]["encodedList"] = encoded(
            bitstring([]), multibase=method is BITSTRING
        )
    server.serve(path, body(signed), headers={"Content-Type": "application/vc+ld+json"})
    return url


def _signed_credential(issuer: Issuer, method: Method, url: str, index: int) -> bytes:
    """A micro-credential signed by the issuer (eddsa-rdfc-2022), pointing into its list."""
    document: dict[str, Any] = {
        "@context": method.credential_context,
        "id": f"urn:uuid:5e1f4a1c-0000-4000-8000-{index:012d}",
        "type": ["VerifiableCredential"],
        "issuer": issuer.did,
        "credentialSubject": {"id": "did:example:learner"},
        "credentialStatus": method.entry(url, index),
    }
    if method is BITSTRING:
        document["validFrom"] = "2026-02-01T00:00:00Z"
    else:
        document["issuanceDate"] = "2026-02-01T00:00:00Z"
    return json.dumps(issuer.sign_di(document)).encode()


def _verify(raw: bytes, options: VerifyOptions) -> VerificationReport:
    return verify_credential(parse_credential(raw), options=options)


def _status_check(report: VerificationReport) -> Any:
    status = report.check("status")
    assert status is not None
    return status


pytestmark = [pytest.mark.usefixtures("loopback"), pytest.mark.network]


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
def test_revoked_credential_fails_at_status_only(
    local_server: LocalServer, issuer: Issuer, method: Method
) -> None:
    # GIVEN a genuine credential whose index is set in its issuer's signed revocation list
    url = _publish(local_server, issuer, method)
    raw = _signed_credential(issuer, method, url, REVOKED_INDEX)

    # WHEN it is verified online
    report = _verify(raw, ONLINE)

    # THEN its signature holds, and the status check fails it
    assert report.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    status = _status_check(report)
    assert status.status is CheckStatus.FAILED
    assert status.message == "The issuer has revoked this credential."
    assert status.mode is CheckMode.NETWORK
    assert status.details["entries"][0]["state"] == "revoked"
    assert report.status is OverallStatus.FAILED
    assert [path for path, _ in local_server.requests] == [f"/status/{method.name}"]


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
def test_credential_not_revoked_is_ok_online(
    local_server: LocalServer, issuer: Issuer, method: Method
) -> None:
    url = _publish(local_server, issuer, method)
    raw = _signed_credential(issuer, method, url, GOOD_INDEX)

    report = _verify(raw, ONLINE)

    status = _status_check(report)
    assert status.status is CheckStatus.OK
    assert status.mode is CheckMode.NETWORK
    assert status.details["entries"][0]["list"] == url
    # Signed by a key nobody vouches for: partially verified, with nothing failed or skipped.
    assert report.status is OverallStatus.PARTIALLY_VERIFIED
    assert {c.status for c in report.checks} <= {CheckStatus.OK, CheckStatus.WARNING}
    # And once the user trusts the issuer, the credential is verified outright.
    trusted = _verify(
        raw, VerifyOptions(online=True, now=NOW, trusted_issuers=frozenset({issuer.did}))
    )
    assert trusted.status is OverallStatus.VERIFIED


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
def test_status_server_down_says_so_and_is_not_ok(issuer: Issuer, method: Method) -> None:
    # GIVEN a list URL on a port where nothing listens any more
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/status/{method.name}"
    raw = _signed_credential(issuer, method, url, GOOD_INDEX)

    report = _verify(raw, ONLINE)

    status = _status_check(report)
    assert status.status is CheckStatus.SKIPPED
    assert status.message.startswith("The issuer's status list could not be fetched. ")
    assert status.mode is CheckMode.NETWORK
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
def test_offline_status_is_skipped_and_nothing_is_fetched(
    local_server: LocalServer, issuer: Issuer, method: Method, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a published list (the credential's own bit is set) and a counter on every socket
    url = _publish(local_server, issuer, method)
    raw = _signed_credential(issuer, method, url, REVOKED_INDEX)
    connections: list[Any] = []
    real_connect = socket.socket.connect

    def counting(self: socket.socket, address: Any) -> None:
        connections.append(address)
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting)

    # WHEN verified with online checks off
    report = _verify(raw, OFFLINE)

    # THEN no connection was opened, and the status is skipped: neither ok nor revoked
    assert connections == [] and local_server.requests == []
    status = _status_check(report)
    assert status.status is CheckStatus.SKIPPED
    assert status.mode is CheckMode.OFFLINE
    assert "needs the issuer's status list online" in status.message
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name)
def test_status_list_with_tampered_signature_fails(
    local_server: LocalServer, issuer: Issuer, method: Method
) -> None:
    # GIVEN the issuer's list with the revoked bit cleared after it was signed
    url = _publish(local_server, issuer, method, tamper=True)
    raw = _signed_credential(issuer, method, url, REVOKED_INDEX)

    report = _verify(raw, ONLINE)

    # THEN the forged list is refused: the credential is not reported as fine
    status = _status_check(report)
    assert status.status is CheckStatus.FAILED
    assert status.message.startswith("The issuer's status list failed its signature check")
    assert report.status is OverallStatus.FAILED


def test_status_list_signed_by_someone_else_is_flagged(
    local_server: LocalServer, issuer: Issuer
) -> None:
    # GIVEN a valid list, but signed and issued by another party than the credential's issuer
    impostor = Issuer(ed25519.Ed25519PrivateKey.generate())
    url = _publish(local_server, impostor, BITSTRING)
    raw = _signed_credential(issuer, BITSTRING, url, GOOD_INDEX)

    report = _verify(raw, ONLINE)

    status = _status_check(report)
    assert status.status is CheckStatus.WARNING
    assert "someone other than the credential's issuer" in status.message
