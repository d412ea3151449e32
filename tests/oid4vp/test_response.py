"""Answering a scripted verifier: what goes in the vp_token, encrypted or not, and what the
verifier's replies become."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.issuance.scripted_issuer import ScriptedIssuer
from tests.oid4vp.jwe_reader import decrypt
from tests.oid4vp.wallet_credentials import LEARNING_VCT, Issuer, vc11_jwt
from tests.share.presentation_credentials import credential
from wallet.crypto.jwk import jwk_from_public_key
from wallet.crypto.jws_compact import CompactJws
from wallet.did import did_key_from_public_key
from wallet.errors import PresentationRequestError, VerifierRefused
from wallet.issuance import NetworkPolicy
from wallet.share.oid4vp.matching import HeldCredential, match_request
from wallet.share.oid4vp.request_reader import ReadingContext, read_request
from wallet.share.oid4vp.response import response_fields, send_fields
from wallet.share.oid4vp.vp_token import HolderKeys, build_vp_token

PROFILE = ed25519.Ed25519PrivateKey.generate()
POLICY = NetworkPolicy(allowed=True, timeout=3.0)
QUERY = {"credentials": [
    {"id": "learning", "format": "dc+sd-jwt", "meta": {"vct_values": [LEARNING_VCT]},
     "claims": [{"path": ["given_name"]}]},
    {"id": "vc", "format": "jwt_vc_json"},
]}


def _link(verifier: ScriptedIssuer, **extra: Any) -> str:
    uri = f"{verifier.base}/answer"
    parameters = {"client_id": f"redirect_uri:{uri}", "response_type": "vp_token",
                  "response_mode": "direct_post", "response_uri": uri, "nonce": "nonce-123",
                  "state": "st", "dcql_query": json.dumps(QUERY), **extra}
    return "openid4vp://?" + urlencode(parameters)


def _answer(link: str) -> dict[str, str]:
    request = read_request(link, ReadingContext(POLICY))
    issuer = Issuer(holder=did_key_from_public_key(PROFILE.public_key()))
    held = [HeldCredential(1, credential(issuer.sd_jwt(cnf_key=PROFILE.public_key()))),
            HeldCredential(2, credential(vc11_jwt(issuer)))]
    found = match_request(request.query, held, holder_keys=[PROFILE.public_key()])
    chosen = {q: found.candidates(q)[:1] for q in found.required_options()[0]}
    answer = build_vp_token(chosen, nonce=request.nonce, client_id=request.client_id,
                            keys=HolderKeys(PROFILE))
    fields = response_fields(request, answer.vp_token)
    send_fields(request, fields, POLICY)
    return fields


def test_direct_post_sends_a_bound_sd_jwt_and_a_vp_jwt(scripted_issuer: ScriptedIssuer) -> None:
    # GIVEN a verifier that accepts
    scripted_issuer.answer("POST", "/answer", 200, {"redirect_uri": "https://v.example/done"})
    # WHEN Kredo answers it
    _answer(_link(scripted_issuer))
    # THEN the verifier got both presentations, bound to its nonce and client identifier
    form = scripted_issuer.sent("/answer")[0].form()
    token = json.loads(form["vp_token"])
    assert form["state"] == "st"
    sd_jwt = token["learning"][0]
    kb = json.loads(CompactJws.from_text(sd_jwt.split("~")[-1]).payload)
    assert kb["nonce"] == "nonce-123" and kb["aud"].startswith("redirect_uri:")
    assert len(sd_jwt.split("~")) == 3  # issuer JWT, one disclosure (given_name), KB-JWT
    vp = json.loads(CompactJws.from_text(token["vc"][0]).payload)
    assert vp["nonce"] == "nonce-123" and vp["aud"] == kb["aud"]


@pytest.mark.parametrize("enc", ["A128GCM", "A256GCM"])
def test_direct_post_jwt_encrypts_to_the_verifiers_key(
    scripted_issuer: ScriptedIssuer, enc: str
) -> None:
    # GIVEN a verifier asking for an encrypted answer to its P-256 key
    key = ec.generate_private_key(ec.SECP256R1())
    metadata = {"jwks": {"keys": [{**jwk_from_public_key(key.public_key()), "kid": "k1",
                                   "use": "enc", "alg": "ECDH-ES"}]},
                "encrypted_response_enc_values_supported": [enc]}
    scripted_issuer.answer("POST", "/answer", 200, {})
    # WHEN Kredo answers it
    _answer(_link(scripted_issuer, response_mode="direct_post.jwt",
                  client_metadata=json.dumps(metadata)))
    # THEN only a JWE went, which the verifier's key opens
    form = scripted_issuer.sent("/answer")[0].form()
    assert set(form) == {"response"}
    header, payload = decrypt(form["response"], key)
    assert (header["enc"], header["kid"]) == (enc, "k1")
    assert payload["state"] == "st" and set(payload["vp_token"]) == {"learning", "vc"}


def test_an_encrypted_answer_without_a_key_is_refused_before_sending(
    scripted_issuer: ScriptedIssuer,
) -> None:
    with pytest.raises(PresentationRequestError, match="no key"):
        _answer(_link(scripted_issuer, response_mode="direct_post.jwt"))
    assert scripted_issuer.sent("/answer") == []


def test_the_verifiers_error_becomes_a_sentence(scripted_issuer: ScriptedIssuer) -> None:
    # GIVEN a verifier that finds the answer invalid
    scripted_issuer.answer("POST", "/answer", 400, {"error": "invalid_request",
                                                   "error_description": "nonce mismatch"})
    # WHEN / THEN Kredo says so in a sentence, keeping the verifier's words as details
    with pytest.raises(VerifierRefused, match="did not accept") as caught:
        _answer(_link(scripted_issuer))
    assert "nonce mismatch" in (caught.value.details or "")

