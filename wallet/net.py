"""The only module of Kredo that opens a network connection.

Every fetch is opt-in (the caller passes the user's ``allowed`` choice, checked before any
socket exists), https-only with the platform's certificate verification, bounded in time
(one deadline for the whole fetch, redirects included) and in size (the body is read in
chunks and abandoned at ``max_bytes``, also after gzip decoding). Plain http is accepted only
for the loopback interface, and only while a test has switched it on with
:func:`allow_loopback_http`: test servers run on 127.0.0.1 without certificates.

Bodies are never logged; errors carry the host and status, never content.

OCSP responses and CRLs are signed by the authority they speak for, and their services are
mostly plain http (RFC 5280 §4.2.1.13, RFC 6960 A.1): a fetch or post marked
``signed_object`` may use http too, but never towards this computer or a private network
(a credential names these addresses, and must not make Kredo knock on the learner's router).
The name is resolved once, every address it gives is checked, and the connection goes to the
checked address (the request still names the host, and TLS still verifies the certificate
for the host name): a name that answers a public address to the check and a private one a
moment later (DNS rebinding) cannot slip through.

:func:`post` serves protocols that send data (OpenID4VCI token and credential requests): the
same gate, no redirects followed (a request body is never re-sent elsewhere), and on request
an error status comes back as a document, because OAuth servers explain errors in the body.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from wallet.errors import InputTooLarge, NetworkError, NetworkNotAllowed, NetworkTimeout
from wallet.translation import tr, tr_n

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
MAX_REDIRECTS = 3
MAX_URL_CHARS = 4096
_CHUNK = 64 * 1024
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "Kredo (micro-credential wallet)"

_loopback_lock = threading.Lock()
_loopback_http_depth = 0


@dataclass(frozen=True)
class FetchedDocument:
    """What a server answered: the final URL (after redirects), status, media type, body."""

    url: str
    status: int
    media_type: str | None
    body: bytes


class FetchCache(Protocol):
    """Hook for a later cache of fetched documents (status lists, DID documents).

    ``fetch`` itself does not cache; a caller holding a cache asks it first and stores
    what ``fetch`` returned, so the cache decides its own expiry.
    """

    def get(self, url: str) -> FetchedDocument | None: ...

    def put(self, document: FetchedDocument) -> None: ...


class Fetcher(Protocol):
    """The shape of :func:`fetch`, so callers can be handed it (or a cached variant)."""

    def __call__(
        self,
        url: str,
        *,
        allowed: bool,
        max_bytes: int = ...,
        timeout: float = ...,
        accept: str | None = ...,
    ) -> FetchedDocument: ...


@contextmanager
def allow_loopback_http(enabled: bool = True) -> Iterator[None]:
    """Within the block, ``http://127.0.0.1``, ``localhost`` and ``[::1]`` may be fetched.

    For tests only: a local server has no certificate. Nested blocks are counted, so one
    test's exit does not switch the gate off under another.
    """
    global _loopback_http_depth  # noqa: PLW0603 - one process-wide switch, by design
    if not enabled:
        yield
        return
    with _loopback_lock:
        _loopback_http_depth += 1
    try:
        yield
    finally:
        with _loopback_lock:
            _loopback_http_depth -= 1


def loopback_http_allowed() -> bool:
    return _loopback_http_depth > 0


def fetch(
    url: str,
    *,
    allowed: bool,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    accept: str | None = None,
    signed_object: bool = False,
) -> FetchedDocument:
    """GET ``url`` and return its body; every refusal or failure is a :class:`NetworkError`
    (or :class:`InputTooLarge` for a body above ``max_bytes``). ``signed_object``: the body
    is verified by its own signature (a CRL, a certificate), so plain http is accepted."""
    if not allowed:
        raise NetworkNotAllowed(
            tr("Kredo did not go online because online checks are switched off."),
            details=f"refused fetch of {_host_of(url)}",
        )
    target = _checked_url(url, previous_scheme=None, plain_http=signed_object)
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        status, media_type, location, body = _request_once(
            "GET", target, deadline=deadline, timeout=timeout, max_bytes=max_bytes, accept=accept,
            public_only=signed_object,
        )
        if location is None:
            return FetchedDocument(url=target, status=status, media_type=media_type, body=body)
        target = _checked_url(urljoin(target, location), previous_scheme=urlsplit(target).scheme,
                              plain_http=signed_object)
    raise NetworkError(
        tr_n("The server {host} redirected more than {n} time.",
             "The server {host} redirected more than {n} times.",
             MAX_REDIRECTS, host=_host_of(url)),
        details=f"last location {_host_of(target)}",
    )


def post(
    url: str,
    *,
    allowed: bool,
    body: bytes,
    content_type: str,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    accept: str | None = None,
    error_bodies: bool = False,
    signed_object: bool = False,
) -> FetchedDocument:
    """POST ``body`` to ``url`` under the same rules as :func:`fetch`; redirects are refused.

    With ``error_bodies`` an HTTP error status (4xx, 5xx) is returned as a document so the
    caller can read the server's explanation; otherwise it is a :class:`NetworkError`.
    ``headers`` may add e.g. ``Authorization``; they are never logged.
    """
    if not allowed:
        raise NetworkNotAllowed(
            tr("Kredo did not go online because online access is switched off."),
            details=f"refused post to {_host_of(url)}",
        )
    target = _checked_url(url, previous_scheme=None, plain_http=signed_object)
    deadline = time.monotonic() + timeout
    status, media_type, location, answer = _request_once(
        "POST", target, deadline=deadline, timeout=timeout, max_bytes=max_bytes, accept=accept,
        body=body, extra_headers={**(headers or {}), "Content-Type": content_type},
        error_bodies=error_bodies, public_only=signed_object,
    )
    if location is not None:
        raise NetworkError(
            tr("The server {host} redirected a request that Kredo does not send elsewhere.",
               host=_host_of(url)),
            details=f"HTTP {status} on POST",
        )
    return FetchedDocument(url=target, status=status, media_type=media_type, body=answer)


# --- one request ------------------------------------------------------------------------


def _request_once(
    method: str,
    url: str,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    accept: str | None,
    body: bytes | None = None,
    extra_headers: Mapping[str, str] | None = None,
    error_bodies: bool = False,
    public_only: bool = False,
) -> tuple[int, str | None, str | None, bytes]:
    """One request: (status, media type, redirect location or None, decoded body).

    ``public_only``: connect only to a public address of the host, the one that was checked.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    address = None
    if public_only and not (host in _LOOPBACK_HOSTS and loopback_http_allowed()):
        address = _public_address(host, parts.port or (443 if parts.scheme == "https" else 80))
    connection = _connection(parts.scheme, host, parts.port, _remaining(deadline, timeout, host),
                             address=address)
    try:
        headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "gzip, identity"}
        if accept:
            headers["Accept"] = accept
        headers.update(extra_headers or {})
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise NetworkError(
                    tr("The server {host} redirected without saying where to.", host=host),
                    details=f"HTTP {response.status}",
                )
            return response.status, None, location, b""
        if response.status < 200 or (response.status >= 400 and not error_bodies):
            raise NetworkError(
                _error_status(host, response.status, response.reason),
                details=f"{method} {host}{parts.path[:200]}",
            )
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(host, max_bytes)
        raw = _read_bounded(
            response, connection, deadline=deadline, timeout=timeout, max_bytes=max_bytes,
            host=host,
        )
        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        body = _decode_content(raw, encoding, max_bytes, host)
        media_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        return response.status, media_type or None, None, body
    except TimeoutError:
        raise _timed_out(host, timeout) from None
    except ssl.SSLCertVerificationError as exc:
        raise NetworkError(
            tr("The secure connection to {host} could not be verified.", host=host),
            details=f"TLS: {exc.verify_message}",
        ) from None
    except ssl.SSLError as exc:
        raise NetworkError(
            tr("The secure connection to {host} failed.", host=host),
            details=f"TLS: {exc.reason}",
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        raise NetworkError(
            tr("Kredo could not reach the server {host}.", host=host),
            details=type(exc).__name__,
        ) from None
    finally:
        connection.close()


def _connection(
    scheme: str, host: str, port: int | None, timeout: float, *, address: str | None = None
) -> http.client.HTTPConnection:
    """A connection to ``host``; with ``address``, to that checked address and no other (the
    Host header, SNI and the certificate's host name check still use ``host``)."""
    connection: http.client.HTTPConnection
    if scheme == "https":
        # The default context verifies the certificate chain and the host name.
        connection = http.client.HTTPSConnection(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
    if address is not None:
        connection._create_connection = _pinned_to(address)  # type: ignore[attr-defined]
    return connection


def _pinned_to(address: str) -> Callable[..., socket.socket]:
    """Replaces http.client's own connect step, which would resolve the name once more."""

    def create_connection(
        target: tuple[str, int], timeout: float | None = None,
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        return socket.create_connection((address, target[1]), timeout, source_address)

    return create_connection


def _read_bounded(
    response: http.client.HTTPResponse,
    connection: http.client.HTTPConnection,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    host: str,
) -> bytes:
    """Read in chunks; a server that trickles bytes still meets the one deadline."""
    chunks: list[bytes] = []
    size = 0
    while True:
        remaining = _remaining(deadline, timeout, host)
        if connection.sock is not None:
            connection.sock.settimeout(remaining)
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(host, max_bytes)
        chunks.append(chunk)


def _decode_content(raw: bytes, encoding: str, max_bytes: int, host: str) -> bytes:
    if encoding in ("identity", ""):
        return raw
    if encoding not in ("gzip", "x-gzip"):
        raise NetworkError(
            tr("The server {host} sent its answer in an encoding Kredo does not read.",
               host=host),
            details=f"Content-Encoding {encoding[:40]!r}",
        )
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, max_bytes + 1)
    except zlib.error:
        raise NetworkError(
            tr("The server {host} sent a damaged compressed answer.", host=host),
            details="gzip",
        ) from None
    if len(body) > max_bytes:
        raise _too_large(host, max_bytes)
    return body


# --- rules on addresses -----------------------------------------------------------------


def _checked_url(url: str, *, previous_scheme: str | None, plain_http: bool = False) -> str:
    """Only https, or loopback http under the test switch, or http to a public host for a
    signed object; a redirect keeps its scheme."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_CHARS:
        raise NetworkError(tr("The web address is missing or too long."))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise NetworkError(tr("The web address is not valid."), details=url[:200]) from None
    host = parts.hostname or ""
    if previous_scheme is not None and parts.scheme != previous_scheme:
        raise NetworkError(
            tr("The server redirected from {old} to {new}, which Kredo does not follow.",
               old=previous_scheme, new=parts.scheme[:20]),
            details=f"redirect to {host[:200]}",
        )
    if not host:
        raise NetworkError(tr("The web address names no server."), details=url[:200])
    if parts.username is not None or parts.password is not None:
        raise NetworkError(tr("Kredo does not follow web addresses that carry a password."))
    if parts.scheme == "https":
        return url
    if parts.scheme == "http" and host in _LOOPBACK_HOSTS and loopback_http_allowed():
        return url
    if parts.scheme == "http" and plain_http and not _private_literal(host):
        # A name is resolved and checked once, when connecting (:func:`_public_address`).
        return url
    raise NetworkError(
        tr("Kredo only fetches from secure (https) addresses."),
        details=f"scheme {parts.scheme[:20]!r}, host {host[:200]}",
    )


def _private_literal(host: str) -> bool:
    """``host`` is an address (or ``localhost``) of this computer or a private network."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return False


def _public_address(host: str, port: int) -> str:
    """Resolve ``host`` once; every address it names must be public. The first is returned,
    and it is the one connected to."""
    if _private_literal(host):
        raise _not_public(host)
    try:
        found = socket.getaddrinfo(host.strip("[]"), port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise NetworkError(tr("Kredo could not reach the server {host}.", host=host),
                           details="name not resolved") from None
    addresses = [str(entry[4][0]).split("%")[0] for entry in found]
    if not addresses or not all(ipaddress.ip_address(a).is_global for a in addresses):
        raise _not_public(host)
    return addresses[0]


def _not_public(host: str) -> NetworkError:
    return NetworkError(
        tr("Kredo does not fetch from {host}: it is this computer or a private network.",
           host=host[:200]),
        details="address not public",
    )


def _host_of(url: object) -> str:
    if not isinstance(url, str):
        return "?"
    try:
        return urlsplit(url[:MAX_URL_CHARS]).hostname or "?"
    except ValueError:
        return "?"


def _remaining(deadline: float, timeout: float, host: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(host, timeout)
    return left


def _timed_out(host: str, timeout: float) -> NetworkTimeout:
    # A fractional timeout (2.5) takes the plural form.
    count = int(timeout) if float(timeout).is_integer() else 2
    return NetworkTimeout(
        tr_n("The issuer's server did not answer within {seconds} second.",
             "The issuer's server did not answer within {seconds} seconds.",
             count, seconds=f"{timeout:g}"),
        details=f"timeout fetching from {host}",
    )


def _too_large(host: str, max_bytes: int) -> InputTooLarge:
    return InputTooLarge(tr(
        "The server {host} sent more than {size}, more than Kredo accepts for this document.",
        host=host, size=_size_text(max_bytes),
    ))


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return tr_n("{n} byte", "{n} bytes", size)


def _error_status(host: str, status: int, reason: str | None) -> str:
    # The reason phrase is the server's own words (usually English): shown as it came.
    if reason:
        return tr("The server {host} answered with HTTP status {status} ({reason}).",
                  host=host, status=status, reason=reason[:60])
    return tr("The server {host} answered with HTTP status {status}.", host=host, status=status)
