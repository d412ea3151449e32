"""An OpenID4VCI issuer of one kind of credential, played by the scripted server on 127.0.0.1
(``tests.issuance.scripted_issuer``), for the receive tests of the app layer and the GUI."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from tests.issuance.scripted_issuer import ScriptedIssuer
from wallet.base64url import b64url_decode


def serve_offer(issuer: ScriptedIssuer, credential: bytes, *, alg: str = "EdDSA",
                **extra: Any) -> str:
    """An OpenID4VCI 1.0 issuer of one kind of credential; returns the offer for it."""
    binding = "did:key" if alg == "EdDSA" else "jwk"
    configuration = {
        "format": "jwt_vc_json",
        "credential_definition": {"type": ["VerifiableCredential", "MicroCredential"]},
        "cryptographic_binding_methods_supported": [binding],
        "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": [alg]}},
        "credential_metadata": {"display": [{"name": "Základy kryptografie", "locale": "cs"}]},
    }
    issuer.answer("GET", "/.well-known/openid-credential-issuer", 200, {
        "credential_issuer": issuer.base,
        "credential_endpoint": f"{issuer.base}/credential",
        "nonce_endpoint": f"{issuer.base}/nonce",
        "credential_configurations_supported": {"Micro": configuration},
        "display": [{"name": "Masarykova univerzita", "locale": "cs"}],
        **extra,
    })
    issuer.answer("GET", "/.well-known/oauth-authorization-server", 200,
                  {"issuer": issuer.base, "token_endpoint": f"{issuer.base}/token"})
    issuer.answer("POST", "/token", 200, {"access_token": "t0k3n", "token_type": "Bearer"})
    issuer.answer("POST", "/nonce", 200, {"c_nonce": "n-fresh"})
    issuer.answer("POST", "/credential", 200,
                  {"credentials": [{"credential": credential.decode("ascii")}]})
    offer = {
        "credential_issuer": issuer.base,
        "credential_configuration_ids": ["Micro"],
        "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code": {
            "pre-authorized_code": "code-1"}},
    }
    return "openid-credential-offer://?credential_offer=" + quote(json.dumps(offer))


def proof_kid(issuer: ScriptedIssuer) -> str:
    (request,) = issuer.sent("/credential")
    proof = request.json()["proof"]["jwt"] if "proof" in request.json() else (
        request.json()["proofs"]["jwt"][0])
    header = json.loads(b64url_decode(proof.split(".")[0], what="test"))
    return str(header["kid"])
