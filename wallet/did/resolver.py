"""One entry point from a verification method id to a public key, offline.

``did:key`` and ``did:jwk`` resolve from the identifier itself. Anything else needs its
controller document: the caller may supply it in ``documents`` (keyed by the identifier
without fragment). did:web, did:ebsi and https keys otherwise need the network, which this module
never opens: it says so with :class:`NetworkNotAllowed`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from wallet.crypto.verification_method import (
    MAX_VERIFICATION_METHOD_ID,
    KeyResolver,
    ResolvedVerificationMethod,
)
from wallet.did.controller_document import verification_method_from_document
from wallet.did.did_jwk import resolve_did_jwk
from wallet.did.did_key import resolve_did_key
from wallet.errors import MalformedCredential, NetworkNotAllowed, UnsupportedDidMethod
from wallet.translation import tr

_NEEDS_NETWORK = ("did:web:", "https://", "http://")


def resolve_verification_method(
    vm_id: str, *, documents: Mapping[str, Mapping[str, Any]] | None = None
) -> ResolvedVerificationMethod:
    """Resolve ``vm_id`` (a DID URL or URL naming a key) to its key and authorisations."""
    if not isinstance(vm_id, str) or not vm_id or len(vm_id) > MAX_VERIFICATION_METHOD_ID:
        raise MalformedCredential(tr("The proof does not name a usable verification method."))
    base = vm_id.partition("#")[0]
    supplied = (documents or {}).get(base)
    if supplied is not None:
        return verification_method_from_document(supplied, vm_id)
    if base.startswith("did:key:"):
        return resolve_did_key(vm_id)
    if base.startswith("did:jwk:"):
        return resolve_did_jwk(vm_id)
    if base.startswith("did:ebsi:"):
        raise NetworkNotAllowed(
            tr("The signing key of {did} is in the EBSI DID registry, which was not consulted "
               "offline.", did=base[:200]),
            details=f"verification method {vm_id[:300]}",
        )
    if base.startswith(_NEEDS_NETWORK):
        raise NetworkNotAllowed(
            tr(
                "The signing key is published at {location}, which cannot be looked up "
                "without going online.",
                location=base[:200],
            ),
            details=f"verification method {vm_id[:300]}",
        )
    if base.startswith("did:"):
        method = base.split(":", 2)[1] if base.count(":") >= 2 else ""
        raise UnsupportedDidMethod(
            tr("Kredo cannot resolve keys of the DID method {method}.",
               method=f"did:{method[:40]}"),
            details=f"verification method {vm_id[:300]}",
        )
    raise MalformedCredential(
        tr("The proof's verification method is neither a DID URL nor a web address.")
    )


def key_resolver(documents: Mapping[str, Mapping[str, Any]] | None = None) -> KeyResolver:
    """:func:`resolve_verification_method` with the caller's controller documents bound."""
    return partial(resolve_verification_method, documents=documents)
