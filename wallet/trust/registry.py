"""Issuer registries in the Digital Credentials Consortium (DCC) format.

The DCC publishes "known issuer" registries as static JSON
(``https://digitalcredentials.github.io/dcc-registry/registry.json`` and others, read by
``@digitalcredentials/issuer-registry-client``)::

    {"meta": {"created": "...", "updated": "..."},
     "registry": {"did:key:z6Mk...": {"name": "...", "url": "https://...", "location": "..."}}}

Entries are keyed by DID. A registry vouches for the DID only: its ``url`` is the issuer's
web page, not an identifier, so nothing is matched against it. The registries Kredo ships sit
in ``resources/trust/registries/`` with their sources in ``manifest.json``; earlier registries
in that list are more authoritative, as in the DCC client.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from wallet.bundled_resources import resource_path
from wallet.errors import FormatError, MalformedCredential, TrustMaterialError
from wallet.json_input import load_json_object
from wallet.translation import tr
from wallet.trust.issuer_identifier import normalise_issuer_identifier

MAX_REGISTRY_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class RegistryEntry:
    identifier: str
    name: str
    url: str | None
    location: str | None


@dataclass(frozen=True)
class IssuerRegistry:
    """One registry: its name for people, where it came from, and its entries by DID."""

    name: str
    source: str
    updated: datetime | None
    entries: Mapping[str, RegistryEntry]

    @classmethod
    def from_json(cls, raw: bytes, *, name: str, source: str) -> IssuerRegistry:
        if len(raw) > MAX_REGISTRY_BYTES:
            raise TrustMaterialError(
                tr("The issuer registry {name} is too large.", name=repr(name))
            )
        try:
            document = load_json_object(
                raw, what=tr("The issuer registry {name}", name=repr(name))
            )
        except MalformedCredential as exc:
            raise TrustMaterialError(exc.message, details=exc.details) from None
        table = document.get("registry")
        if not isinstance(table, dict):
            raise TrustMaterialError(
                tr(
                    "The issuer registry {name} is not in the DCC registry format.",
                    name=repr(name),
                ),
                details="no 'registry' object",
            )
        entries: dict[str, RegistryEntry] = {}
        for key, value in table.items():
            entry = _entry(key, value)
            if entry is None:
                raise TrustMaterialError(
                    tr("The issuer registry {name} has an entry Kredo cannot read.",
                       name=repr(name)),
                    details=f"entry {len(entries) + 1}",
                )
            entries.setdefault(entry.identifier, entry)
        return cls(
            name=name,
            source=source,
            updated=_updated(document.get("meta")),
            entries=MappingProxyType(entries),
        )

    def lookup(self, identifier: str) -> RegistryEntry | None:
        try:
            return self.entries.get(normalise_issuer_identifier(identifier))
        except FormatError:
            return None


def _entry(key: Any, value: Any) -> RegistryEntry | None:
    if not isinstance(key, str) or not key.startswith("did:") or not isinstance(value, dict):
        return None
    name = value.get("name")
    url = value.get("url")
    location = value.get("location")
    if not isinstance(name, str) or not name.strip():
        return None
    if url is not None and not isinstance(url, str):
        return None
    if location is not None and not isinstance(location, str):
        return None
    try:
        identifier = normalise_issuer_identifier(key)
    except FormatError:
        return None
    return RegistryEntry(identifier=identifier, name=name.strip(), url=url, location=location)


def _updated(meta: Any) -> datetime | None:
    if not isinstance(meta, dict):
        return None
    value = meta.get("updated") or meta.get("created")
    if not isinstance(value, str):
        return None
    try:
        # The DCC writes both "+0000" and "+00:00"; Python 3.11 reads both.
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


@functools.cache
def _registries_dir() -> Traversable:
    return resource_path("trust", "registries")


@functools.cache
def bundled_registries() -> tuple[IssuerRegistry, ...]:
    """The registries shipped with Kredo, most authoritative first."""
    folder = _registries_dir()
    manifest = load_json_object(
        folder.joinpath("manifest.json").read_bytes(), what=tr("The registry manifest")
    )
    registries = []
    for item in manifest.get("registries", []):
        registries.append(
            IssuerRegistry.from_json(
                folder.joinpath(item["file"]).read_bytes(),
                name=item["name"],
                source=item["source"],
            )
        )
    return tuple(registries)
