"""What one wallet trusts: the bundled material plus the user's own choices.

The user may trust single issuers (:mod:`wallet.trust.user_trust`) and import issuer registry
files in the DCC format (:mod:`wallet.trust.registry`), for example the registry of a
university network. Imported registries are kept inside the encrypted database, as one JSON
setting, so they travel with backups and never sit in plaintext on disk. Every verification
the wallet runs (its own credentials, and someone else's scanned ones) starts from
:func:`wallet_verify_options`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from wallet.errors import TrustMaterialError
from wallet.translation import tr
from wallet.trust import TrustStore, bundled_snapshot
from wallet.trust.registry import IssuerRegistry, bundled_registries
from wallet.trust.user_trust import SettingsStore, list_trusted_issuers
from wallet.verify.options import VerifyOptions

USER_REGISTRIES_KEY = "issuer_registries"


@dataclass(frozen=True)
class ImportedRegistry:
    """A registry the user imported, as the settings list shows it."""

    name: str
    source: str
    imported_at: str
    issuers: int
    registry: IssuerRegistry


def imported_registries(store: SettingsStore) -> tuple[ImportedRegistry, ...]:
    """The user's registries, in import order; a damaged entry is left out, never trusted."""
    imported: list[ImportedRegistry] = []
    for item in _items(store):
        try:
            registry = IssuerRegistry.from_json(
                json.dumps(item["document"]).encode(), name=item["name"], source=item["source"]
            )
        except (KeyError, TypeError, TrustMaterialError):
            continue
        imported.append(ImportedRegistry(name=registry.name, source=registry.source,
                                         imported_at=str(item.get("imported_at", "")),
                                         issuers=len(registry.entries), registry=registry))
    return tuple(imported)


def import_registry(store: SettingsStore, raw: bytes, *, name: str, source: str,
                    now: datetime | None = None) -> ImportedRegistry:
    """Read a DCC registry file and keep it; importing a name again replaces that registry."""
    name = name.strip()
    if not name:
        raise TrustMaterialError(tr("Give the issuer registry a name."))
    registry = IssuerRegistry.from_json(raw, name=name, source=source)
    if not registry.entries:
        raise TrustMaterialError(tr("The issuer registry {name} lists no issuers.", name=name))
    document = json.loads(raw)
    when = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    items = [item for item in _items(store) if item.get("name") != name]
    items.append({"name": name, "source": source, "imported_at": when, "document": document})
    store.set_setting(USER_REGISTRIES_KEY, json.dumps(items, ensure_ascii=False))
    return ImportedRegistry(name=name, source=source, imported_at=when,
                            issuers=len(registry.entries), registry=registry)


def remove_registry(store: SettingsStore, name: str) -> None:
    items = [item for item in _items(store) if item.get("name") != name]
    store.set_setting(USER_REGISTRIES_KEY, json.dumps(items, ensure_ascii=False))


def wallet_trust_store(store: SettingsStore) -> TrustStore:
    """The bundled snapshot and registries, then the user's registries and chosen issuers."""
    registries = bundled_registries() + tuple(
        item.registry for item in imported_registries(store)
    )
    return TrustStore(bundled_snapshot(), registries=registries,
                      user_trusted=list_trusted_issuers(store))


def wallet_verify_options(store: SettingsStore, *, online: bool) -> VerifyOptions:
    """How this wallet verifies anything: its trust material; online only when allowed."""
    issuers = frozenset(issuer.identifier for issuer in list_trusted_issuers(store))
    return VerifyOptions(online=online, trust=wallet_trust_store(store), trusted_issuers=issuers)


def _items(store: SettingsStore) -> list[dict[str, Any]]:
    raw = store.get_setting(USER_REGISTRIES_KEY)
    if not raw:
        return []
    try:
        items = json.loads(raw)
    except ValueError:
        return []
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
