"""The authorization code flow's wallet side: PKCE (RFC 7636) and the authorization request.

Kredo is a public native client (RFC 8252): no client secret; PKCE with ``S256`` binds the
code to this wallet, a random ``state`` binds the redirect to this request, and the redirect
comes back to a loopback address (:mod:`wallet.issuance.loopback_redirect`). The request asks
for credentials with ``authorization_details`` of type ``openid_credential`` (1.0 §5.1.1),
adds the configuration's ``scope`` where the issuer defined one (§5.1.2), and passes the
offer's ``issuer_state`` back.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from wallet.base64url import b64url_encode
from wallet.errors import IssuanceError
from wallet.issuance.metadata import AuthorizationServerMetadata, CredentialConfiguration
from wallet.translation import tr

DEFAULT_CLIENT_ID = "kredo-wallet"
VERIFIER_BYTES = 32  # 43 base64url characters, the RFC 7636 minimum length


@dataclass(frozen=True)
class Pkce:
    verifier: str = field(repr=False)
    challenge: str
    method: str = "S256"

    @classmethod
    def generate(cls) -> Pkce:
        return cls.from_verifier(b64url_encode(secrets.token_bytes(VERIFIER_BYTES)))

    @classmethod
    def from_verifier(cls, verifier: str) -> Pkce:
        """RFC 7636 §4.2: ``BASE64URL(SHA256(ASCII(code_verifier)))``."""
        if not 43 <= len(verifier) <= 128 or not all(c in _UNRESERVED for c in verifier):
            raise ValueError("a PKCE code verifier has 43-128 unreserved characters")
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        return cls(verifier=verifier, challenge=b64url_encode(digest))


@dataclass(frozen=True)
class AuthorizationRequest:
    """What was sent to the browser, kept to check the redirect and redeem the code."""

    url: str
    state: str
    pkce: Pkce
    redirect_uri: str
    client_id: str


def authorization_request(
    server: AuthorizationServerMetadata,
    configurations: Sequence[CredentialConfiguration],
    *,
    credential_issuer: str,
    redirect_uri: str,
    issuer_state: str | None = None,
    client_id: str = DEFAULT_CLIENT_ID,
) -> AuthorizationRequest:
    if server.authorization_endpoint is None:
        raise IssuanceError(
            tr(
                "The issuer's authorization server does not offer sign-in in a browser "
                "(it has no authorization endpoint)."
            ),
        )
    if server.code_challenge_methods and "S256" not in server.code_challenge_methods:
        raise IssuanceError(
            tr(
                "The issuer's authorization server does not support PKCE with S256, "
                "which Kredo requires to keep the sign-in safe."
            ),
        )
    pkce = Pkce.generate()
    state = b64url_encode(secrets.token_bytes(16))
    details = [
        {
            "type": "openid_credential",
            "credential_configuration_id": c.id,
            "locations": [credential_issuer],
        }
        for c in configurations
    ]
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "state": state,
        "code_challenge": pkce.challenge,
        "code_challenge_method": pkce.method,
        "authorization_details": json.dumps(details, separators=(",", ":")),
    }
    scopes = [c.scope for c in configurations if c.scope]
    if scopes:
        params["scope"] = " ".join(scopes)
    if issuer_state is not None:
        params["issuer_state"] = issuer_state
    endpoint = server.authorization_endpoint
    separator = "&" if urlsplit(endpoint).query else "?"
    return AuthorizationRequest(
        url=f"{endpoint}{separator}{urlencode(params)}",
        state=state,
        pkce=pkce,
        redirect_uri=redirect_uri,
        client_id=client_id,
    )


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

