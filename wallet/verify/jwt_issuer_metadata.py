"""An issuer's signing key from its JWT VC Issuer Metadata, fetched only with the user's consent.

IETF SD-JWT VC (draft-ietf-oauth-sd-jwt-vc, "JWT VC Issuer Metadata"): when ``iss`` is an
https URL, the issuer publishes metadata at the URL made by inserting
``/.well-known/jwt-vc-issuer`` between the host and the path of ``iss``:

1. GET the metadata (JSON); its ``issuer`` MUST be identical to ``iss``, or the response
   MUST NOT be used;
2. the keys are in ``jwks`` (a JWK Set) or at ``jwks_uri`` (fetched), never both;
3. the key is the one whose ``kid`` is the JWT header's ``kid`` (a set of one key serves a
   header without ``kid``).

Kredo applies the same discovery to a VC-JWT whose ``iss`` is an https URL. Unusable
metadata says nothing about the credential itself: every failure here is a
:class:`~wallet.errors.VerificationError` or :class:`~wallet.errors.NetworkError`, which the
signature check reports as "could not be checked", never as forged. Fetched documents are
kept in memory for a few minutes (one verification and a batch ask for the same issuer).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wallet import net
from wallet.crypto.jwk import PublicKey, public_key_from_jwk
from wallet.did.did_web import DidDocumentCache
from wallet.errors import NetworkError, NetworkNotAllowed, VerificationError, WalletError
from wallet.json_input import load_json_object
from wallet.translation import tr

WELL_KNOWN = "/.well-known/jwt-vc-issuer"
MAX_METADATA_BYTES = 256 * 1024
MAX_ISS_CHARS = 2048
ACCEPT = "application/json"
JWKS_ACCEPT = "application/jwk-set+json, application/json;q=0.9"

# The same expiring in-memory store as DID documents: JSON by URL, for this session.
DEFAULT_CACHE = DidDocumentCache()


@dataclass(frozen=True)
class IssuerKey:
    """The key the issuer's metadata names, and whether the network was asked for it."""

    key: PublicKey
    metadata_url: str
    fetched: bool


def is_https_issuer(iss: object) -> bool:
    """``iss`` names an issuer that may publish JWT VC Issuer Metadata."""
    if not isinstance(iss, str) or len(iss) > MAX_ISS_CHARS:
        return False
    scheme = iss.split(":", 1)[0].lower()
    return scheme == "https" or (scheme == "http" and net.loopback_http_allowed())


def issuer_metadata_url(iss: str) -> str:
    """Step 1: ``https://host/tenant`` → ``https://host/.well-known/jwt-vc-issuer/tenant``."""
    parts = urlsplit(iss)
    if not parts.netloc or parts.query or parts.fragment:
        raise VerificationError(
            tr("The issuer {issuer} is not a web address its keys can be looked up at.",
               issuer=iss[:200]))
    path = "" if parts.path in ("", "/") else parts.path
    return urlunsplit((parts.scheme, parts.netloc, WELL_KNOWN + path, "", ""))


def issuer_key(
    iss: str,
    kid: str | None,
    *,
    allowed: bool,
    fetch: net.Fetcher = net.fetch,
    cache: DidDocumentCache | None = DEFAULT_CACHE,
    timeout: float = net.DEFAULT_TIMEOUT,
) -> IssuerKey:
    """The issuer's public key for a JWT with header ``kid``, from its metadata.

    Offline this raises :class:`~wallet.errors.NetworkNotAllowed` with a sentence that says
    where the key is published, before any connection is made.
    """
    url = issuer_metadata_url(iss)
    if not allowed and (cache is None or cache.get(url) is None):
        raise _not_allowed(url)
    metadata, fetched = _json(url, fetch=fetch, cache=cache, timeout=timeout, accept=ACCEPT,
                              allowed=allowed)
    # 1. The metadata must be about this issuer, or it must not be used.
    if metadata.get("issuer") != iss:
        raise VerificationError(
            tr("The key could not be checked: the metadata published at {url} is about "
               "another issuer, so Kredo must not use it.", url=url[:200]),
            details=f"metadata issuer {str(metadata.get('issuer'))[:200]!r}",
        )
    jwks, jwks_fetched = _key_set(metadata, url, fetch=fetch, cache=cache, timeout=timeout,
                                  allowed=allowed)
    # 3. The key named by kid.
    return IssuerKey(key=_pick(jwks, kid, url), metadata_url=url,
                     fetched=fetched or jwks_fetched)


def _not_allowed(url: str) -> NetworkNotAllowed:
    return NetworkNotAllowed(
        tr("The signature could not be checked: its issuer publishes keys only online, at "
           "{url}, and Kredo did not go online.", url=url[:200]),
        details="JWT VC Issuer Metadata",
    )


def _key_set(
    metadata: Mapping[str, Any],
    url: str,
    *,
    fetch: net.Fetcher,
    cache: DidDocumentCache | None,
    timeout: float,
    allowed: bool,
) -> tuple[Mapping[str, Any], bool]:
    """2. ``jwks`` inline, or fetched from ``jwks_uri``."""
    inline = metadata.get("jwks")
    uri = metadata.get("jwks_uri")
    if inline is not None and uri is not None:
        raise _unusable(url, "both jwks and jwks_uri")
    if isinstance(inline, Mapping):
        return inline, False
    if isinstance(uri, str) and uri:
        return _json(uri, fetch=fetch, cache=cache, timeout=timeout, accept=JWKS_ACCEPT,
                     allowed=allowed)
    raise _unusable(url, "neither jwks nor jwks_uri")


def _pick(jwks: Mapping[str, Any], kid: str | None, url: str) -> PublicKey:
    keys = jwks.get("keys")
    if not isinstance(keys, list):
        raise _unusable(url, "the JWK Set has no keys array")
    candidates = [k for k in keys if isinstance(k, Mapping)]
    if kid is not None:
        candidates = [k for k in candidates if k.get("kid") == kid]
    if len(candidates) != 1:
        raise VerificationError(
            tr("The key could not be checked: the issuer's metadata at {url} does not name "
               "exactly one key for this credential.", url=url[:200]),
            details=f"kid {str(kid)[:100]!r}, {len(candidates)} matching keys",
        )
    try:
        return public_key_from_jwk(candidates[0])
    except WalletError as exc:
        raise _unusable(url, exc.details or exc.message) from None


def _json(
    url: str,
    *,
    fetch: net.Fetcher,
    cache: DidDocumentCache | None,
    timeout: float,
    accept: str,
    allowed: bool,
) -> tuple[dict[str, Any], bool]:
    """A JSON object from ``url`` (from the cache when there), and whether it was fetched."""
    if cache is not None:
        cached = cache.get(url)
        if cached is not None:
            return cached, False
    got = fetch(url, allowed=allowed, max_bytes=MAX_METADATA_BYTES, timeout=timeout,
                accept=accept)
    try:
        document = load_json_object(got.body, what=tr("The issuer's metadata"))
    except WalletError as exc:
        raise NetworkError(exc.message, details=f"JSON at {url[:200]}") from None
    if cache is not None:
        cache.put(url, document)
    return document, True


def _unusable(url: str, details: str) -> VerificationError:
    return VerificationError(
        tr("The key could not be checked: the issuer's metadata at {url} is not usable.",
           url=url[:200]),
        details=details[:300],
    )
