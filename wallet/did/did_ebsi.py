"""``did:ebsi`` resolution through the EBSI DID Registry API (v5), only with the user's consent.

A did:ebsi identifies a legal entity registered on the European Blockchain Services
Infrastructure; its DID document (and so its keys) lives in EBSI's DID Registry, which
answers ``GET {registry}/{did}`` with the document (EBSI DID Registry API v5, "Get a DID
document"; the method identifier is ``z`` + base58btc of 17 bytes, version byte 0x01).

EBSI runs several networks: test, conformance and pilot, each with its own registry. The
official resolver (``@cef-ebsi/ebsi-did-resolver``) is configured with the pilot network's
registry, where issuers that sign real credentials are registered; Kredo asks that one
unless told otherwise (:data:`EBSI_REGISTRY`; tests point it at a local server).

The document comes through :func:`wallet.net.fetch` (the user's online choice, https,
timeouts, size caps) and must be about the DID asked for, or a registry could hand out
another identity's keys. Documents are kept in memory for a few minutes.
"""

from __future__ import annotations

import re
from typing import Any

from wallet import net
from wallet.did.did_web import CACHE_SECONDS, DidDocumentCache
from wallet.errors import MalformedCredential, NetworkError, WalletError
from wallet.json_input import load_json_object
from wallet.translation import tr

PREFIX = "did:ebsi:"
PILOT_REGISTRY = "https://api-pilot.ebsi.eu/did-registry/v5/identifiers"
CONFORMANCE_REGISTRY = "https://api-conformance.ebsi.eu/did-registry/v5/identifiers"
TEST_REGISTRY = "https://api-test.ebsi.eu/did-registry/v5/identifiers"
EBSI_REGISTRY = PILOT_REGISTRY
MAX_DOCUMENT_BYTES = 256 * 1024
ACCEPT = "application/did+ld+json, application/did+json, application/json;q=0.9"
# z + base58btc: legal-entity identifiers are 16-17 bytes, i.e. about 22-25 characters.
_IDENTIFIER = re.compile(r"z[1-9A-HJ-NP-Za-km-z]{16,60}")

DEFAULT_CACHE = DidDocumentCache(ttl=CACHE_SECONDS)


def ebsi_document_url(did: str, registry: str = EBSI_REGISTRY) -> str:
    """Where ``registry`` publishes the DID document of ``did`` (a DID or DID URL)."""
    base = _base(did)
    return f"{registry.rstrip('/')}/{base}"


def resolve_did_ebsi(
    did: str,
    *,
    allowed: bool,
    registry: str = EBSI_REGISTRY,
    fetch: net.Fetcher = net.fetch,
    cache: DidDocumentCache | None = DEFAULT_CACHE,
    timeout: float = net.DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """The DID document of ``did`` from the EBSI DID Registry; raises a :class:`WalletError`
    (``NetworkNotAllowed`` offline, ``NetworkError``, ``MalformedCredential``) otherwise."""
    base = _base(did)
    url = ebsi_document_url(base, registry)
    if cache is not None:
        cached = cache.get(url)
        if cached is not None:
            return cached
    got = fetch(url, allowed=allowed, max_bytes=MAX_DOCUMENT_BYTES, timeout=timeout,
                accept=ACCEPT)
    try:
        document = load_json_object(got.body, what=tr("The EBSI registry's DID document"))
    except WalletError as exc:
        raise NetworkError(exc.message, details=f"did:ebsi document at {url[:200]}") from None
    if document.get("id") != base:
        raise MalformedCredential(
            tr("The EBSI registry answered with a DID document about another identifier."),
            details=f"asked {base[:200]}",
        )
    if cache is not None:
        cache.put(url, document)
    return document


def _base(did: str) -> str:
    base = did.partition("#")[0].partition("?")[0] if isinstance(did, str) else ""
    if not base.startswith(PREFIX) or not _IDENTIFIER.fullmatch(base[len(PREFIX):]):
        raise MalformedCredential(tr("The identifier is not a valid did:ebsi."),
                                  details=str(did)[:200])
    return base
