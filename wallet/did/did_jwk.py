"""``did:jwk``: the DID is a base64url JSON Web Key; its one method is ``#0``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wallet.base64url import b64url_decode, b64url_encode
from wallet.crypto.jwk import PublicKey, jwk_from_public_key, public_key_from_jwk
from wallet.crypto.verification_method import (
    KEY_AGREEMENT,
    MAX_VERIFICATION_METHOD_ID,
    RELATIONSHIPS,
    SIGNING_RELATIONSHIPS,
    ResolvedVerificationMethod,
)
from wallet.errors import FormatError, MalformedCredential
from wallet.json_input import load_json
from wallet.translation import tr

PREFIX = "did:jwk:"


def did_jwk_from_public_key(key: PublicKey) -> str:
    jwk = jwk_from_public_key(key)
    compact = json.dumps(jwk, separators=(",", ":"), sort_keys=True)
    return PREFIX + b64url_encode(compact.encode("utf-8"))


def resolve_did_jwk(did_url: str) -> ResolvedVerificationMethod:
    """Resolve a ``did:jwk`` DID or ``#0`` DID URL (did:jwk spec, "Read")."""
    if len(did_url) > MAX_VERIFICATION_METHOD_ID or not did_url.startswith(PREFIX):
        raise MalformedCredential(tr("The key identifier is not a valid did:jwk."))
    did, _, fragment = did_url.partition("#")
    if fragment not in ("", "0"):
        raise MalformedCredential(tr("A did:jwk has only the key #0."))
    raw = b64url_decode(did[len(PREFIX) :], what=tr("The did:jwk"))
    try:
        jwk = load_json(raw)
    except FormatError:
        raise MalformedCredential(_no_json_web_key()) from None
    if not isinstance(jwk, Mapping):
        raise MalformedCredential(_no_json_web_key())
    if "d" in jwk:
        raise MalformedCredential(
            tr("The did:jwk contains a private key, which is never allowed.")
        )
    return ResolvedVerificationMethod(
        id=f"{did}#0",
        controller=did,
        type="JsonWebKey2020",
        public_key=public_key_from_jwk(jwk),
        relationships=_relationships(jwk),
    )


def _no_json_web_key() -> str:
    return tr("The did:jwk does not hold a JSON Web Key.")


def _relationships(jwk: Mapping[str, Any]) -> frozenset[str]:
    use = jwk.get("use")
    if use == "enc":
        return frozenset({KEY_AGREEMENT})
    if use == "sig":
        return SIGNING_RELATIONSHIPS
    return frozenset(RELATIONSHIPS)
