"""Open Badges 2.0 through the engine: an issuer publishes its profile, badge class, hosted
assertions, RSA key and revocation list on a local server; badges are verified against them
only when online, and every way of cheating is caught."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from PIL import Image

from tests.net import local_server as local_server_module
from tests.net.local_server import LocalServer
from wallet.base64url import b64url_encode
from wallet.crypto.jws import sign_compact_jws
from wallet.formats import parse_credential
from wallet.formats.baked import bake_png
from wallet.net import allow_loopback_http
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckStatus, OverallStatus, VerificationReport

local_server = local_server_module.local_server  # the fixture

OB2 = "https://w3id.org/openbadges/v2"
ISSUER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PEM = (
    ISSUER_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)

pytestmark = pytest.mark.network


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


class Issuer:
    """An OB 2.0 issuer on the local server; ``publish`` serves every document it holds."""

    def __init__(self, server: LocalServer, host: str = "127.0.0.1") -> None:
        self.server = server
        self.host = host
        self.profile_url = server.url("/issuer", host)
        self.badge_url = server.url("/badges/python", host)
        self.key_url = server.url("/keys/1", host)
        self.revocations_url = server.url("/revocations", host)
        self.profile: dict[str, Any] = {
            "@context": OB2,
            "type": "Profile",
            "id": self.profile_url,
            "name": "Masarykova univerzita",
            "url": "https://www.muni.cz",
            "email": "badges@muni.example",
            "publicKey": self.key_url,
            "revocationList": self.revocations_url,
        }
        self.badge_class = {
            "@context": OB2,
            "type": "BadgeClass",
            "id": self.badge_url,
            "name": "Python basics",
            "description": "Writes small Python programs.",
            "image": server.url("/badges/python.png", host),
            "criteria": {"narrative": "Pass the final project."},
            "issuer": self.profile_url,
        }
        self.key = {
            "@context": OB2,
            "type": "CryptographicKey",
            "id": self.key_url,
            "owner": self.profile_url,
            "publicKeyPem": PEM,
        }
        self.revoked: list[Any] = []

    def assertion(self, number: int, **overrides: Any) -> dict[str, Any]:
        data = {
            "@context": OB2,
            "type": "Assertion",
            "id": self.server.url(f"/assertions/{number}", self.host),
            "recipient": {"type": "email", "hashed": False, "identity": "jana@example.cz"},
            "badge": self.badge_url,
            "issuedOn": "2026-06-01T10:00:00Z",
            "verification": {"type": "HostedBadge"},
        }
        data.update(overrides)
        return data

    def signed(self, number: int, **overrides: Any) -> bytes:
        data = self.assertion(
            number,
            id=f"urn:uuid:a953ab0e-2f69-4bb0-bd8f-{number:012d}",
            verification={"type": "SignedBadge", "creator": self.key_url},
            **overrides,
        )
        return sign_compact_jws({"alg": "RS256"}, json.dumps(data).encode(), ISSUER_KEY).encode()

    def publish(self, *hosted: dict[str, Any]) -> None:
        documents = [
            self.profile,
            self.badge_class,
            self.key,
            {
                "@context": OB2,
                "type": "RevocationList",
                "id": self.revocations_url,
                "issuer": self.profile_url,
                "revokedAssertions": self.revoked,
            },
            *hosted,
        ]
        for document in documents:
            path = "/" + document["id"].split("/", 3)[3]
            self.server.serve(path, json.dumps(document).encode())


def _verify(raw: bytes, **options: Any) -> VerificationReport:
    return verify_credential(parse_credential(raw), options=VerifyOptions(**options))


def _check(report: VerificationReport, check_id: str) -> Any:
    found = report.check(check_id)
    assert found is not None
    return found


def _paths(server: LocalServer) -> list[str]:
    return [path for path, _ in server.requests]


# --- hosted badges ------------------------------------------------------------------------


def test_hosted_badge_is_checked_only_online(
    local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    issuer = Issuer(local_server)
    badge = issuer.assertion(1)
    issuer.publish(badge)
    raw = json.dumps(badge).encode()
    connections: list[Any] = []
    real_connect = socket.socket.connect

    def counting(self: socket.socket, address: Any) -> None:
        connections.append(address)
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting)

    # Offline: nothing is fetched, and nothing is claimed.
    offline = _verify(raw)
    assert connections == [] and local_server.requests == []
    assert _check(offline, "signature").status is CheckStatus.SKIPPED
    assert "needs going online" in _check(offline, "signature").message
    assert _check(offline, "status").status is CheckStatus.SKIPPED
    # The hosted badge's signature is its hosted copy: not fetched, nothing was proven.
    assert offline.status is OverallStatus.INDETERMINATE

    # Online: the hosted copy, the badge class and the issuer profile are fetched once each.
    online = _verify(raw, online=True)
    signature = _check(online, "signature")
    assert signature.status is CheckStatus.OK
    assert signature.mode is CheckMode.NETWORK
    assert signature.message == (
        f"The badge matches the copy its issuer hosts at 127.0.0.1:{local_server.port}."
    )
    assert _paths(local_server) == ["/assertions/1", "/badges/python", "/issuer"]
    assert online.issuer is not None and online.issuer.name == "Masarykova univerzita"
    assert online.issuer.identifier == issuer.profile_url
    status = _check(online, "status")
    assert (status.status, status.mode) == (CheckStatus.OK, CheckMode.NETWORK)
    # Unknown issuer: partially verified; trusted by the user: verified.
    assert online.status is OverallStatus.PARTIALLY_VERIFIED
    trusted = _verify(raw, online=True, trusted_issuers=frozenset({issuer.profile_url}))
    assert trusted.status is OverallStatus.VERIFIED


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            {"recipient": {"type": "email", "hashed": False, "identity": "eva@example.cz"}},
            "recipient",
        ),
        ({"issuedOn": "2025-01-01T00:00:00Z"}, "issuedOn"),
        ({"badge": "https://elsewhere.example/badges/phd"}, "badge"),
    ],
    ids=["recipient", "date", "badge"],
)
def test_presented_copy_that_differs_from_the_hosted_one_fails(
    local_server: LocalServer, change: dict[str, Any], field: str
) -> None:
    issuer = Issuer(local_server)
    hosted = issuer.assertion(2)
    issuer.publish(hosted)
    presented = {**hosted, **change}

    report = _verify(json.dumps(presented).encode(), online=True)

    signature = _check(report, "signature")
    assert signature.status is CheckStatus.FAILED
    assert signature.message.startswith(
        f"The badge differs from the copy its issuer hosts (in {field})"
    )
    assert report.status is OverallStatus.FAILED


def test_hosted_copy_marked_revoked_fails_at_status(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    presented = issuer.assertion(3)
    issuer.publish({**presented, "revoked": True, "revocationReason": "Awarded in error"})

    report = _verify(json.dumps(presented).encode(), online=True)

    assert _check(report, "signature").status is CheckStatus.OK
    status = _check(report, "status")
    assert status.status is CheckStatus.FAILED
    assert status.message == "The issuer has revoked this badge (Awarded in error)."
    assert report.status is OverallStatus.FAILED


def test_badge_hosted_outside_the_issuers_origin_fails_unless_the_issuer_allows_it(
    local_server: LocalServer,
) -> None:
    # GIVEN an issuer whose profile lives on "localhost" but whose assertion is on 127.0.0.1
    issuer = Issuer(local_server, host="localhost")
    badge = issuer.assertion(4, id=local_server.url("/assertions/4"))
    issuer.publish(badge)

    report = _verify(json.dumps(badge).encode(), online=True)

    signature = _check(report, "signature")
    assert signature.status is CheckStatus.FAILED
    assert "a place its issuer does not name" in signature.message

    # WHEN the issuer names that origin in its verification policy, THEN it holds
    issuer.profile["verification"] = {"type": "VerificationObject", "allowedOrigins": ["127.0.0.1"]}
    issuer.publish(badge)
    allowed = _verify(json.dumps(badge).encode(), online=True)
    assert _check(allowed, "signature").status is CheckStatus.OK


def test_document_that_is_not_the_one_its_url_names_fails(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    badge = issuer.assertion(5)
    issuer.publish(badge)
    # The issuer profile URL answers with a profile claiming to be someone else.
    local_server.serve(
        "/issuer", json.dumps({**issuer.profile, "id": "https://other.example/i"}).encode()
    )

    report = _verify(json.dumps(badge).encode(), online=True)

    signature = _check(report, "signature")
    assert signature.status is CheckStatus.FAILED
    assert signature.message.startswith("The issuer's profile at 127.0.0.1")


def test_unreachable_issuer_leaves_the_badge_unchecked(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    badge = issuer.assertion(6)  # never published: the server answers 404

    report = _verify(json.dumps(badge).encode(), online=True)

    signature = _check(report, "signature")
    assert signature.status is CheckStatus.SKIPPED
    assert signature.mode is CheckMode.NETWORK
    assert "HTTP status 404" in signature.message
    assert _check(report, "status").status is CheckStatus.SKIPPED
    # Unreachable is not forged: could not be checked, never "partially verified".
    assert report.status is OverallStatus.INDETERMINATE


# --- signed badges ------------------------------------------------------------------------


def test_signed_badge_verifies_with_the_hosted_key_only_online(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    issuer.publish()
    token = issuer.signed(10)

    offline = _verify(token)
    assert _check(offline, "signature").status is CheckStatus.SKIPPED
    assert "its issuer's key is published at 127.0.0.1" in _check(offline, "signature").message
    assert local_server.requests == []

    online = _verify(token, online=True)
    signature = _check(online, "signature")
    assert signature.status is CheckStatus.OK
    assert signature.message == "The RS256 signature by the issuer's key is valid."
    assert signature.details["key"] == issuer.key_url
    assert sorted(_paths(local_server)) == ["/badges/python", "/issuer", "/keys/1", "/revocations"]
    assert _check(online, "status").message == (
        "The issuer's revocation list does not list this badge."
    )
    assert online.issuer is not None and online.issuer.identifier == issuer.profile_url


def test_signed_badge_verifies_offline_with_documents_the_user_holds(
    local_server: LocalServer,
) -> None:
    issuer = Issuer(local_server)
    issuer.profile.pop("revocationList")
    documents = {d["id"]: d for d in (issuer.key, issuer.badge_class, issuer.profile)}

    report = _verify(issuer.signed(11), documents=documents)

    signature = _check(report, "signature")
    assert (signature.status, signature.mode) == (CheckStatus.OK, CheckMode.OFFLINE)
    assert _check(report, "status").message == "The badge's issuer publishes no revocation list."
    assert local_server.requests == []


def test_signed_badge_listed_in_the_revocation_list_fails_at_status(
    local_server: LocalServer,
) -> None:
    issuer = Issuer(local_server)
    token = issuer.signed(12)
    issuer.revoked = [
        "urn:uuid:00000000-0000-4000-8000-000000000000",
        {"id": "urn:uuid:a953ab0e-2f69-4bb0-bd8f-000000000012", "revocationReason": "Cheating"},
    ]
    issuer.publish()

    report = _verify(token, online=True)

    assert _check(report, "signature").status is CheckStatus.OK
    status = _check(report, "status")
    assert status.status is CheckStatus.FAILED
    assert status.message == "The issuer has revoked this badge (Cheating)."
    assert report.status is OverallStatus.FAILED


def test_signed_badge_with_an_edited_payload_fails(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    issuer.publish()
    header, _, signature = issuer.signed(13).decode().split(".")
    edited = issuer.assertion(
        13,
        id="urn:uuid:a953ab0e-2f69-4bb0-bd8f-000000000013",
        verification={"type": "SignedBadge", "creator": issuer.key_url},
        recipient={"type": "email", "hashed": False, "identity": "mallory@example.cz"},
    )
    forged = f"{header}.{b64url_encode(json.dumps(edited).encode())}.{signature}".encode()

    report = _verify(forged, online=True)

    assert _check(report, "signature").status is CheckStatus.FAILED
    assert "does not match it" in _check(report, "signature").message
    assert report.status is OverallStatus.FAILED


def test_signed_badge_with_a_key_owned_by_someone_else_fails(local_server: LocalServer) -> None:
    # GIVEN a key document that says it belongs to another issuer
    issuer = Issuer(local_server)
    issuer.key["owner"] = "https://impostor.example/issuer"
    issuer.publish()

    report = _verify(issuer.signed(14), online=True)

    signature = _check(report, "signature")
    assert signature.status is CheckStatus.FAILED
    assert signature.message == (
        "The signing key belongs to https://impostor.example/issuer, "
        f"not to the badge's issuer {issuer.profile_url}."
    )


def test_signed_badge_with_a_key_its_issuer_does_not_list_fails(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    issuer.profile["publicKey"] = [local_server.url("/keys/2")]
    issuer.publish()

    report = _verify(issuer.signed(15), online=True)

    assert _check(report, "signature").message == (
        "The badge's issuer does not list the signing key among its keys."
    )


def test_signed_badge_by_another_rsa_key_fails(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    issuer.publish()
    data = issuer.assertion(
        16,
        id="urn:uuid:a953ab0e-2f69-4bb0-bd8f-000000000016",
        verification={"type": "SignedBadge", "creator": issuer.key_url},
    )
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign_compact_jws({"alg": "RS256"}, json.dumps(data).encode(), other).encode()

    report = _verify(token, online=True)

    assert _check(report, "signature").status is CheckStatus.FAILED


def test_baked_png_with_a_signed_badge_verifies_online(local_server: LocalServer) -> None:
    issuer = Issuer(local_server)
    issuer.publish()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    baked = bake_png(buffer.getvalue(), issuer.signed(17), ob3=False)

    report = _verify(baked, online=True)

    assert _check(report, "signature").status is CheckStatus.OK
    assert _check(report, "status").status is CheckStatus.OK
