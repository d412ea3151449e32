"""Receiving credentials from issuers: OpenID4VCI offers and links to hosted credentials.

The steps a face walks through are in :mod:`wallet.issuance.session`; a credential behind a
plain https link is fetched by :mod:`wallet.issuance.linked_credential`. See
``docs/openid4vci.md`` for the protocol versions, flows and limits.
"""

from __future__ import annotations

from wallet.issuance.issuer_http import NetworkPolicy
from wallet.issuance.linked_credential import LinkedCredential, fetch_linked_credential
from wallet.issuance.offer import (
    CredentialOffer,
    OfferReference,
    TransactionCodeSpec,
    parse_offer_text,
)
from wallet.issuance.proof_keys import wallet_key_provider
from wallet.issuance.session import (
    BrowserSignIn,
    IssuanceResult,
    OfferPreview,
    PendingCredential,
    ReceivedCredential,
    collect_deferred,
    preview_offer,
    redeem_offer,
)

__all__ = [
    "BrowserSignIn",
    "CredentialOffer",
    "IssuanceResult",
    "LinkedCredential",
    "NetworkPolicy",
    "OfferPreview",
    "OfferReference",
    "PendingCredential",
    "ReceivedCredential",
    "TransactionCodeSpec",
    "collect_deferred",
    "fetch_linked_credential",
    "parse_offer_text",
    "preview_offer",
    "redeem_offer",
    "wallet_key_provider",
]
