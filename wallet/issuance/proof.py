"""The proof of possession JWT (OpenID4VCI 1.0 Appendix F.1).

Header: ``typ`` ``openid4vci-proof+jwt``, ``alg``, and ``kid`` (a DID URL) or ``jwk``.
Claims: ``aud`` the credential issuer, ``iat`` now, ``nonce`` the issuer's ``c_nonce`` when it
gave one, and ``iss`` the client id only when the wallet authenticated as a client (not in the
anonymous pre-authorized code flow, §F.1).
"""

from __future__ import annotations

import json
import time

from wallet.crypto.jws import sign_compact_jws
from wallet.issuance.proof_keys import ProofKey

PROOF_TYP = "openid4vci-proof+jwt"


def proof_jwt(
    key: ProofKey,
    *,
    audience: str,
    nonce: str | None,
    client_id: str | None = None,
    now: float | None = None,
) -> str:
    claims: dict[str, object] = {
        "aud": audience,
        "iat": int(now if now is not None else time.time()),
    }
    if nonce is not None:
        claims["nonce"] = nonce
    if client_id is not None:
        claims["iss"] = client_id
    header = {"typ": PROOF_TYP, "alg": key.alg, **key.header()}
    return sign_compact_jws(
        header, json.dumps(claims, separators=(",", ":")).encode(), key.private_key
    )
