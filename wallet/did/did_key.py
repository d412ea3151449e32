"""``did:key`` for Ed25519, P-256 and P-384 (W3C CCG did:key v0.7, Multikey form).

The DID is the key, so resolution needs no network and no document: the one verification
method is ``did:key:<mb>#<mb>``, controlled by the DID, and usable for every signing purpose.
"""

from __future__ import annotations

from wallet.crypto.multikey import (
    MultikeyPublicKey,
    multikey_from_public_key,
    public_key_from_multikey,
)
from wallet.crypto.verification_method import (
    MAX_VERIFICATION_METHOD_ID,
    SIGNING_RELATIONSHIPS,
    ResolvedVerificationMethod,
)
from wallet.errors import MalformedCredential
from wallet.translation import tr

PREFIX = "did:key:"


def did_key_from_public_key(key: MultikeyPublicKey) -> str:
    """The ``did:key`` DID for ``key``."""
    return PREFIX + multikey_from_public_key(key)


def did_key_verification_method_id(key: MultikeyPublicKey) -> str:
    """The verification method id a proof made with ``key`` names."""
    value = multikey_from_public_key(key)
    return f"{PREFIX}{value}#{value}"


def resolve_did_key(did_url: str) -> ResolvedVerificationMethod:
    """Resolve a ``did:key`` DID or DID URL to its single verification method."""
    if len(did_url) > MAX_VERIFICATION_METHOD_ID or not did_url.startswith(PREFIX):
        raise MalformedCredential(tr("The key identifier is not a valid did:key."))
    did, _, fragment = did_url.partition("#")
    value = did[len(PREFIX) :]
    if fragment and fragment != value:
        raise MalformedCredential(
            tr("The did:key names a key fragment that the DID does not contain."),
            details=f"fragment {fragment[:80]!r}",
        )
    return ResolvedVerificationMethod(
        id=f"{did}#{value}",
        controller=did,
        type="Multikey",
        public_key=public_key_from_multikey(value),
        relationships=SIGNING_RELATIONSHIPS,
    )
