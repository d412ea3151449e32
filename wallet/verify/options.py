"""What a verification may use: the clock, the network (opt-in), trust material."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cryptography import x509

from wallet.did.did_ebsi import EBSI_REGISTRY

if TYPE_CHECKING:
    from wallet.status.revocation_cache import RevocationCache
    from wallet.trust import TrustStore

# JWT nbf/exp and VC validity windows tolerate this much clock difference.
CLOCK_SKEW = timedelta(seconds=60)


@dataclass(frozen=True)
class VerifyOptions:
    online: bool = False  # never touch the network unless the user allowed it
    now: datetime | None = None  # fixed time for tests; default: the current time
    challenge: str | None = None  # expected presentation challenge (nonce)
    domain: str | None = None  # expected presentation domain (audience)
    # Controller documents known offline, by id (e.g. an issuer's published key document).
    documents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Issuer identifiers (DIDs, URLs, eSeal organisation identifiers) the user trusts.
    trusted_issuers: frozenset[str] = frozenset()
    # CA certificates trusted for qualified eSeals (EU trusted lists snapshot).
    trusted_roots: tuple[x509.Certificate, ...] = ()
    # Trusted lists snapshot, issuer registries and the user's trusted issuers.
    trust: TrustStore | None = None
    # Where online OCSP responses and CRLs are kept (the wallet's, loaded for this check);
    # None: a fresh one for each verification.
    revocation_cache: RevocationCache | None = None
    # Where did:ebsi documents are looked up online (the EBSI DID Registry API v5).
    ebsi_registry: str = EBSI_REGISTRY

    def current_time(self) -> datetime:
        return self.now if self.now is not None else datetime.now(UTC)
