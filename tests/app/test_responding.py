"""Answering a verifier from a real encrypted wallet: read, match, consent, send, log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from tests.share.presentation_credentials import Issuer
from wallet.app.history import history
from wallet.app.importing import import_bytes
from wallet.app.responding import (
    Consent,
    default_consent,
    match_wallet,
    read_verifier_request,
    respond,
)
from wallet.crypto.jws_compact import CompactJws
from wallet.errors import SharingError, VerifierRefused
from wallet.net import allow_loopback_http
from wallet.share.holder import HolderProfiles
from wallet.store.repository import CredentialRepository

__all__ = ["scripted_issuer"]
VCT = "urn:eu.europa.ec.eudi:learning:credential:1"


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


@pytest.fixture
def learner(repository: CredentialRepository) -> CredentialRepository:
    """A wallet holding an SD-JWT VC bound to its default profile's key."""
    profile = HolderProfiles(repository).default()
    issuer = Issuer(holder=profile.did)
    raw = issuer.sd_jwt(cnf_key=profile.signing_key().public_key())
    assert import_bytes(repository, raw, source="test")[0].status == "imported"
    return repository


def _link(verifier: ScriptedIssuer, vct: str = VCT) -> str:
    uri = f"{verifier.base}/answer"
    query = {"credentials": [{"id": "learning", "format": "dc+sd-jwt",
                              "meta": {"vct_values": [vct]},
                              "claims": [{"path": ["given_name"]}, {"path": ["ects"]}]}]}
    return "openid4vp://?" + urlencode({
        "client_id": f"redirect_uri:{uri}", "response_type": "vp_token",
        "response_mode": "direct_post", "response_uri": uri, "nonce": "abc-nonce",
        "dcql_query": json.dumps(query), "client_metadata": json.dumps(
            {"client_name": "Example Employer"})})


def test_the_answer_goes_with_the_claims_asked_and_is_logged(
    learner: CredentialRepository, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier asking for the given name and ECTS of the learning credential
    scripted_issuer.answer("POST", "/answer", 200, {"redirect_uri": "https://v.example/ok"})
    request = read_verifier_request(_link(scripted_issuer), timeout=3)
    match = match_wallet(learner, request)
    # WHEN the learner accepts what is asked
    outcome = respond(learner, request, match, default_consent(match), timeout=3)
    # THEN the verifier got an SD-JWT bound to its nonce, and the follow-up address came back
    token = json.loads(scripted_issuer.sent("/answer")[0].form()["vp_token"])
    key_binding = json.loads(CompactJws.from_text(token["learning"][0].split("~")[-1]).payload)
    assert key_binding["nonce"] == "abc-nonce"
    assert outcome.redirect_uri == "https://v.example/ok"
    # AND the history names the verifier and the claims shared
    (entry,) = history(learner)
    assert entry.form == "openid4vp" and entry.recipient == "Example Employer"
    assert entry.verifier is not None and not entry.verifier.confirmed
    assert entry.credentials[0].claims == ("given_name", "ects")


def test_a_request_for_a_credential_not_held_sends_nothing(
    learner: CredentialRepository, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier asking for a diploma the wallet does not hold
    request = read_verifier_request(_link(scripted_issuer, vct="urn:diploma"), timeout=3)
    match = match_wallet(learner, request)
    # WHEN / THEN accepting is refused with a sentence naming it; nothing went, nothing logged
    with pytest.raises(SharingError, match="urn:diploma"):
        default_consent(match)
    assert scripted_issuer.sent("/answer") == [] and history(learner) == []


def test_an_empty_consent_sends_nothing(
    learner: CredentialRepository, scripted_issuer: ScriptedIssuer,
) -> None:
    request = read_verifier_request(_link(scripted_issuer), timeout=3)
    with pytest.raises(SharingError, match="Nothing was chosen"):
        respond(learner, request, match_wallet(learner, request), Consent({}), timeout=3)
    assert scripted_issuer.sent("/answer") == []


def test_a_refused_answer_is_not_logged(
    learner: CredentialRepository, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier that rejects the answer
    scripted_issuer.answer("POST", "/answer", 400, {"error": "invalid_request"})
    request = read_verifier_request(_link(scripted_issuer), timeout=3)
    match = match_wallet(learner, request)
    # WHEN / THEN the learner reads why, and the history stays empty
    with pytest.raises(VerifierRefused):
        respond(learner, request, match, default_consent(match), timeout=3)
    assert history(learner) == []
