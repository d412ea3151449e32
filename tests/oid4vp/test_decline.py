"""Declining a verifier's request (OpenID4VP 1.0 §8.5): no credential leaves the wallet, and
the verifier is told ``access_denied`` at its response_uri, in the clear or encrypted as the
request asked; "no" at ``kredo respond``'s prompt does the same."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.cli.conftest import Kredo, kredo
from tests.issuance.scripted_issuer import ScriptedIssuer
from tests.oid4vp.jwe_reader import decrypt
from tests.oid4vp.wallet_credentials import LEARNING_VCT, Issuer
from wallet.app.responding import decline, read_verifier_request
from wallet.crypto.jwk import jwk_from_public_key
from wallet.did.did_key import resolve_did_key
from wallet.errors import NetworkError

__all__ = ["kredo"]

QUERY = {"credentials": [{"id": "learning", "format": "dc+sd-jwt",
                          "meta": {"vct_values": [LEARNING_VCT]},
                          "claims": [{"path": ["family_name"]}]}]}


def _link(answer_uri: str, **extra: Any) -> str:
    """An unsigned request by value from a verifier known by its answer address."""
    parameters = {"client_id": f"redirect_uri:{answer_uri}", "response_type": "vp_token",
                  "response_mode": "direct_post", "response_uri": answer_uri,
                  "nonce": "decline-nonce", "state": "decline-state",
                  "dcql_query": json.dumps(QUERY), **extra}
    return "openid4vp://?" + urlencode(parameters)


def test_declining_posts_access_denied_with_the_state_and_no_credential(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier waiting for an answer, which it acknowledges with a page to go on to
    answer_uri = f"{scripted_issuer.base}/answer"
    scripted_issuer.answer("POST", "/answer", 200, {"redirect_uri": "https://v.example/bye"})
    request = read_verifier_request(_link(answer_uri), timeout=5)
    # WHEN the learner declines
    outcome = decline(request, timeout=5)
    # THEN the verifier got access_denied for this state, and no vp_token
    (sent,) = scripted_issuer.sent("/answer")
    form = sent.form()
    assert form["error"] == "access_denied"
    assert form["state"] == "decline-state"
    assert "vp_token" not in form and "response" not in form
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    # AND Kredo knows the verifier took it, and where it says to continue
    assert outcome.acknowledged
    assert outcome.redirect_uri == "https://v.example/bye"


def test_declining_an_encrypted_request_encrypts_the_refusal(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier asking for direct_post.jwt answers to its P-256 key
    key = ec.generate_private_key(ec.SECP256R1())
    metadata = {"jwks": {"keys": [{**jwk_from_public_key(key.public_key()), "kid": "k1",
                                   "use": "enc", "alg": "ECDH-ES"}]},
                "encrypted_response_enc_values_supported": ["A256GCM"]}
    answer_uri = f"{scripted_issuer.base}/answer"
    scripted_issuer.answer("POST", "/answer", 200, {})
    request = read_verifier_request(_link(answer_uri, response_mode="direct_post.jwt",
                                          client_metadata=json.dumps(metadata)), timeout=5)
    # WHEN the learner declines
    decline(request, timeout=5)
    # THEN the one form field is a JWE the verifier decrypts to access_denied and the state
    form = scripted_issuer.sent("/answer")[0].form()
    assert set(form) == {"response"}
    header, payload = decrypt(form["response"], key)
    assert header["enc"] == "A256GCM"
    assert payload["error"] == "access_denied"
    assert payload["state"] == "decline-state"
    assert "vp_token" not in payload


def test_a_verifier_that_rejects_the_refusal_was_still_told(
    scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier answering every post with an OAuth error
    answer_uri = f"{scripted_issuer.base}/answer"
    scripted_issuer.answer("POST", "/answer", 400, {"error": "invalid_request"})
    request = read_verifier_request(_link(answer_uri), timeout=5)
    # WHEN the learner declines THEN nothing is raised, and the outcome says it was not taken
    outcome = decline(request, timeout=5)
    assert not outcome.acknowledged
    assert outcome.redirect_uri is None
    assert scripted_issuer.sent("/answer")[0].form()["error"] == "access_denied"


def test_an_unreachable_verifier_is_a_sentence_saying_nothing_was_shared() -> None:
    # GIVEN a verifier whose server has gone away
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = read_verifier_request(_link(f"http://127.0.0.1:{port}/answer"), timeout=5)
    # WHEN the learner declines THEN Kredo says the verifier could not be told
    with pytest.raises(NetworkError) as raised:
        decline(request, timeout=2)
    assert "Nothing was shared" in raised.value.message
    assert "127.0.0.1" in raised.value.message


class _Terminal(io.StringIO):
    """What the learner types at a terminal."""

    def isatty(self) -> bool:
        return True


def test_no_at_the_cli_prompt_tells_the_verifier_and_shares_nothing(
    kredo: Kredo, tmp_path: Path, scripted_issuer: ScriptedIssuer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIVEN a wallet holding what the verifier asks for
    assert kredo("init", "--passphrase").code == 0
    profiles: Any = kredo("holder", "list", "--json").json()
    did = profiles[0]["did"]
    key = resolve_did_key(did).public_key
    assert isinstance(key, ed25519.Ed25519PublicKey)
    (tmp_path / "learning.sd-jwt").write_bytes(Issuer(holder=did).sd_jwt(cnf_key=key))
    assert kredo("import", str(tmp_path / "learning.sd-jwt")).code == 0
    scripted_issuer.answer("POST", "/answer", 200, {})
    # WHEN the learner answers "n" at the prompt
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    result = kredo("respond", _link(f"{scripted_issuer.base}/answer"))
    # THEN the verifier got access_denied and no credential, and nothing went into history
    assert result.code == 2
    assert "the verifier was told that you declined" in result.out
    form = scripted_issuer.sent("/answer")[0].form()
    assert form["error"] == "access_denied" and "vp_token" not in form
    assert "Nothing has been shared" in kredo("history").out
