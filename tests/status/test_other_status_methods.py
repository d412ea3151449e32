"""1EdTech revocation lists, IETF Token Status Lists, and the bit order of both list
families checked against the examples their specifications publish."""

from __future__ import annotations

import base64
import gzip
import json
import zlib

import pytest

from tests.net.local_server import LocalServer
from tests.status.status_lists import NOW, Issuer, body, zlib_list
from wallet.status import StatusState, check_status_entries
from wallet.status.bitstring import read_entry

pytestmark = pytest.mark.usefixtures("loopback")


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_token_status_list_bit_order_matches_the_published_examples() -> None:
    # draft-ietf-oauth-status-list §4.1: 1-bit example "eNrbuRgAAhcBXQ" holds statuses
    # 1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1 (least significant bit first).
    one_bit = zlib.decompress(_b64url("eNrbuRgAAhcBXQ"))
    assert [read_entry(one_bit, i, 1, msb_first=False) for i in range(16)] == [
        1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1
    ]
    # 2-bit example "eNo76fITAAPfAgc": statuses 1,2,0,3, 0,1,0,1, 1,2,3,3.
    two_bit = zlib.decompress(_b64url("eNo76fITAAPfAgc"))
    assert [read_entry(two_bit, i, 2, msb_first=False) for i in range(12)] == [
        1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3
    ]


def test_bitstring_example_list_is_16_kb_of_valid_entries() -> None:
    # Bitstring Status List v1.0, example status list credential: encodedList of an empty list.
    example = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
    bits = gzip.decompress(_b64url(example[1:]))
    assert len(bits) == 16 * 1024
    assert {read_entry(bits, i, 1) for i in (0, 94567, 131_071)} == {0}


def _publish_token_list(
    server: LocalServer, issuer: Issuer, values: bytes, bits: int, **claims: object
) -> str:
    uri = server.url("/statuslists/1")
    payload = {"sub": uri, "iat": 1767225600, "iss": issuer.did_jwk,
               "status_list": {"bits": bits, "lst": zlib_list(values)}, **claims}
    token = issuer.sign_jwt({"typ": "statuslist+jwt", "kid": issuer.did_jwk + "#0"}, payload)
    server.serve("/statuslists/1", token, headers={"Content-Type": "application/statuslist+jwt"})
    return uri


def _sd_jwt_payload(issuer: Issuer, uri: str, idx: int) -> dict[str, object]:
    return {"iss": issuer.did_jwk, "vct": "https://example.org/learning-credential",
            "status": {"status_list": {"idx": idx, "uri": uri}}}


def test_token_status_list_valid_revoked_suspended(
    local_server: LocalServer, issuer: Issuer
) -> None:
    # GIVEN a 2-bit list: entry 0 VALID, 1 INVALID, 2 SUSPENDED, 3 application-specific
    uri = _publish_token_list(local_server, issuer, bytes([0b11_10_01_00]), 2)
    states = [
        check_status_entries(_sd_jwt_payload(issuer, uri, idx), online=True, now=NOW)[0]
        for idx in range(4)
    ]
    assert [o.state for o in states] == [
        StatusState.OK, StatusState.REVOKED, StatusState.SUSPENDED, StatusState.UNKNOWN
    ]
    assert states[1].message == "The issuer has revoked this credential."
    assert len(local_server.requests) == 4
    assert local_server.requests[0][1]["Accept"] == "application/statuslist+jwt"


def test_token_status_list_refuses_forgeries_and_other_lists(
    local_server: LocalServer, issuer: Issuer
) -> None:
    uri = _publish_token_list(local_server, issuer, bytes(4), 1, sub="https://other.example/x")
    [outcome] = check_status_entries(_sd_jwt_payload(issuer, uri, 0), online=True, now=NOW)
    assert (outcome.state, outcome.message) == (
        StatusState.FAILED, "The issuer's status list token is about another list."
    )
    # a token whose payload was changed after signing
    _publish_token_list(local_server, issuer, bytes(4), 1)
    token = local_server.routes["/statuslists/1"].body.decode()
    header, _, signature = token.split(".")
    forged = base64.urlsafe_b64encode(json.dumps({
        "sub": uri, "iat": 1767225600, "iss": issuer.did_jwk,
        "status_list": {"bits": 1, "lst": zlib_list(bytes(4))}, "extra": 1,
    }).encode()).rstrip(b"=").decode()
    local_server.serve("/statuslists/1", f"{header}.{forged}.{signature}".encode())
    [outcome] = check_status_entries(_sd_jwt_payload(issuer, uri, 0), online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "failed its signature check" in outcome.message


def test_token_status_list_index_out_of_range(local_server: LocalServer, issuer: Issuer) -> None:
    uri = _publish_token_list(local_server, issuer, bytes(2), 1)
    [outcome] = check_status_entries(_sd_jwt_payload(issuer, uri, 16), online=True, now=NOW)
    assert outcome.state is StatusState.FAILED
    assert "outside the issuer's status list of 16 entries" in outcome.message


def test_onedtech_revocation_list(local_server: LocalServer) -> None:
    # GIVEN an OB 3.0 issuer's revocation list naming one credential
    url = local_server.serve("/api/revocations/org-1", body({
        "id": "https://example.edu/api/revocations/org-1",
        "issuer": "https://example.edu/issuers/1",
        "revokedCredentials": [{"id": "urn:uuid:revoked", "revocationReason": "issued in error"}],
    }))

    def badge(credential_id: str) -> dict[str, object]:
        return {"id": credential_id, "issuer": {"id": "https://example.edu/issuers/1"},
                "credentialStatus": {"id": url, "type": "1EdTechRevocationList"}}

    [revoked] = check_status_entries(badge("urn:uuid:revoked"), online=True, now=NOW)
    [fine] = check_status_entries(badge("urn:uuid:other"), online=True, now=NOW)
    assert (revoked.state, revoked.purpose) == (StatusState.REVOKED, "revocation")
    assert fine.state is StatusState.OK and "unsigned" in fine.message
    assert revoked.warnings == ()
    # offline: not fetched, not ok
    [offline] = check_status_entries(badge("urn:uuid:other"), online=False, now=NOW)
    assert offline.state is StatusState.UNKNOWN
    assert len(local_server.requests) == 2
