"""The token request (OpenID4VCI 1.0 §6, RFC 6749 §4.1.3) and what its errors mean.

Pre-authorized code: ``grant_type`` ``urn:ietf:params:oauth:grant-type:pre-authorized_code``,
the code, and ``tx_code`` when the offer asked for one. Authorization code: the code, the
``redirect_uri`` and the PKCE ``code_verifier``. The answer must be a Bearer token; it may
carry a ``c_nonce`` (draft 13) and ``authorization_details`` with credential identifiers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet.errors import IssuanceError, OfferExpired, TransactionCodeRejected
from wallet.issuance.issuer_http import NetworkPolicy, OAuthError, host_of, post_form
from wallet.issuance.offer import PRE_AUTHORIZED_GRANT
from wallet.translation import tr

MAX_TOKEN_CHARS = 16 * 1024


@dataclass(frozen=True)
class AccessToken:
    token: str = field(repr=False)
    c_nonce: str | None = None
    # credential_configuration_id → credential identifiers the server assigned (1.0 §6.2)
    credential_identifiers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def authorization_header(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def pre_authorized_token(
    token_endpoint: str,
    code: str,
    *,
    tx_code: str | None,
    policy: NetworkPolicy,
) -> AccessToken:
    fields = {"grant_type": PRE_AUTHORIZED_GRANT, "pre-authorized_code": code}
    if tx_code is not None:
        fields["tx_code"] = tx_code
    return _token(token_endpoint, fields, policy=policy, sent_tx_code=tx_code is not None)


def authorization_code_token(
    token_endpoint: str,
    code: str,
    *,
    redirect_uri: str,
    code_verifier: str,
    client_id: str,
    policy: NetworkPolicy,
) -> AccessToken:
    fields = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": code_verifier,
        "client_id": client_id,
    }
    return _token(token_endpoint, fields, policy=policy, sent_tx_code=False)


def _token(
    endpoint: str, fields: Mapping[str, str], *, policy: NetworkPolicy, sent_tx_code: bool
) -> AccessToken:
    answer = post_form(endpoint, fields, policy=policy, what=tr("The issuer's token answer"))
    if answer.error is not None:
        raise token_error(answer.error, sent_tx_code=sent_tx_code, host=host_of(endpoint))
    document = answer.document or {}
    token = document.get("access_token")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        raise IssuanceError(
            tr(
                "The issuer {host} answered the token request without a token.",
                host=host_of(endpoint),
            )
        )
    token_type = document.get("token_type")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise IssuanceError(
            tr("The issuer {host} gave a kind of token Kredo cannot use.", host=host_of(endpoint)),
            details=f"token_type {str(token_type)[:40]!r}",
        )
    nonce = document.get("c_nonce")
    return AccessToken(
        token=token,
        c_nonce=nonce if isinstance(nonce, str) and nonce else None,
        credential_identifiers=_identifiers(document.get("authorization_details")),
    )


def token_error(error: OAuthError, *, sent_tx_code: bool, host: str) -> IssuanceError:
    """RFC 6749 §5.2 and OpenID4VCI 1.0 §6.3, in the learner's words."""
    description = (error.description or "").lower()
    if "expired" in description:
        return OfferExpired(
            tr("The offer has expired. Ask the issuer for a new one."), details=error.details
        )
    if error.code == "invalid_grant" and sent_tx_code:
        return TransactionCodeRejected(
            tr("The issuer did not accept the transaction code (PIN). Check it and try again."),
            details=error.details,
        )
    if error.code == "invalid_grant":
        return IssuanceError(
            tr(
                "The issuer no longer accepts this offer (it may have been used or withdrawn). "
                "Ask the issuer for a new one."
            ),
            details=error.details,
        )
    if error.code == "authorization_pending":
        return IssuanceError(
            tr("The issuer has not finished authorizing this offer yet; try again later."),
            details=error.details,
        )
    if "not found" in description:
        return IssuanceError(
            tr(
                "The issuer does not know this offer (it may have been used or withdrawn). "
                "Ask the issuer for a new one."
            ),
            details=error.details,
        )
    return IssuanceError(
        tr("The issuer {host} refused the token request.", host=host), details=error.details
    )


def _identifiers(value: Any) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    if not isinstance(value, list):
        return found
    for detail in value[:100]:
        if not isinstance(detail, Mapping):
            continue
        configuration = detail.get("credential_configuration_id")
        identifiers = detail.get("credential_identifiers")
        if isinstance(configuration, str) and isinstance(identifiers, list):
            found[configuration] = tuple(i for i in identifiers if isinstance(i, str))[:50]
    return found
