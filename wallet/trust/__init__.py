"""What Kredo trusts: EU trusted-list CAs for seals, issuer registries, the user's choices.

:class:`TrustStore` is the one thing the verification engine asks:

- ``trusted_ca_certificates(at)``: the qualified eSeal CAs (from the bundled, dated
  trusted-list snapshot) that were granted at ``at``, to anchor an EDC seal's path;
- ``ca_trust(certificate, at)``: which list vouches for a CA the path ended on;
- ``trusted_timestamp_authorities(at)`` and ``timestamp_authority_trust(certificate, at)``:
  the same for the qualified timestamp authorities that prove when a seal was made;
- ``issuer_trust(identifier)``: whether a DID, https origin or eSeal organisation identifier
  is trusted, by the user (first: their explicit decision) or by a bundled registry;
- ``snapshot_date`` and ``snapshot_outdated(now)``: so the app can say the material is old.

Nothing here opens the network; the snapshot is renewed with ``packaging/update_trust.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.resources.abc import Traversable

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from wallet.bundled_resources import resource_path
from wallet.errors import FormatError
from wallet.translation import tr
from wallet.trust.issuer_identifier import normalise_issuer_identifier
from wallet.trust.registry import IssuerRegistry, bundled_registries
from wallet.trust.snapshot import TrustSnapshot
from wallet.trust.user_trust import UserTrustedIssuer

SNAPSHOT_FILE = "eu-qualified-eseal-cas.json"
USER_SOURCE = "user"

__all__ = ["TrustDecision", "TrustStore", "UserTrustedIssuer"]


@dataclass(frozen=True)
class TrustDecision:
    """Whether something is trusted, on whose word (``source``), and its name if known."""

    trusted: bool
    source: str | None = None
    name: str | None = None


_UNKNOWN = TrustDecision(trusted=False)


class TrustStore:
    """Trust material for one verification run; cheap to build, immutable once built."""

    def __init__(
        self,
        snapshot: TrustSnapshot,
        *,
        registries: Sequence[IssuerRegistry] = (),
        user_trusted: Iterable[UserTrustedIssuer | str] = (),
    ) -> None:
        self._snapshot = snapshot
        self._registries = tuple(registries)
        self._user: dict[str, UserTrustedIssuer] = {}
        for item in user_trusted:
            issuer = item if isinstance(item, UserTrustedIssuer) else UserTrustedIssuer(item)
            try:
                canonical = normalise_issuer_identifier(issuer.identifier)
            except FormatError:
                continue  # an unreadable entry is never a reason to trust
            self._user.setdefault(canonical, UserTrustedIssuer(canonical, issuer.name))

    @classmethod
    def bundled(cls, *, user_trusted: Iterable[UserTrustedIssuer | str] = ()) -> TrustStore:
        """The snapshot and registries shipped in ``resources/trust/``, plus the user's list."""
        return cls(
            bundled_snapshot(), registries=bundled_registries(), user_trusted=user_trusted
        )

    @property
    def snapshot(self) -> TrustSnapshot:
        return self._snapshot

    @property
    def snapshot_date(self) -> datetime:
        return self._snapshot.snapshot_date

    def snapshot_outdated(self, now: datetime) -> bool:
        return self._snapshot.outdated(now)

    def trusted_ca_certificates(self, at: datetime) -> tuple[x509.Certificate, ...]:
        return self._snapshot.certificates_at(at)

    def ca_trust(self, certificate: x509.Certificate, at: datetime) -> TrustDecision:
        der = certificate.public_bytes(Encoding.DER)
        for anchor in self._snapshot.anchors:
            if anchor.certificate.public_bytes(Encoding.DER) != der:
                continue
            if anchor.trusted_for_seals_at(at):
                return TrustDecision(True, eu_trusted_list(anchor.territory), anchor.tsp_name)
        return _UNKNOWN

    def trusted_timestamp_authorities(self, at: datetime) -> tuple[x509.Certificate, ...]:
        return self._snapshot.timestamp_authorities_at(at)

    def timestamp_authority_trust(
        self, certificate: x509.Certificate, at: datetime
    ) -> TrustDecision:
        """Which list names ``certificate`` as a qualified timestamp authority at ``at``."""
        der = certificate.public_bytes(Encoding.DER)
        for anchor in self._snapshot.timestamp_authorities:
            if anchor.certificate.public_bytes(Encoding.DER) != der:
                continue
            if anchor.trusted_for_timestamps_at(at):
                return TrustDecision(True, eu_trusted_list(anchor.territory), anchor.tsp_name)
        return _UNKNOWN

    def issuer_trust(self, identifier: str) -> TrustDecision:
        try:
            canonical = normalise_issuer_identifier(identifier)
        except FormatError:
            return _UNKNOWN
        registry_name = None
        registry_source = None
        for registry in self._registries:
            entry = registry.entries.get(canonical)
            if entry is not None:
                registry_name, registry_source = entry.name, registry_source_name(registry.name)
                break
        user = self._user.get(canonical)
        if user is not None:
            return TrustDecision(True, USER_SOURCE, user.name or registry_name)
        if registry_source is not None:
            return TrustDecision(True, registry_source, registry_name)
        return _UNKNOWN


def eu_trusted_list(territory: str | None = None) -> str:
    """The name of an EU trusted list as a trust source (a person reads it)."""
    if territory:
        return tr("EU trusted list ({territory})", territory=territory)
    return tr("EU trusted list")


def registry_source_name(registry: str) -> str:
    """The name of an issuer registry as a trust source."""
    return tr("registry: {name}", name=registry)


@functools.cache
def _trust_dir() -> Traversable:
    return resource_path("trust")


@functools.cache
def bundled_snapshot() -> TrustSnapshot:
    return TrustSnapshot.from_json(_trust_dir().joinpath(SNAPSHOT_FILE).read_bytes())
