"""Issuers the user chose to trust, kept as one JSON setting.

The lead's repository stores settings as text under keys (``get_setting``/``set_setting``);
the list lives under ``trusted_issuers`` as a JSON array of ``{"id": ..., "name": ...}``.
Reading is a pure function of the settings mapping, and adding or removing returns the new
value to store, so the logic is testable without a database and the caller decides when to
write (inside its own transaction).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from wallet.errors import FormatError
from wallet.trust.issuer_identifier import normalise_issuer_identifier

TRUSTED_ISSUERS_KEY = "trusted_issuers"


@dataclass(frozen=True)
class UserTrustedIssuer:
    identifier: str
    name: str | None = None


class SettingsStore(Protocol):
    """What the repository offers for settings."""

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...


def trusted_issuers(settings: Mapping[str, str]) -> tuple[UserTrustedIssuer, ...]:
    """The user's list; a damaged setting reads as empty rather than trusting anything."""
    raw = settings.get(TRUSTED_ISSUERS_KEY)
    if not raw:
        return ()
    try:
        items = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    issuers: dict[str, UserTrustedIssuer] = {}
    for item in items:
        issuer = _issuer(item)
        if issuer is not None:
            issuers.setdefault(issuer.identifier, issuer)
    return tuple(issuers.values())


def with_issuer_added(
    settings: Mapping[str, str], identifier: str, name: str | None = None
) -> str:
    """The setting's new value with ``identifier`` trusted (renamed if already there).

    Raises :class:`wallet.errors.FormatError` for text that names no issuer.
    """
    canonical = normalise_issuer_identifier(identifier)
    clean_name = name.strip() if name and name.strip() else None
    issuers = [i for i in trusted_issuers(settings) if i.identifier != canonical]
    issuers.append(UserTrustedIssuer(canonical, clean_name))
    return _encode(issuers)


def with_issuer_removed(settings: Mapping[str, str], identifier: str) -> str:
    """The setting's new value without ``identifier`` (unchanged if it was not there)."""
    canonical = normalise_issuer_identifier(identifier)
    return _encode([i for i in trusted_issuers(settings) if i.identifier != canonical])


def add_trusted_issuer(store: SettingsStore, identifier: str, name: str | None = None) -> None:
    store.set_setting(
        TRUSTED_ISSUERS_KEY, with_issuer_added(_snapshot(store), identifier, name)
    )


def remove_trusted_issuer(store: SettingsStore, identifier: str) -> None:
    store.set_setting(TRUSTED_ISSUERS_KEY, with_issuer_removed(_snapshot(store), identifier))


def list_trusted_issuers(store: SettingsStore) -> tuple[UserTrustedIssuer, ...]:
    return trusted_issuers(_snapshot(store))


def _snapshot(store: SettingsStore) -> dict[str, str]:
    value = store.get_setting(TRUSTED_ISSUERS_KEY)
    return {TRUSTED_ISSUERS_KEY: value} if value is not None else {}


def _issuer(item: object) -> UserTrustedIssuer | None:
    identifier: object = item
    name: object = None
    if isinstance(item, dict):
        identifier = item.get("id")
        name = item.get("name")
    if not isinstance(identifier, str) or not (name is None or isinstance(name, str)):
        return None
    try:
        return UserTrustedIssuer(normalise_issuer_identifier(identifier), name or None)
    except FormatError:
        return None  # an entry damaged by hand is skipped, never trusted


def _encode(issuers: list[UserTrustedIssuer]) -> str:
    return json.dumps(
        [{"id": i.identifier, "name": i.name} for i in issuers], ensure_ascii=False
    )
