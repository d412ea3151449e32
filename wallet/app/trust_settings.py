"""What one wallet trusts: the bundled material plus the user's own choices.

The user may trust single issuers (:mod:`wallet.trust.user_trust`) and import issuer registry
files in the DCC format (:mod:`wallet.trust.registry`), for example the registry of a
university network. Imported registries are kept inside the encrypted database, as one JSON
setting, so they travel with backups and never sit in plaintext on disk. Every verification
the wallet runs (its own credentials, and someone else's scanned ones) starts from
:func:`wallet_verify_options`.
"""

from __future__ import annotations

import functools
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
    return _read_registries(store.get_setting(USER_REGISTRIES_KEY) or "")


@functools.lru_cache(maxsize=4)
def _read_registries(setting: str) -> tuple[ImportedRegistry, ...]:
    # Every verification asks; the registries are parsed once per version of the setting.
    imported: list[ImportedRegistry] = []
    for item in _items(setting):
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
    items = [item for item in _items(store.get_setting(USER_REGISTRIES_KEY))
             if item.get("name") != name]
    items.append({"name": name, "source": source, "imported_at": when, "document": document})
    store.set_setting(USER_REGISTRIES_KEY, json.dumps(items, ensure_ascii=False))
    return ImportedRegistry(name=name, source=source, imported_at=when,
                            issuers=len(registry.entries), registry=registry)


def remove_registry(store: SettingsStore, name: str) -> None:
    items = [item for item in _items(store.get_setting(USER_REGISTRIES_KEY))
             if item.get("name") != name]
    store.set_setting(USER_REGISTRIES_KEY, json.dumps(items, ensure_ascii=False))


def wallet_verify_options(store: SettingsStore, *, online: bool) -> VerifyOptions:
    """How this wallet verifies anything: the bundled snapshot and registries, then the
    user's registries and chosen issuers; online only when allowed."""
    issuers = list_trusted_issuers(store)
    registries = bundled_registries() + tuple(
        item.registry for item in imported_registries(store)
    )
    trust = TrustStore(bundled_snapshot(), registries=registries, user_trusted=issuers)
    return VerifyOptions(online=online, trust=trust,
                         trusted_issuers=frozenset(issuer.identifier for issuer in issuers))


def _items(raw: str | None) -> list[dict[str, Any]]:
    if not raw:
        return []
    try:
        items = json.loads(raw)
    except ValueError:
        return []
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
