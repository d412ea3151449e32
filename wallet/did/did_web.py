"""``did:web`` resolution (W3C CCG did:web Method Specification, "Read (Resolve)").

``did:web:example.com`` → ``https://example.com/.well-known/did.json``;
``did:web:example.com:user:alice`` → ``https://example.com/user/alice/did.json``; a port is
percent-encoded (``did:web:localhost%3A8443``). The document comes through
:func:`wallet.net.fetch`, so the user's online choice, https, timeouts and size caps all
apply; it must name the DID it was fetched for. Documents are kept in a small in-memory
cache for a few minutes, because one verification asks for the same issuer several times.
"""

from __future__ import annotations

import copy
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from wallet import net
from wallet.errors import MalformedCredential, NetworkError, WalletError
from wallet.json_input import load_json_object
from wallet.translation import tr

PREFIX = "did:web:"
MAX_DID_WEB_CHARS = 2048
MAX_DOCUMENT_BYTES = 256 * 1024
CACHE_SECONDS = 300.0
CACHE_ENTRIES = 128
ACCEPT = "application/did+json, application/did+ld+json, application/json;q=0.9"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"(?:{_LABEL}\.)*{_LABEL}")
_SEGMENT = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=@%-]+")
_LOOPBACK = frozenset({"localhost", "127.0.0.1"})


class DidDocumentCache:
    """DID documents by DID, each kept ``ttl`` seconds; the oldest go first when full."""

    def __init__(
        self,
        *,
        ttl: float = CACHE_SECONDS,
        max_entries: int = CACHE_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, did: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._entries.get(did)
            if found is None:
                return None
            expires, document = found
            if expires <= self._clock():
                del self._entries[did]
                return None
            return copy.deepcopy(document)

    def put(self, did: str, document: dict[str, Any]) -> None:
        with self._lock:
            self._entries[did] = (self._clock() + self._ttl, copy.deepcopy(document))
            self._entries.move_to_end(did)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


DEFAULT_CACHE = DidDocumentCache()


def did_web_url(did: str) -> str:
    """The address of a did:web DID's document (spec steps 1–5).

    The spec always uses https; only a loopback host under the test switch of
    :mod:`wallet.net` gets http, so tests can serve documents without certificates.
    """
    base = did.partition("#")[0].partition("?")[0] if isinstance(did, str) else ""
    if not base.startswith(PREFIX) or len(base) > MAX_DID_WEB_CHARS:
        raise MalformedCredential(tr("The identifier is not a valid did:web."))
    host_part, *path = base[len(PREFIX) :].split(":")
    host, _, port = unquote(host_part).partition(":")
    if not _HOST.fullmatch(host) or (port and not (port.isdigit() and 0 < int(port) < 65536)):
        raise MalformedCredential(
            tr("The did:web does not name a valid web host."), details=base[:200]
        )
    for segment in path:
        if not _SEGMENT.fullmatch(segment) or unquote(segment) in (".", "..") or "/" in unquote(
            segment
        ):
            raise MalformedCredential(
                tr("The did:web names a path Kredo will not follow."), details=base[:200]
            )
    scheme = "http" if host in _LOOPBACK and net.loopback_http_allowed() else "https"
    authority = f"{host}:{port}" if port else host
    location = "/" + "/".join(path) + "/did.json" if path else "/.well-known/did.json"
    return f"{scheme}://{authority}{location}"


def resolve_did_web(
    did: str,
    *,
    allowed: bool,
    fetch: net.Fetcher = net.fetch,
    cache: DidDocumentCache | None = DEFAULT_CACHE,
    timeout: float = net.DEFAULT_TIMEOUT,
) -> dict[str, Any]:
    """The DID document of ``did`` (a DID or DID URL); raises a :class:`WalletError`
    (``NetworkNotAllowed`` when offline and not cached, ``NetworkError``,
    ``MalformedCredential``) when it cannot be had."""
    base = did.partition("#")[0].partition("?")[0] if isinstance(did, str) else ""
    url = did_web_url(base)
    if cache is not None:
        cached = cache.get(base)
        if cached is not None:
            return cached
    got = fetch(url, allowed=allowed, max_bytes=MAX_DOCUMENT_BYTES, timeout=timeout, accept=ACCEPT)
    try:
        document = load_json_object(got.body, what=tr("The issuer's DID document"))
    except WalletError as exc:
        raise NetworkError(exc.message, details=f"did:web document at {url[:200]}") from None
    # The document must be about the DID asked for (spec "Read", step 7), or a server could
    # pass off another identity's keys.
    if document.get("id") != base:
        raise MalformedCredential(
            tr("The DID document published for this did:web is about another identifier."),
            details=f"asked {base[:200]}",
        )
    if cache is not None:
        cache.put(base, document)
    return document
