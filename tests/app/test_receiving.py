"""Receive use cases against an issuer on 127.0.0.1 whose answers the test writes: the offer is
previewed, the wallet's holder keys and trust are read before the issuer is asked, deferred
credentials are collected, and only what verified is stored."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.app.scripted_offers import proof_kid, serve_offer
from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from tests.robustness.corpus import Signers, signers, vc_jwt_payload
from wallet.app.receiving import (
    collect_deferred_until,
    fetch_link,
    is_offer,
    linked_as_received,
    offer_source,
    prepare_receiving,
    preview,
    redeem,
    storable,
    store_received,
)
from wallet.base64url import b64url_decode, b64url_encode
from wallet.issuance.proof_keys import P256_KEY_TYPE
from wallet.net import allow_loopback_http
from wallet.share.holder import HolderProfiles
from wallet.store.repository import CredentialRepository
from wallet.trust.user_trust import add_trusted_issuer
from wallet.verify.report import OverallStatus

__all__ = ["scripted_issuer"]
pytestmark = pytest.mark.network


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


@pytest.fixture(scope="module")
def university() -> Signers:
    """The issuer's keys: its credentials are VC-JWTs signed by a did:key."""
    return signers()


def test_an_offer_is_previewed_redeemed_with_the_wallets_key_and_trust_and_stored(
    scripted_issuer: ScriptedIssuer, repository: CredentialRepository, university: Signers
) -> None:
    # GIVEN an offer from a university the learner trusts
    credential = university.vc_jwt(vc_jwt_payload(university.ed_did))
    offer_text = serve_offer(scripted_issuer, credential)
    add_trusted_issuer(repository, university.ed_did)
    assert is_offer(offer_text)
    # WHEN the offer is previewed
    offer = preview(offer_text, language="cs")
    # THEN the learner sees who offers what, and nothing was asked of the issuer on their behalf
    assert (offer.issuer_name, [c.name for c in offer.credentials]) == (
        "Masarykova univerzita", ["Základy kryptografie"])
    assert scripted_issuer.sent("/token") == []
    # WHEN the wallet's keys and trust are read and the offer is redeemed
    setup = prepare_receiving(repository, offer, online=False)
    result = redeem(offer, setup)
    # THEN the proof was made with the learner's own holder key
    holder = HolderProfiles(repository).default()
    assert proof_kid(scripted_issuer).startswith(holder.did)
    # AND the credential is verified with the wallet's trust, and stored as received
    (item,) = result.received
    assert item.report is not None and item.report.status is OverallStatus.VERIFIED
    assert storable(item) and result.pending == ()
    (outcome,) = store_received(repository, result.received, source=offer_source(offer))
    assert outcome.status == "imported" and outcome.id is not None
    stored = repository.get(outcome.id)
    assert (stored.raw, stored.source) == (credential, "openid4vci:127.0.0.1")


def test_a_p256_key_is_made_before_the_issuer_is_asked_and_only_once(
    scripted_issuer: ScriptedIssuer, repository: CredentialRepository, university: Signers
) -> None:
    # GIVEN an issuer that accepts only ES256 proofs with a bare key
    offer = preview(serve_offer(scripted_issuer, university.vc_jwt(
        vc_jwt_payload(university.ed_did)), alg="ES256"), language="en")
    assert all(k.key_type != P256_KEY_TYPE for k in repository.holder_keys())
    # WHEN the wallet prepares to receive, twice
    first = prepare_receiving(repository, offer, online=False)
    second = prepare_receiving(repository, offer, online=False)
    # THEN one P-256 key was made in the wallet, before any request for a token
    assert [k.key_type for k in repository.holder_keys()].count(P256_KEY_TYPE) == 1
    assert scripted_issuer.sent("/token") == []
    assert first.key("ES256", "jwk").private_key.private_numbers() == (
        second.key("ES256", "jwk").private_key.private_numbers())  # type: ignore[union-attr]


def test_what_failed_or_could_not_be_read_is_not_stored(
    scripted_issuer: ScriptedIssuer, repository: CredentialRepository, university: Signers
) -> None:
    # GIVEN an issuer that hands out a credential altered after signing, then a non-credential
    header, payload, signature = university.vc_jwt(vc_jwt_payload(university.ed_did)).split(b".")
    claims = json.loads(b64url_decode(payload.decode("ascii"), what="test"))
    claims["sub"] = "did:example:someone-else"
    altered = b".".join([header, b64url_encode(json.dumps(claims).encode()).encode("ascii"),
                         signature])
    offer = preview(serve_offer(scripted_issuer, altered), language="en")
    setup = prepare_receiving(repository, offer, online=False)
    (failed,) = redeem(offer, setup).received
    scripted_issuer.answer("POST", "/credential", 200, {"credentials": [{"credential": "hi"}]})
    (unreadable,) = redeem(offer, setup).received
    # THEN neither is storable; storing them keeps nothing and names the unreadable one
    assert failed.report is not None and failed.report.status is OverallStatus.FAILED
    assert not storable(failed) and not storable(unreadable)
    outcomes = store_received(repository, [failed, unreadable], source="test")
    assert [o.status for o in outcomes] == ["error"] and outcomes[0].error == unreadable.error
    assert repository.count() == 0


def test_deferred_credentials_are_collected_at_the_pace_the_issuer_asks(
    scripted_issuer: ScriptedIssuer, repository: CredentialRepository, university: Signers
) -> None:
    # GIVEN an issuer that issues the credential later, asking to be asked again in 2 s
    credential = university.vc_jwt(vc_jwt_payload(university.ed_did))
    offer = preview(serve_offer(scripted_issuer, credential,
                                deferred_credential_endpoint=f"{scripted_issuer.base}/deferred"),
                    language="en")
    scripted_issuer.answer("POST", "/credential", 202, {"transaction_id": "tx-7", "interval": 2})
    later = iter([(202, {"interval": 2}),
                  (200, {"credentials": [{"credential": credential.decode("ascii")}]})])
    scripted_issuer.on("POST", "/deferred", lambda _request: next(later))
    setup = prepare_receiving(repository, offer, online=False)
    result = redeem(offer, setup)
    assert result.received == () and len(result.pending) == 1
    # WHEN the wallet waits up to 10 s (a clock the test moves)
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    done = collect_deferred_until(result.pending, setup, seconds=10, sleep=sleep,
                                  clock=lambda: now[0])
    # THEN it asked twice, 2 s apart, and received the credential
    assert slept == [2, 2]
    assert [item.raw for item in done.received] == [credential] and done.pending == ()
    # AND with no time to wait, what is pending stays pending
    assert collect_deferred_until(result.pending, setup, seconds=0).pending == result.pending


def test_a_link_to_a_credential_is_fetched_and_verified(
    scripted_issuer: ScriptedIssuer, repository: CredentialRepository, university: Signers
) -> None:
    credential = university.vc_jwt(vc_jwt_payload(university.ed_did))
    scripted_issuer.answer("GET", "/badge.jwt", 200, credential)
    url = f"{scripted_issuer.base}/badge.jwt"
    assert not is_offer(url)
    linked = fetch_link(url, prepare_receiving(repository, None, online=False))
    item = linked_as_received(linked)
    assert item.raw == credential and storable(item)
    assert item.report is not None and item.report.status is OverallStatus.PARTIALLY_VERIFIED
