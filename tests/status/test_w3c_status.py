"""W3C status lists end to end: a real issuer signs its list, a local server publishes it,
and check_status_entries fetches, verifies and reads it."""

from __future__ import annotations

import base64
import gzip
import socket
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.net.local_server import LocalServer
from tests.status.status_lists import (
    DI2,
    NOW,
    RL2020,
    SL2021,
    VC1,
    Issuer,
    bitstring,
    bitstring_entry,
    bitstring_list_credential,
    body,
    credential_with_status,
    encoded,
)
from wallet.status import StatusMode, StatusState, check_status_entries

pytestmark = pytest.mark.usefixtures("loopback")

REVOKED_INDEX = 94567
GOOD_INDEX = 94568


def publish_revocation_list(server: LocalServer, issuer: Issuer, **kwargs: Any) -> str:
    url = server.url("/status/revocation")
    listed = issuer.sign_di(
        bitstring_list_credential(issuer, url, encoded_list=encoded(bitstring([REVOKED_INDEX])),
                                  **kwargs)
    )
    server.serve("/status/revocation", body(listed))
    return url


def test_revoked_and_not_revoked_entries(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN a signed revocation list with one bit set, and two credentials pointing into it
    url = publish_revocation_list(local_server, issuer)
    revoked = credential_with_status(issuer.did, bitstring_entry(url, REVOKED_INDEX))
    fine = credential_with_status(issuer.did, bitstring_entry(url, GOOD_INDEX))
    # WHEN checked online
    [outcome] = check_status_entries(revoked, online=True, now=NOW)
    [other] = check_status_entries(fine, online=True, now=NOW)
    # THEN the set bit means revoked, its neighbour is fine
    assert (outcome.state, outcome.purpose, outcome.mode) == (
        StatusState.REVOKED, "revocation", StatusMode.NETWORK
    )
    assert outcome.message == "The issuer has revoked this credential."
    assert outcome.list_url == url and outcome.warnings == ()
    assert other.state is StatusState.OK


def test_first_entry_is_the_most_significant_bit(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN only entry 0 set: byte 0 is 0x80 (MSB-first, Bitstring Status List §4)
    url = local_server.url("/status/first")
    bits = bitstring([0])
    assert bits[0] == 0x80
    listed = issuer.sign_di(bitstring_list_credential(issuer, url, encoded_list=encoded(bits)))
    local_server.serve("/status/first", body(listed))
    states = [
        check_status_entries(
            credential_with_status(issuer.did, bitstring_entry(url, index)), online=True, now=NOW
        )[0].state
        for index in (0, 1, 7)
    ]
    assert states == [StatusState.REVOKED, StatusState.OK, StatusState.OK]


def test_one_fetch_per_list_for_many_entries(local_server: LocalServer, issuer: Issuer) -> None:
    url = publish_revocation_list(local_server, issuer)
    document = credential_with_status(
        issuer.did, bitstring_entry(url, REVOKED_INDEX), bitstring_entry(url, GOOD_INDEX)
    )
    outcomes = check_status_entries(document, online=True, now=NOW)
    assert [o.state for o in outcomes] == [StatusState.REVOKED, StatusState.OK]
    assert len(local_server.requests) == 1


def test_suspended(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/suspension")
    listed = issuer.sign_di(
        bitstring_list_credential(
            issuer, url, purpose="suspension", encoded_list=encoded(bitstring([7]))
        )
    )
    local_server.serve("/status/suspension", body(listed))
    document = credential_with_status(issuer.did, bitstring_entry(url, 7, "suspension"))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.SUSPENDED
    assert outcome.message == "The issuer has suspended this credential."


def test_tampered_list_fails_its_signature(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN a signed list whose bits someone cleared after signing (to un-revoke)
    url = local_server.url("/status/tampered")
    listed = issuer.sign_di(
        bitstring_list_credential(issuer, url, encoded_list=encoded(bitstring([REVOKED_INDEX])))
    )
    listed["credentialSubject"]["encodedList"] = encoded(bitstring([]))
    local_server.serve("/status/tampered", body(listed))
    document = credential_with_status(issuer.did, bitstring_entry(url, REVOKED_INDEX))
    # WHEN checked THEN the forged "not revoked" is never believed
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert outcome.message.startswith("The issuer's status list failed its signature check")


def test_unsigned_list_is_refused(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/unsigned")
    unsigned = bitstring_list_credential(issuer, url, encoded_list=encoded(bitstring([])))
    local_server.serve("/status/unsigned", body(unsigned))
    document = credential_with_status(issuer.did, bitstring_entry(url, 1))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "not signed" in outcome.message


def test_wrong_purpose_fails(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN a suspension entry pointing at a revocation list
    url = publish_revocation_list(local_server, issuer)
    document = credential_with_status(issuer.did, bitstring_entry(url, GOOD_INDEX, "suspension"))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert outcome.purpose == "suspension"
    assert "suspension entry, but the issuer's list is for revocation" in outcome.message


def test_index_out_of_range_fails(local_server: LocalServer, issuer: Issuer) -> None:
    url = publish_revocation_list(local_server, issuer)
    document = credential_with_status(issuer.did, bitstring_entry(url, 131_072))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert outcome.message == (
        "The credential's position (131072) lies outside the issuer's status list "
        "of 131072 entries."
    )


def test_list_below_the_minimum_length_fails(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/short")
    listed = issuer.sign_di(
        bitstring_list_credential(issuer, url, encoded_list=encoded(bitstring([], size_bytes=1024)))
    )
    local_server.serve("/status/short", body(listed))
    document = credential_with_status(issuer.did, bitstring_entry(url, 3))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "shorter than the standard's minimum" in outcome.message


def test_gzip_bomb_list_is_capped(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN a correctly signed list whose encodedList inflates to 32 MB (cap: 16 MB)
    url = local_server.url("/status/bomb")
    bomb = base64.urlsafe_b64encode(gzip.compress(bytes(32 * 1024 * 1024), 9)).rstrip(b"=")
    listed = issuer.sign_di(
        bitstring_list_credential(issuer, url, encoded_list="u" + bomb.decode())
    )
    local_server.serve("/status/bomb", body(listed))
    document = credential_with_status(issuer.did, bitstring_entry(url, 3))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "expands beyond 16 MB" in outcome.message


def test_oversize_list_body_fails(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.serve("/status/huge", b" " * (3 * 1024 * 1024))
    document = credential_with_status(issuer.did, bitstring_entry(url, 3))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "more than 2 MB" in outcome.message


def test_slow_server_leaves_status_unknown(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.serve("/status/slow", b"{}", stall_seconds=5)
    document = credential_with_status(issuer.did, bitstring_entry(url, 3))
    [outcome] = check_status_entries(document, online=True, now=NOW, timeout=1.0)
    assert outcome.state is StatusState.UNKNOWN
    assert outcome.message == (
        "The issuer's status list could not be fetched. "
        "The issuer's server did not answer within 1 second."
    )


def test_missing_list_leaves_status_unknown(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/nowhere")
    document = credential_with_status(issuer.did, bitstring_entry(url, 3))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.UNKNOWN
    assert "HTTP status 404" in outcome.message


def test_offline_never_connects_and_never_says_ok(
    local_server: LocalServer, issuer: Issuer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a published list and a connection counter on every socket
    url = publish_revocation_list(local_server, issuer)
    connections: list[Any] = []
    guarded = socket.socket.connect

    def counting(self: socket.socket, address: Any) -> None:
        connections.append(address)
        guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting)
    document = credential_with_status(issuer.did, bitstring_entry(url, GOOD_INDEX))
    # WHEN checked offline
    [outcome] = check_status_entries(document, online=False, now=NOW)
    # THEN nothing connected, and the answer is "unknown", not "ok"
    assert connections == [] and local_server.requests == []
    assert (outcome.state, outcome.mode) == (StatusState.UNKNOWN, StatusMode.OFFLINE)
    assert "needs the issuer's status list online" in outcome.message


def test_expired_list_leaves_status_unknown(local_server: LocalServer, issuer: Issuer) -> None:
    url = publish_revocation_list(local_server, issuer, validUntil="2026-03-01T00:00:00Z")
    document = credential_with_status(issuer.did, bitstring_entry(url, GOOD_INDEX))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.UNKNOWN
    assert "expired on 2026-03-01" in outcome.message


def test_list_by_another_issuer_warns(local_server: LocalServer, issuer: Issuer) -> None:
    url = publish_revocation_list(local_server, issuer)
    document = credential_with_status("did:example:someone-else", bitstring_entry(url, GOOD_INDEX))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.OK
    assert outcome.warnings == (
        "The status list was published by someone other than the credential's issuer.",
    )


def test_status_message_purpose(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN 2-bit entries: entry 5 holds 0b10 (bits 10 and 11 of the list)
    url = local_server.url("/status/message")
    listed = issuer.sign_di(
        bitstring_list_credential(
            issuer, url, purpose="message", encoded_list=encoded(bitstring([10], size_bytes=32768))
        )
    )
    local_server.serve("/status/message", body(listed))
    messages = [
        {"status": "0x0", "message": "valid"},
        {"status": "0x1", "message": "pending review"},
        {"status": "0x2", "message": "under appeal"},
        {"status": "0x3", "message": "withdrawn"},
    ]
    entry = bitstring_entry(url, 5, "message", statusSize=2, statusMessage=messages)
    [outcome] = check_status_entries(
        credential_with_status(issuer.did, entry), online=True, now=NOW
    )
    assert outcome.state is StatusState.OK
    assert outcome.message == "The issuer's status message for this credential: under appeal"


def test_status_list_2021(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/2021")
    listed = issuer.sign_di({
        "@context": [VC1, SL2021, DI2],
        "id": url,
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "issuer": issuer.did,
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": url + "#list", "type": "StatusList2021", "statusPurpose": "revocation",
            "encodedList": encoded(bitstring([42]), multibase=False),
        },
    })
    local_server.serve("/status/2021", body(listed))
    states = []
    for index in (42, 43):
        entry = {"id": f"{url}#{index}", "type": "StatusList2021Entry",
                 "statusPurpose": "revocation", "statusListIndex": str(index),
                 "statusListCredential": url}
        document = credential_with_status(issuer.did, entry)
        states.append(check_status_entries(document, online=True, now=NOW)[0].state)
    assert states == [StatusState.REVOKED, StatusState.OK]


def test_revocation_list_2020(local_server: LocalServer, issuer: Issuer) -> None:
    url = local_server.url("/status/2020")
    listed = issuer.sign_di({
        "@context": [VC1, RL2020, DI2],
        "id": url,
        "type": ["VerifiableCredential", "RevocationList2020Credential"],
        "issuer": issuer.did,
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": url + "#list", "type": "RevocationList2020",
            "encodedList": encoded(bitstring([9]), multibase=False),
        },
    })
    local_server.serve("/status/2020", body(listed))
    entry = {"id": f"{url}#9", "type": "RevocationList2020Status",
             "revocationListIndex": "9", "revocationListCredential": url}
    [outcome] = check_status_entries(
        credential_with_status(issuer.did, entry), online=True, now=NOW
    )
    assert (outcome.state, outcome.purpose) == (StatusState.REVOKED, "revocation")


def test_vc_jwt_status_list(local_server: LocalServer, issuer: Issuer) -> None:
    # GIVEN a Bitstring list published as a VC 2.0 JOSE credential signed with did:jwk
    url = local_server.url("/status/jwt")
    credential = bitstring_list_credential(
        issuer, url, encoded_list=encoded(bitstring([REVOKED_INDEX]))
    )
    credential["issuer"] = issuer.did_jwk
    token = issuer.sign_jwt(
        {"typ": "vc+jwt", "kid": issuer.did_jwk + "#0"}, {**credential, "iss": issuer.did_jwk}
    )
    local_server.serve("/status/jwt", token, headers={"Content-Type": "application/vc+jwt"})
    document = credential_with_status(issuer.did_jwk, bitstring_entry(url, REVOKED_INDEX))
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.REVOKED
    # AND a token re-signed by another key is refused
    forged = Issuer(ed25519.Ed25519PrivateKey.generate()).sign_jwt(
        {"typ": "vc+jwt", "kid": issuer.did_jwk + "#0"}, {**credential, "iss": issuer.did_jwk}
    )
    local_server.serve("/status/jwt", forged, headers={"Content-Type": "application/vc+jwt"})
    [again] = check_status_entries(document, online=True, now=NOW)
    assert again.state is StatusState.FAILED


def test_unknown_method_is_unknown(issuer: Issuer) -> None:
    document = credential_with_status(issuer.did, {"id": "https://x.example/1", "type": "Foo"})
    [outcome] = check_status_entries(document, online=True, now=NOW)
    assert outcome.state is StatusState.UNKNOWN
    assert "'Foo'" in outcome.message
