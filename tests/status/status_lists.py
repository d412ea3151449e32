"""Real issuers for status tests: fresh Ed25519 keys, did:key / did:jwk identifiers, and
status list credentials signed with eddsa-rdfc-2022 or as JWTs, served by a local server."""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.net.local_server import local_server
from wallet.crypto.data_integrity import sign
from wallet.crypto.jws import sign_compact_jws
from wallet.did import (
    did_jwk_from_public_key,
    did_key_from_public_key,
    did_key_verification_method_id,
)
from wallet.net import allow_loopback_http

__all__ = ["local_server"]  # re-exported for conftest

NOW = datetime(2026, 6, 1, tzinfo=UTC)
VC2 = "https://www.w3.org/ns/credentials/v2"
VC1 = "https://www.w3.org/2018/credentials/v1"
DI2 = "https://w3id.org/security/data-integrity/v2"
SL2021 = "https://w3id.org/vc/status-list/2021/v1"
RL2020 = "https://w3id.org/vc-revocation-list-2020/v1"
MIN_BYTES = 16 * 1024  # 131,072 one-bit entries


@dataclass
class Issuer:
    key: ed25519.Ed25519PrivateKey

    @property
    def did(self) -> str:
        return did_key_from_public_key(self.key.public_key())

    @property
    def did_jwk(self) -> str:
        return did_jwk_from_public_key(self.key.public_key())

    def sign_di(self, document: dict[str, Any]) -> dict[str, Any]:
        return sign(
            document,
            private_key=self.key,
            verification_method=did_key_verification_method_id(self.key.public_key()),
            cryptosuite="eddsa-rdfc-2022",
            created=datetime(2026, 1, 1, tzinfo=UTC),
        )

    def sign_jwt(self, header: dict[str, Any], payload: dict[str, Any]) -> bytes:
        return sign_compact_jws(header, json.dumps(payload).encode(), self.key).encode()


@pytest.fixture
def issuer() -> Issuer:
    return Issuer(ed25519.Ed25519PrivateKey.generate())


@pytest.fixture
def loopback() -> Iterator[None]:
    with allow_loopback_http():
        yield


def bitstring(set_entries: Iterable[int], *, size_bytes: int = MIN_BYTES) -> bytearray:
    """MSB-first bits: entry i is bit (7 - i % 8) of byte i // 8."""
    bits = bytearray(size_bytes)
    for index in set_entries:
        bits[index // 8] |= 0x80 >> (index % 8)
    return bits


def encoded(bits: bytes, *, multibase: bool = True) -> str:
    text = base64.urlsafe_b64encode(gzip.compress(bytes(bits))).rstrip(b"=").decode()
    return "u" + text if multibase else text


def bitstring_list_credential(
    issuer: Issuer, url: str, *, purpose: str = "revocation", encoded_list: str,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "@context": [VC2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "id": url + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded_list,
        },
        **extra,
    }


def credential_with_status(issuer_id: str, *entries: dict[str, Any]) -> dict[str, Any]:
    """A credential's JSON as the status check sees it (its own signature is another check)."""
    return {
        "@context": [VC2],
        "id": "urn:uuid:5e1f4a1c-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential"],
        "issuer": issuer_id,
        "credentialSubject": {"id": "did:example:learner"},
        "credentialStatus": list(entries) if len(entries) != 1 else entries[0],
    }


def bitstring_entry(
    url: str, index: int, purpose: str = "revocation", **extra: Any
) -> dict[str, Any]:
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": url,
        **extra,
    }


def zlib_list(values: bytes) -> str:
    return base64.urlsafe_b64encode(zlib.compress(values)).rstrip(b"=").decode()


def body(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()
