"""Controller documents of DIDs that live on the network: did:web and did:ebsi.

The one place that knows which DID methods need a look-up and where it goes, so every check
that meets such a DID (issuer, holder, token key) resolves it alike. Nothing is fetched unless
``allowed``; a document fetched earlier in the session may still come from the cache.
"""

from __future__ import annotations

from typing import Any

from wallet.did.did_ebsi import EBSI_REGISTRY, resolve_did_ebsi
from wallet.did.did_web import resolve_did_web
from wallet.errors import NetworkNotAllowed
from wallet.translation import tr

ONLINE_DID_METHODS = ("did:web:", "did:ebsi:")


def needs_online_document(did: str) -> bool:
    """Whether the key of ``did`` (a DID or DID URL) is found only by looking it up."""
    return did.startswith(ONLINE_DID_METHODS)


def resolve_online_did(
    did: str, *, allowed: bool, ebsi_registry: str = EBSI_REGISTRY
) -> dict[str, Any]:
    """The controller document of a did:web or did:ebsi; raises a ``WalletError``
    (``NetworkNotAllowed`` offline and not cached, ``NetworkError``, ``MalformedCredential``)
    when it cannot be had, or ``MalformedCredential`` for another method."""
    if did.startswith("did:ebsi:"):
        try:
            return resolve_did_ebsi(did, allowed=allowed, registry=ebsi_registry)
        except NetworkNotAllowed as exc:
            # Say where the key is, as the offline resolver does, not only that Kredo stayed
            # offline.
            raise NetworkNotAllowed(
                tr("The signing key of {did} is in the EBSI DID registry, which was not "
                   "consulted offline.", did=did.partition("#")[0][:200]),
                details=exc.details,
            ) from None
    return resolve_did_web(did, allowed=allowed)
