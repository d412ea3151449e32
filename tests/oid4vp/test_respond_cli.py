"""``kredo respond`` and ``kredo history`` end to end, against the scripted verifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding

from tests.cli.conftest import Kredo, kredo
from tests.issuance.scripted_issuer import ScriptedIssuer
from tests.oid4vp.verifier_keys import signed_request, verifier_certificate
from tests.oid4vp.wallet_credentials import LEARNING_VCT, Issuer
from wallet.did.did_key import resolve_did_key

__all__ = ["kredo"]


def _wallet_with_learning_credential(kredo: Kredo, tmp_path: Path) -> None:
    assert kredo("init", "--passphrase").code == 0
    profiles: Any = kredo("holder", "list", "--json").json()
    did = profiles[0]["did"]
    key = resolve_did_key(did).public_key
    assert isinstance(key, ed25519.Ed25519PublicKey)
    path = tmp_path / "learning.sd-jwt"
    path.write_bytes(Issuer(holder=did).sd_jwt(cnf_key=key))
    assert kredo("import", str(path)).code == 0


def _claims(verifier: ScriptedIssuer, vct: str) -> dict[str, Any]:
    return {"client_id": "x509_san_dns:localhost", "response_type": "vp_token",
            "response_mode": "direct_post", "nonce": "cli-nonce", "state": "s",
            "response_uri": f"http://localhost:{verifier.port}/answer",
            "client_metadata": {"client_name": "Example Employer"},
            "dcql_query": {"credentials": [{"id": "learning", "format": "dc+sd-jwt",
                                            "meta": {"vct_values": [vct]},
                                            "claims": [{"path": ["family_name"]}]}]}}


def test_respond_yes_json_sends_what_is_asked_and_history_lists_it(
    kredo: Kredo, tmp_path: Path, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a wallet with a learning credential and a verifier signing with a test CA's cert
    _wallet_with_learning_credential(kredo, tmp_path)
    certificate = verifier_certificate("localhost")
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(certificate.ca.public_bytes(Encoding.PEM))
    scripted_issuer.answer("GET", "/request", 200, signed_request(
        _claims(scripted_issuer, LEARNING_VCT), certificate).encode())
    scripted_issuer.answer("POST", "/answer", 200, {})
    link = "openid4vp://?" + urlencode({
        "client_id": "x509_san_dns:localhost",
        "request_uri": f"http://localhost:{scripted_issuer.port}/request"})
    # WHEN the learner answers with --yes --json
    result = kredo("respond", link, "--yes", "--json", "--verifier-ca", str(ca_file))
    # THEN the JSON shows what went to the confirmed verifier, and the verifier got it
    assert result.code == 0, result.err
    sent: Any = result.json()
    assert sent["verifier"] == {"client_id": "x509_san_dns:localhost", "name": "localhost",
                                "confirmed": True}
    form = scripted_issuer.sent("/answer")[0].form()
    assert json.loads(form["vp_token"]) == sent["vp_token"]
    # AND the history lists it, and forgets it when asked
    exported: Any = kredo("history", "--json").json()
    (entry,) = exported["sharing_history"]
    assert entry["recipient"] == "Example Employer"
    assert entry["credentials"][0]["claims"] == ["family_name"]
    assert kredo("history", "--delete", str(entry["id"])).code == 0
    assert "Nothing has been shared" in kredo("history").out


def test_respond_refuses_a_request_for_what_the_wallet_lacks(
    kredo: Kredo, tmp_path: Path, scripted_issuer: ScriptedIssuer,
) -> None:
    # GIVEN a verifier asking for a diploma
    _wallet_with_learning_credential(kredo, tmp_path)
    certificate = verifier_certificate("localhost")
    token = signed_request(_claims(scripted_issuer, "urn:diploma"), certificate)
    link = "openid4vp://?" + urlencode({"client_id": "x509_san_dns:localhost",
                                        "request": token})
    # WHEN / THEN the command says so and nothing is sent
    result = kredo("respond", link, "--yes")
    assert result.code == 2 and "does not hold" in result.err
    assert scripted_issuer.sent("/answer") == []
