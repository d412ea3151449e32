"""A verification method resolved to a usable public key, and what it is authorised for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wallet.crypto.jwk import PublicKey

# Verification relationships of the DID / controlled-identifier specs.
ASSERTION_METHOD = "assertionMethod"
AUTHENTICATION = "authentication"
CAPABILITY_INVOCATION = "capabilityInvocation"
CAPABILITY_DELEGATION = "capabilityDelegation"
KEY_AGREEMENT = "keyAgreement"
RELATIONSHIPS = (
    ASSERTION_METHOD,
    AUTHENTICATION,
    CAPABILITY_INVOCATION,
    CAPABILITY_DELEGATION,
    KEY_AGREEMENT,
)
SIGNING_RELATIONSHIPS = frozenset(RELATIONSHIPS) - {KEY_AGREEMENT}

# DID URLs and key ids are short; anything huge is hostile input.
MAX_VERIFICATION_METHOD_ID = 4096


@dataclass(frozen=True)
class ResolvedVerificationMethod:
    """``id`` and ``controller`` as the controller document states them.

    ``relationships`` names the proof purposes the controller authorised this key for
    (``assertionMethod`` for issuing credentials, ``authentication`` for presentations).
    """

    id: str
    controller: str
    type: str
    public_key: PublicKey
    relationships: frozenset[str]

    def authorises(self, purpose: str) -> bool:
        return purpose in self.relationships


# Turns a verification method id into its key (the DID layer supplies one: did.key_resolver).
KeyResolver = Callable[[str], ResolvedVerificationMethod]
