"""JSON over :mod:`wallet.net` for the issuance protocol: GET metadata, POST forms and JSON.

Every call goes through the network gate (the learner's choice, https, timeouts, size caps).
An answer that is not the JSON object the protocol promises is an :class:`IssuanceError`
naming the issuer's host; an OAuth error answer (RFC 6749 §5.2: ``error`` and
``error_description``) is returned as :class:`OAuthError` so each step can say what it means.
The issuer's own words are kept only in ``details`` (shortened), never in the learner's sentence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from wallet import net
from wallet.errors import IssuanceError, WalletError
from wallet.json_input import load_json
from wallet.translation import tr

METADATA_MAX_BYTES = 1024 * 1024
TOKEN_MAX_BYTES = 256 * 1024
CREDENTIAL_MAX_BYTES = 16 * 1024 * 1024
JSON_ACCEPT = "application/json"


@dataclass(frozen=True)
class NetworkPolicy:
    """The learner's permission to go online for this issuance, and how long to wait."""

    allowed: bool
    timeout: float = net.DEFAULT_TIMEOUT


@dataclass(frozen=True)
class OAuthError:
    code: str
    description: str | None
    c_nonce: str | None = None  # draft 13 sends a fresh nonce with invalid_proof

    @property
    def details(self) -> str:
        text = f"{self.code}: {self.description}" if self.description else self.code
        return text[:300]


@dataclass(frozen=True)
class JsonAnswer:
    status: int
    document: dict[str, Any] | None  # the JSON object of a 2xx answer
    error: OAuthError | None  # the OAuth error of a 4xx/5xx answer


def host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or "?"
    except ValueError:
        return "?"


def get_json(
    url: str, *, policy: NetworkPolicy, what: str, max_bytes: int = METADATA_MAX_BYTES
) -> dict[str, Any]:
    """GET a JSON object; any failure is a :class:`WalletError` with one sentence."""
    fetched = net.fetch(
        url, allowed=policy.allowed, max_bytes=max_bytes, timeout=policy.timeout,
        accept=JSON_ACCEPT,
    )
    return json_object(fetched.body, what=what, url=url)


def post_form(
    url: str,
    fields: Mapping[str, str],
    *,
    policy: NetworkPolicy,
    what: str,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = TOKEN_MAX_BYTES,
) -> JsonAnswer:
    body = urlencode(dict(fields)).encode("ascii")
    return _post(
        url, body, "application/x-www-form-urlencoded", policy=policy, what=what,
        headers=headers, max_bytes=max_bytes,
    )


def post_json(
    url: str,
    payload: Mapping[str, Any] | None,
    *,
    policy: NetworkPolicy,
    what: str,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = CREDENTIAL_MAX_BYTES,
) -> JsonAnswer:
    body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
    return _post(
        url, body, "application/json", policy=policy, what=what, headers=headers,
        max_bytes=max_bytes,
    )


def _post(
    url: str,
    body: bytes,
    content_type: str,
    *,
    policy: NetworkPolicy,
    what: str,
    headers: Mapping[str, str] | None,
    max_bytes: int,
) -> JsonAnswer:
    fetched = net.post(
        url, allowed=policy.allowed, body=body, content_type=content_type, headers=headers,
        max_bytes=max_bytes, timeout=policy.timeout, accept=JSON_ACCEPT, error_bodies=True,
    )
    if fetched.status >= 400:
        return JsonAnswer(fetched.status, None, _oauth_error(fetched.body, fetched.status, url))
    if not fetched.body.strip():
        return JsonAnswer(fetched.status, {}, None)
    return JsonAnswer(fetched.status, json_object(fetched.body, what=what, url=url), None)


def json_object(body: bytes, *, what: str, url: str) -> dict[str, Any]:
    try:
        document = load_json(body, what=what)
    except WalletError as exc:
        raise IssuanceError(
            tr("{what} from {host} is not readable JSON.", what=what, host=host_of(url)),
            details=exc.message,
        ) from None
    if not isinstance(document, dict):
        raise IssuanceError(
            tr("{what} from {host} is not a JSON object.", what=what, host=host_of(url))
        )
    return document


def _oauth_error(body: bytes, status: int, url: str) -> OAuthError:
    """The ``error`` of an error answer; an answer without one still fails, with its status."""
    try:
        document = load_json(body, what="The error answer")
    except WalletError:
        document = None
    if isinstance(document, dict) and isinstance(document.get("error"), str):
        description = document.get("error_description")
        nonce = document.get("c_nonce")
        return OAuthError(
            code=document["error"][:100],
            description=description[:300] if isinstance(description, str) else None,
            c_nonce=nonce[:4096] if isinstance(nonce, str) and nonce else None,
        )
    return OAuthError(code=f"http_{status}", description=f"HTTP {status} from {host_of(url)}")
