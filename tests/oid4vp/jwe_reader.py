"""The verifier's side of ``direct_post.jwt`` for the scripted verifier: decrypt a compact
JWE (ECDH-ES, A128GCM/A256GCM) with the verifier's private key, written from RFC 7518 §4.6
and RFC 7516 §5.2 independently of the wallet's code."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int(text: str) -> int:
    return int.from_bytes(_b64(text), "big")


def decrypt(token: str, key: ec.EllipticCurvePrivateKey) -> tuple[dict[str, Any], Any]:
    """(protected header, decrypted JSON)."""
    protected, encrypted_key, iv, ciphertext, tag = token.split(".")
    header = json.loads(_b64(protected))
    assert header["alg"] == "ECDH-ES" and encrypted_key == ""
    epk = ec.EllipticCurvePublicNumbers(_int(header["epk"]["x"]), _int(header["epk"]["y"]),
                                        ec.SECP256R1()).public_key()
    z = key.exchange(ec.ECDH(), epk)
    bits = {"A128GCM": 128, "A256GCM": 256}[header["enc"]]
    enc = header["enc"].encode()
    other = (len(enc).to_bytes(4, "big") + enc + bytes(4) + bytes(4) + bits.to_bytes(4, "big"))
    cek = hashlib.sha256((1).to_bytes(4, "big") + z + other).digest()[: bits // 8]
    plain = AESGCM(cek).decrypt(_b64(iv), _b64(ciphertext) + _b64(tag), protected.encode())
    return header, json.loads(plain)
