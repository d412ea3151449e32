"""What every Data Integrity cryptosuite provides to the generic proof algorithm."""

from __future__ import annotations

from typing import Literal, Protocol

from cryptography.hazmat.primitives import hashes

from wallet.crypto.jwk import PrivateKey, PublicKey

# How a suite turns the document and proof configuration into bytes to hash: RDF Dataset
# Canonicalization (RDFC-1.0) or the JSON Canonicalization Scheme (RFC 8785).
Canonicalization = Literal["rdfc", "jcs"]


class SuiteIdentity(Protocol):
    """What names a suite and picks its keys (enough to resolve a proof's key)."""

    @property
    def name(self) -> str: ...

    @property
    def proof_type(self) -> str: ...

    @property
    def cryptosuite(self) -> str | None: ...

    def key_is_suitable(self, key: PublicKey) -> bool: ...


class Cryptosuite(Protocol):
    """One signature scheme over canonicalized documents.

    ``proof_type`` and ``cryptosuite`` are the values a proof carries (``cryptosuite`` is
    None for the pre-DataIntegrityProof suites such as Ed25519Signature2020).
    """

    @property
    def name(self) -> str: ...

    @property
    def proof_type(self) -> str: ...

    @property
    def cryptosuite(self) -> str | None: ...

    @property
    def canonicalization(self) -> Canonicalization: ...

    def key_is_suitable(self, key: PublicKey) -> bool: ...

    def hash_algorithm(self, key: PublicKey) -> hashes.HashAlgorithm: ...

    def verify_signature(self, key: PublicKey, signature: bytes, data: bytes) -> bool: ...

    def sign_data(self, key: PrivateKey, data: bytes) -> bytes: ...
