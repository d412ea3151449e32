"""Send the answer to the verifier's ``response_uri`` (OpenID4VP 1.0 §8.2, §8.3) and read
what it says back: a ``redirect_uri`` to continue in the browser, or an error as a sentence.

``direct_post``: the form fields ``vp_token`` (JSON) and ``state``. ``direct_post.jwt``: one
form field ``response``, a JWE (:mod:`wallet.share.oid4vp.jwe`) of the same fields as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from wallet import net
from wallet.errors import NetworkTimeout, VerifierRefused, WalletError
from wallet.issuance.issuer_http import NetworkPolicy
from wallet.json_input import load_json
from wallet.share.oid4vp.jwe import choose_key, encrypt_compact
from wallet.share.oid4vp.request import PresentationRequest
from wallet.translation import tr, tr_n

ANSWER_MAX_BYTES = 64 * 1024
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class VerifierReply:
    """What the verifier said after accepting: where the learner may continue, if anywhere."""

    redirect_uri: str | None


def response_fields(request: PresentationRequest, vp_token: Mapping[str, Any]) -> dict[str, str]:
    """The form fields of the answer, encrypted when the verifier asked for it."""
    if request.encrypted:
        payload: dict[str, Any] = {"vp_token": vp_token}
        if request.state is not None:
            payload["state"] = request.state
        key = choose_key(request.metadata.jwks, request.metadata.encryption_methods)
        return {"response": encrypt_compact(json.dumps(payload).encode("utf-8"), key)}
    fields = {"vp_token": json.dumps(vp_token, separators=(",", ":"))}
    if request.state is not None:
        fields["state"] = request.state
    return fields


def send_fields(request: PresentationRequest, fields: Mapping[str, str],
                policy: NetworkPolicy) -> VerifierReply:
    """POST the answer; the verifier's error answer is a :class:`VerifierRefused`."""
    host = request.response_host
    try:
        answer = net.post(
            request.response_uri, allowed=policy.allowed,
            body=urlencode(dict(fields)).encode("ascii"),
            content_type="application/x-www-form-urlencoded", max_bytes=ANSWER_MAX_BYTES,
            timeout=policy.timeout, accept="application/json", error_bodies=True)
    except NetworkTimeout as exc:
        raise NetworkTimeout(
            tr_n("The verifier's server {host} did not answer within {seconds} second; it "
                 "may or may not have received the credentials.",
                 "The verifier's server {host} did not answer within {seconds} seconds; it "
                 "may or may not have received the credentials.",
                 int(policy.timeout) if float(policy.timeout).is_integer() else 2,
                 host=host, seconds=f"{policy.timeout:g}"),
            details=exc.details) from None
    document = _json(answer.body)
    if answer.status >= 400:
        raise _refused(document, answer.status, host)
    redirect = document.get("redirect_uri") if isinstance(document, dict) else None
    return VerifierReply(redirect if _followable(redirect) else None)


def _json(body: bytes) -> Any:
    if not body.strip():
        return {}
    try:
        return load_json(body, what=tr("The verifier's answer"))
    except WalletError:
        return None


def _refused(document: Any, status: int, host: str) -> VerifierRefused:
    code = document.get("error") if isinstance(document, dict) else None
    described = document.get("error_description") if isinstance(document, dict) else None
    details = f"HTTP {status}: {code}: {described}"[:300] if code else f"HTTP {status}"
    if code in {"invalid_request", "invalid_presentation"}:
        message = tr("The verifier {host} did not accept the credentials Kredo sent (it "
                     "found the answer invalid).", host=host)
    elif code == "access_denied":
        message = tr("The verifier {host} refused the answer.", host=host)
    elif isinstance(code, str):
        message = tr("The verifier {host} did not accept the answer ({code}).", host=host,
                     code=code[:60])
    else:
        message = tr("The verifier {host} did not accept the answer (HTTP status {status}).",
                     host=host, status=status)
    return VerifierRefused(message, details=details)


def _followable(uri: Any) -> bool:
    if not isinstance(uri, str) or len(uri) > net.MAX_URL_CHARS:
        return False
    parts = urlsplit(uri)
    return parts.scheme == "https" or (parts.scheme == "http" and (parts.hostname or "")
                                       in _LOOPBACK and net.loopback_http_allowed())
