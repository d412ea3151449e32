"""Decentralized identifiers: resolve a verification method id to a public key, offline."""

from __future__ import annotations

from wallet.crypto.verification_method import ResolvedVerificationMethod
from wallet.did.did_jwk import did_jwk_from_public_key, resolve_did_jwk
from wallet.did.did_key import (
    did_key_from_public_key,
    did_key_verification_method_id,
    resolve_did_key,
)
from wallet.did.resolver import key_resolver, resolve_verification_method

__all__ = [
    "ResolvedVerificationMethod",
    "did_jwk_from_public_key",
    "did_key_from_public_key",
    "did_key_verification_method_id",
    "key_resolver",
    "resolve_did_jwk",
    "resolve_did_key",
    "resolve_verification_method",
]
