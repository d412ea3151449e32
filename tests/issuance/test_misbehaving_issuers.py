"""Issuers that answer garbage, too slowly or too much; draft 13 and deferred issuance.

A scripted local server plays the issuer (the Sphereon server cannot misbehave on purpose,
speaks only its own draft, and has no deferred issuance); the credentials it hands out are
real VC-JWTs signed in the test with a fresh P-256 key named by did:jwk.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.issuance.scripted_issuer import ScriptedIssuer, scripted_issuer
from wallet.app.receiving import store_received
from wallet.base64url import b64url_decode
from wallet.crypto.jws import sign_compact_jws
from wallet.did import did_jwk_from_public_key
from wallet.errors import InputTooLarge, IssuanceError, NetworkTimeout
from wallet.issuance import (
    NetworkPolicy,
    collect_deferred,
    preview_offer,
    redeem_offer,
    wallet_key_provider,
)
from wallet.issuance.proof_keys import KeyProvider
from wallet.net import allow_loopback_http
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import init_wallet, open_wallet
from wallet.verify.report import CheckStatus

__all__ = ["scripted_issuer"]
pytestmark = pytest.mark.network
POLICY = NetworkPolicy(allowed=True, timeout=5)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CredentialRepository]:
    home = tmp_path_factory.mktemp("issuance") / "wallet"
    init_wallet(home, passphrase=PASSPHRASE, use_keyring=False)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as opened:
        yield opened.repository


@pytest.fixture
def keys(repository: CredentialRepository) -> KeyProvider:
    return wallet_key_provider(repository)


@pytest.fixture(autouse=True)
def _loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


def signed_vc_jwt(subject: str | None = None) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    did = did_jwk_from_public_key(key.public_key())
    now = int(time.time())
    vc = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "issuer": did,
        "issuanceDate": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "name": "Scripted micro-credential",
        "credentialSubject": {"name": "Jana Nováková"},
    }
    claims: dict[str, Any] = {"iss": did, "nbf": now, "iat": now, "vc": vc}
    if subject:
        claims["sub"] = subject
    header = {"alg": "ES256", "typ": "JWT", "kid": f"{did}#0"}
    return sign_compact_jws(header, json.dumps(claims).encode(), key)


def serve_issuer(issuer: ScriptedIssuer, *, protocol: str = "1.0", **extra: Any) -> str:
    """A well-behaved issuer of one jwt_vc_json kind; returns an offer for it."""
    configuration: dict[str, Any] = {
        "format": "jwt_vc_json",
        "credential_definition": {"type": ["VerifiableCredential", "MicroCredential"]},
        "cryptographic_binding_methods_supported": ["did:key"],
        "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": ["EdDSA"]}},
    }
    metadata: dict[str, Any] = {
        "credential_issuer": issuer.base,
        "credential_endpoint": f"{issuer.base}/credential",
        "credential_configurations_supported": {"Micro": configuration},
        **extra,
    }
    if protocol == "1.0":
        metadata["nonce_endpoint"] = f"{issuer.base}/nonce"
        configuration["credential_metadata"] = {"display": [{"name": "Micro", "locale": "en"}]}
    issuer.answer("GET", "/.well-known/openid-credential-issuer", 200, metadata)
    issuer.answer(
        "GET",
        "/.well-known/oauth-authorization-server",
        200,
        {"issuer": issuer.base, "token_endpoint": f"{issuer.base}/token"},
    )
    issuer.answer(
        "POST", "/token", 200, {"access_token": "t0k3n", "token_type": "Bearer", "c_nonce": "n-1"}
    )
    issuer.answer("POST", "/nonce", 200, {"c_nonce": "n-fresh"})
    issuer.answer("POST", "/credential", 200, {"credentials": [{"credential": signed_vc_jwt()}]})
    offer = {
        "credential_issuer": issuer.base,
        "credential_configuration_ids": ["Micro"],
        "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": {
            "pre-authorized_code": "code-1"}},
    }
    return "openid-credential-offer://?credential_offer=" + quote(json.dumps(offer))


def _proof_claims(jwt: str) -> tuple[dict[str, Any], dict[str, Any]]:
    header, payload, _ = jwt.split(".")
    return (
        json.loads(b64url_decode(header, what="test")),
        json.loads(b64url_decode(payload, what="test")),
    )


# --- well-formed protocol shapes --------------------------------------------------------


def test_one_point_zero_request_uses_the_nonce_endpoint_and_proofs(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    offer = serve_issuer(scripted_issuer)
    result = redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)
    assert result.received[0].report is not None
    (token_request,) = scripted_issuer.sent("/token")
    assert token_request.form() == {
        "grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code",
        "pre-authorized_code": "code-1",
    }
    (request,) = scripted_issuer.sent("/credential")
    assert request.headers["Authorization"] == "Bearer t0k3n"
    body = request.json()
    assert set(body) == {"credential_configuration_id", "proofs"}
    header, claims = _proof_claims(body["proofs"]["jwt"][0])
    assert header["typ"] == "openid4vci-proof+jwt" and header["alg"] == "EdDSA"
    assert header["kid"].startswith("did:key:z6Mk")
    # 1.0: the nonce comes from the nonce endpoint; no iss in the anonymous pre-authorized flow
    assert claims["nonce"] == "n-fresh" and claims["aud"] == scripted_issuer.base
    assert "iss" not in claims and abs(claims["iat"] - time.time()) < 60


def test_draft_13_request_and_a_refused_proof_retried_with_the_new_nonce(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    offer = serve_issuer(scripted_issuer, protocol="draft-13")
    answers = iter([
        (400, {"error": "invalid_proof", "c_nonce": "n-2"}),
        (200, {"credential": signed_vc_jwt(), "c_nonce": "n-3"}),
    ])
    scripted_issuer.on("POST", "/credential", lambda _request: next(answers))
    preview = preview_offer(offer, policy=POLICY)
    assert preview.metadata.protocol == "draft-13"
    result = redeem_offer(preview, keys=keys, policy=POLICY)
    assert len(result.received) == 1
    first, second = scripted_issuer.sent("/credential")
    assert first.json()["format"] == "jwt_vc_json"
    assert first.json()["credential_definition"]["type"][-1] == "MicroCredential"
    assert first.json()["proof"]["proof_type"] == "jwt"
    # draft 13: the token's c_nonce first, then the one the refusal carried
    assert _proof_claims(first.json()["proof"]["jwt"])[1]["nonce"] == "n-1"
    assert _proof_claims(second.json()["proof"]["jwt"])[1]["nonce"] == "n-2"
    assert scripted_issuer.sent("/nonce") == []


def test_token_endpoint_from_issuer_metadata_when_no_authorization_server_metadata(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    offer = serve_issuer(scripted_issuer, token_endpoint=f"{scripted_issuer.base}/token")
    del scripted_issuer.routes[("GET", "/.well-known/oauth-authorization-server")]
    result = redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)
    assert len(result.received) == 1
    # both well-known addresses were asked before falling back
    assert scripted_issuer.sent("/.well-known/openid-configuration")


def test_deferred_credential_is_collected_later(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider, repository: CredentialRepository
) -> None:
    offer = serve_issuer(
        scripted_issuer, deferred_credential_endpoint=f"{scripted_issuer.base}/deferred"
    )
    scripted_issuer.answer("POST", "/credential", 202, {"transaction_id": "tx-7", "interval": 1})
    issued = {"credentials": [{"credential": signed_vc_jwt()}]}
    later = iter([(202, {"interval": 1}), (200, issued)])
    scripted_issuer.on("POST", "/deferred", lambda _request: next(later))
    result = redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)
    assert result.received == () and len(result.pending) == 1
    pending = result.pending[0]
    assert pending.interval == 1
    first = collect_deferred(pending, policy=POLICY)
    assert first.received == () and len(first.pending) == 1
    second = collect_deferred(first.pending[0], policy=POLICY)
    assert len(second.received) == 1 and second.pending == ()
    assert second.received[0].report.check("signature").status is CheckStatus.OK  # type: ignore[union-attr]
    requests = scripted_issuer.sent("/deferred")
    assert [r.json() for r in requests] == [{"transaction_id": "tx-7"}] * 2
    assert all(r.headers["Authorization"] == "Bearer t0k3n" for r in requests)


def test_draft_13_issuance_pending_is_still_pending(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    offer = serve_issuer(
        scripted_issuer, protocol="draft-13",
        deferred_credential_endpoint=f"{scripted_issuer.base}/deferred",
    )
    scripted_issuer.answer("POST", "/credential", 200, {"transaction_id": "tx-8"})
    scripted_issuer.answer("POST", "/deferred", 400, {"error": "issuance_pending"})
    result = redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)
    again = collect_deferred(result.pending[0], policy=POLICY)
    assert again.received == () and again.pending[0].transaction_id == "tx-8"


# --- garbage, slowness, size ------------------------------------------------------------


def test_garbage_metadata_is_a_clear_error(scripted_issuer: ScriptedIssuer) -> None:
    offer = serve_issuer(scripted_issuer)
    scripted_issuer.answer("GET", "/.well-known/openid-credential-issuer", 200, b"<html>oops")
    with pytest.raises(IssuanceError, match=r"127\.0\.0\.1") as raised:
        preview_offer(offer, policy=POLICY)
    assert "not readable JSON" in raised.value.message


@pytest.mark.parametrize(
    ("metadata", "sentence"),
    [
        ([1, 2, 3], "not a JSON object"),
        ({"credential_issuer": "https://evil.example", "credential_endpoint": "x"},
         "different issuer"),
        ({"credential_issuer": "{base}", "credential_endpoint": "{base}/c",
          "credentials_supported": []}, "old draft"),
        ({"credential_issuer": "{base}", "credential_endpoint": "http://example.org/c",
          "credential_configurations_supported": {"A": {"format": "ldp_vc"}}}, "secure"),
        ({"credential_issuer": "{base}", "credential_endpoint": "{base}/c",
          "credential_configurations_supported": {"Other": {"format": "ldp_vc"}}},
         "does not describe"),
    ],
)
def test_malformed_metadata_is_refused(
    scripted_issuer: ScriptedIssuer, metadata: Any, sentence: str
) -> None:
    offer = serve_issuer(scripted_issuer)
    text = json.dumps(metadata).replace("{base}", scripted_issuer.base)
    scripted_issuer.answer("GET", "/.well-known/openid-credential-issuer", 200, text.encode())
    with pytest.raises(IssuanceError, match=sentence):
        preview_offer(offer, policy=POLICY)


def test_slow_issuer_times_out_once(scripted_issuer: ScriptedIssuer) -> None:
    offer = serve_issuer(scripted_issuer)
    scripted_issuer.on(
        "GET", "/.well-known/openid-credential-issuer",
        lambda _request: (scripted_issuer.stall(5), (200, {}))[1],
    )
    started = time.monotonic()
    with pytest.raises(NetworkTimeout, match=r"did not answer within 0\.5 seconds"):
        preview_offer(offer, policy=NetworkPolicy(allowed=True, timeout=0.5))
    # one deadline, and no second address tried after a timeout
    assert time.monotonic() - started < 2.0
    assert len(scripted_issuer.requests) == 1


def test_slow_token_endpoint_times_out(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider
) -> None:
    offer = serve_issuer(scripted_issuer)
    preview = preview_offer(offer, policy=POLICY)
    scripted_issuer.on("POST", "/token", lambda _r: (scripted_issuer.stall(5), (200, {}))[1])
    with pytest.raises(NetworkTimeout):
        redeem_offer(preview, keys=keys, policy=NetworkPolicy(allowed=True, timeout=0.5))


@pytest.mark.parametrize(
    ("status", "answer", "error", "sentence"),
    [
        (200, b"not json at all", IssuanceError, "not readable JSON"),
        (200, {"token_type": "Bearer"}, IssuanceError, "without a token"),
        (200, {"access_token": "x", "token_type": "DPoP"}, IssuanceError, "kind of token"),
        (400, {"error": "invalid_grant"}, IssuanceError, "no longer accepts this offer"),
        (500, b"<html>Internal Server Error</html>", IssuanceError, "refused the token request"),
        (200, b'{"access_token": "' + b"a" * 300_000 + b'"}', InputTooLarge, "more than"),
    ],
)
def test_bad_token_answers(
    scripted_issuer: ScriptedIssuer,
    keys: KeyProvider,
    status: int,
    answer: Any,
    error: type[Exception],
    sentence: str,
) -> None:
    offer = serve_issuer(scripted_issuer)
    preview = preview_offer(offer, policy=POLICY)
    scripted_issuer.answer("POST", "/token", status, answer)
    with pytest.raises(error, match=sentence):
        redeem_offer(preview, keys=keys, policy=POLICY)
    assert scripted_issuer.sent("/credential") == []


@pytest.mark.parametrize(
    ("status", "answer", "sentence"),
    [
        (500, b"<html>boom</html>", "refused to issue"),
        (400, {"error": "credential_request_denied"}, "declined"),
        (400, {"error": "invalid_proof"}, "proof of holding the key"),
        (200, {"credentials": "nope"}, "malformed list"),
        (200, {"c_nonce": "x"}, "without a credential"),
        (200, {"credentials": [{"credential": ""}]}, "empty or malformed"),
    ],
)
def test_bad_credential_answers(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider, status: int, answer: Any, sentence: str
) -> None:
    offer = serve_issuer(scripted_issuer)
    scripted_issuer.answer("POST", "/credential", status, answer)
    with pytest.raises(IssuanceError, match=sentence):
        redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)


def test_a_non_credential_is_reported_and_never_stored(
    scripted_issuer: ScriptedIssuer, keys: KeyProvider, tmp_path: Path
) -> None:
    offer = serve_issuer(scripted_issuer)
    scripted_issuer.answer("POST", "/credential", 200, {"credentials": [{"credential": "hello"}]})
    result = redeem_offer(preview_offer(offer, policy=POLICY), keys=keys, policy=POLICY)
    (item,) = result.received
    assert item.credential is None and item.report is None and item.error
    home = tmp_path / "w"
    init_wallet(home, passphrase=PASSPHRASE, use_keyring=False)
    with open_wallet(home, passphrase_provider=lambda: PASSPHRASE) as opened:
        outcomes = store_received(opened.repository, result.received, source="test")
        assert [o.status for o in outcomes] == ["error"]
        assert opened.repository.count() == 0
