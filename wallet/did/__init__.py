"""Decentralized identifiers: resolve a verification method id to a public key, offline."""

from __future__ import annotations

from wallet.did.did_jwk import did_jwk_from_public_key, resolve_did_jwk
from wallet.did.did_key import (
    did_key_from_public_key,
    did_key_verification_method_id,
    resolve_did_key,
)
from wallet.did.resolver import resolve_verification_method
from wallet.did.verification_method import ResolvedVerificationMethod

__all__ = [
    "ResolvedVerificationMethod",
    "did_jwk_from_public_key",
    "did_key_from_public_key",
    "did_key_verification_method_id",
    "resolve_did_jwk",
    "resolve_did_key",
    "resolve_verification_method",
]
