"""A credential behind an https link, including an Open Badges 2.0 hosted assertion.

The link is fetched once through :mod:`wallet.net` (only with the learner's permission), the
answer parsed and verified like a file. An Open Badges 2.0 assertion with ``hosted``
verification is genuine when it is served from its own ``id`` (OB 2.0 "Hosted Verification"):
when the link was another address, the ``id`` is fetched too and must give the same
assertion. Nothing is stored here; the caller imports after the learner confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet import net
from wallet.errors import IssuanceError, WalletError
from wallet.formats import parse_credential
from wallet.issuance.issuer_http import NetworkPolicy, host_of
from wallet.issuance.offer import checked_issuer_url
from wallet.json_input import load_json
from wallet.limits import MAX_INPUT_BYTES
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport

CREDENTIAL_ACCEPT = (
    "application/vc+ld+json, application/ld+json, application/json, application/vc+jwt, "
    "application/dc+sd-jwt, application/jwt, */*;q=0.5"
)
_HOSTED_TYPES = frozenset({"hosted", "HostedBadge"})


@dataclass(frozen=True)
class LinkedCredential:
    url: str
    raw: bytes = field(repr=False)
    credential: Credential = field(repr=False)
    report: VerificationReport
    # OB 2.0 hosted assertions: True when served from its own id; None for anything else.
    hosted_confirmed: bool | None = None
    hosted_message: str | None = None


def fetch_linked_credential(
    url: str, *, policy: NetworkPolicy, verify_options: VerifyOptions | None = None
) -> LinkedCredential:
    checked_issuer_url(url, what=tr("The credential's address"))
    fetched = net.fetch(
        url, allowed=policy.allowed, max_bytes=MAX_INPUT_BYTES, timeout=policy.timeout,
        accept=CREDENTIAL_ACCEPT,
    )
    try:
        credential = parse_credential(fetched.body)
    except WalletError as exc:
        raise IssuanceError(
            tr(
                "The address on {host} does not lead to a credential Kredo can read: {reason}",
                host=host_of(url),
                reason=exc.message,
            ),
            details=exc.details,
        ) from None
    confirmed, message = _hosted_check(credential, fetched.url, policy)
    return LinkedCredential(
        url=fetched.url,
        raw=fetched.body,
        credential=credential,
        report=verify_credential(credential, options=verify_options),
        hosted_confirmed=confirmed,
        hosted_message=message,
    )


def _hosted_check(
    credential: Credential, fetched_url: str, policy: NetworkPolicy
) -> tuple[bool | None, str | None]:
    document = credential.document
    if credential.format is not CredentialFormat.OB2 or not isinstance(document, Mapping):
        return None, None
    verification = document.get("verification")
    kind = verification.get("type") if isinstance(verification, Mapping) else None
    if kind not in _HOSTED_TYPES:
        return None, None
    home = document.get("id")
    if not isinstance(home, str):
        return False, tr(
            "The hosted badge names no address of its own, so no host vouches for it."
        )
    if home == fetched_url:
        return True, tr("The badge is served by its issuer's host {host}.", host=host_of(home))
    try:
        checked_issuer_url(home, what=tr("The badge's own address"))
        again = net.fetch(home, allowed=policy.allowed, max_bytes=MAX_INPUT_BYTES,
                          timeout=policy.timeout, accept="application/json")
        same = _same_json(again.body, document)
    except WalletError as exc:
        return False, tr("The badge's own address could not confirm it: {reason}",
                         reason=exc.message)
    if not same:
        return False, tr(
            "The badge's own address on {host} serves a different badge: "
            "this copy is not confirmed by its issuer.",
            host=host_of(home),
        )
    return True, tr("The badge is confirmed by its issuer's host {host}.", host=host_of(home))


def _same_json(body: bytes, document: Mapping[str, Any]) -> bool:
    try:
        return bool(load_json(body, what="The hosted badge") == document)
    except WalletError:
        return False
