"""Telling the verifier "no" (OpenID4VP 1.0 §8.5): when the learner declines, Kredo sends no
credential but an error response, ``error=access_denied`` with the request's ``state``, to
the ``response_uri`` the answer would have gone to, so the verifier's page stops waiting.

``direct_post``: the form fields ``error``, ``error_description`` and ``state``.
``direct_post.jwt``: the same fields as JSON in one encrypted ``response`` field, as every
answer in that mode is (§8.3), so nothing about the learner's choice travels in the clear.
A verifier that answers the refusal with an error has still been told; only a verifier that
cannot be reached at all is an error here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from wallet.errors import VerifierRefused
from wallet.issuance.issuer_http import NetworkPolicy
from wallet.share.oid4vp.jwe import choose_key, encrypt_compact
from wallet.share.oid4vp.request import PresentationRequest
from wallet.share.oid4vp.response import send_fields

ACCESS_DENIED = "access_denied"
# For the verifier's logs, not for a person: in English like every OAuth error description.
DECLINED_DESCRIPTION = "The holder declined to share the requested credentials."


@dataclass(frozen=True)
class DeclineReply:
    """How the verifier took the refusal: ``acknowledged`` when it answered without an
    error, and where the learner may continue, if it says."""

    acknowledged: bool
    redirect_uri: str | None


def decline_fields(request: PresentationRequest) -> dict[str, str]:
    """The form fields of the error response, encrypted when the verifier asked for that."""
    payload = {"error": ACCESS_DENIED, "error_description": DECLINED_DESCRIPTION}
    if request.state is not None:
        payload["state"] = request.state
    if request.encrypted:
        key = choose_key(request.metadata.jwks, request.metadata.encryption_methods)
        return {"response": encrypt_compact(json.dumps(payload).encode("utf-8"), key)}
    return payload


def send_decline(request: PresentationRequest, policy: NetworkPolicy) -> DeclineReply:
    """POST the refusal to the verifier's ``response_uri``; a network failure raises (the
    verifier was not told), the verifier's own error answer does not."""
    try:
        reply = send_fields(request, decline_fields(request), policy)
    except VerifierRefused:
        return DeclineReply(acknowledged=False, redirect_uri=None)
    return DeclineReply(acknowledged=True, redirect_uri=reply.redirect_uri)
