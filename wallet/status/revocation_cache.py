"""OCSP responses and CRLs kept while they are current, so a second check needs no network.

A status answer is cached until its ``nextUpdate`` (an answer without one is never cached:
it says a newer one is always available). The wallet keeps the cache in its encrypted
database (``wallet.store.revocation_cache``); a verification works on a
:class:`MemoryRevocationCache` loaded from it, and what was fetched is written back afterwards,
so the network lane never touches the database. Without a wallet (a file on an employer's
desk) the cache lives for the session only.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class CachedRevocation:
    """One status answer as served: ``key`` names what it is about (``ocsp:`` issuer key hash
    and serial number, or ``crl:`` and the CRL's address)."""

    key: str
    der: bytes = field(repr=False)
    next_update: datetime


class RevocationCache(Protocol):
    def get(self, key: str, now: datetime) -> bytes | None: ...

    def put(self, entry: CachedRevocation) -> None: ...


class MemoryRevocationCache:
    """A cache in memory; :meth:`new_entries` are those added since it was made."""

    def __init__(self, entries: Iterable[CachedRevocation] = ()) -> None:
        self._lock = threading.Lock()
        self._entries = {entry.key: entry for entry in entries}
        self._new: dict[str, CachedRevocation] = {}

    def get(self, key: str, now: datetime) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
        return entry.der if entry is not None and entry.next_update > now else None

    def put(self, entry: CachedRevocation) -> None:
        with self._lock:
            self._entries[entry.key] = entry
            self._new[entry.key] = entry

    def new_entries(self) -> tuple[CachedRevocation, ...]:
        with self._lock:
            return tuple(self._new.values())
