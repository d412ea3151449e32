"""Encrypt the answer to the verifier: JWE compact serialization with ECDH-ES (direct key
agreement) and AES-GCM, as OpenID4VP 1.0 §8.3 and HAIP require for ``direct_post.jwt``.

RFC 7516 §5.1 and RFC 7518 §4.6, step by step in :func:`encrypt_compact`. Only P-256 keys
(HAIP's curve) and A128GCM / A256GCM; the verifier's key comes from its ``client_metadata``
``jwks`` (a key for encryption: ``use`` absent or ``enc``, ``alg`` absent or ``ECDH-ES``).
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.concatkdf import ConcatKDFHash

from wallet.base64url import b64url_encode
from wallet.crypto.jwk import jwk_from_public_key, public_key_from_jwk
from wallet.errors import PresentationRequestError, WalletError
from wallet.translation import tr

KEY_AGREEMENT = "ECDH-ES"
KEY_BITS = {"A128GCM": 128, "A256GCM": 256}


@dataclass(frozen=True)
class EncryptionKey:
    """The verifier's key chosen for this answer, with its ``kid`` and the method to use."""

    public_key: ec.EllipticCurvePublicKey
    kid: str | None
    enc: str


def choose_key(jwks: Sequence[Mapping[str, Any]], methods: Sequence[str]) -> EncryptionKey:
    """The first P-256 key meant for ECDH-ES, and the verifier's first method Kredo has."""
    enc = next((m for m in methods if m in KEY_BITS), None)
    if enc is None:
        raise PresentationRequestError(
            tr("The verifier accepts only encryptions Kredo does not make ({methods}); Kredo "
               "encrypts with A128GCM or A256GCM.", methods=", ".join(methods)[:80]))
    for jwk in jwks:
        if (jwk.get("kty") != "EC" or jwk.get("crv") != "P-256"
                or jwk.get("use", "enc") != "enc" or jwk.get("alg", KEY_AGREEMENT)
                != KEY_AGREEMENT):
            continue
        try:
            key = public_key_from_jwk(jwk)
        except WalletError:
            continue
        if isinstance(key, ec.EllipticCurvePublicKey):
            kid = jwk.get("kid")
            return EncryptionKey(key, kid if isinstance(kid, str) else None, enc)
    raise PresentationRequestError(
        tr("The verifier gives no P-256 key Kredo can encrypt its answer to."))


def encrypt_compact(plaintext: bytes, key: EncryptionKey) -> str:
    # RFC 7518 §4.6: a fresh ephemeral key on the verifier's curve; the shared secret Z.
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    shared = ephemeral.exchange(ec.ECDH(), key.public_key)
    # RFC 7516 §5.1 step 1-2: with ECDH-ES direct agreement the CEK is the derived key and
    # the JWE Encrypted Key is empty.
    header: dict[str, Any] = {"alg": KEY_AGREEMENT, "enc": key.enc,
                              "epk": jwk_from_public_key(ephemeral.public_key())}
    if key.kid is not None:
        header["kid"] = key.kid
    content_key = _concat_kdf(shared, key.enc, KEY_BITS[key.enc])
    # Step 9-14: the protected header (base64url ASCII) is the additional authenticated data.
    protected = b64url_encode(json.dumps(header, separators=(",", ":")).encode("utf-8"))
    iv = os.urandom(12)
    sealed = AESGCM(content_key).encrypt(iv, plaintext, protected.encode("ascii"))
    ciphertext, tag = sealed[:-16], sealed[-16:]
    # Step 19: compact serialization, five parts.
    return ".".join([protected, "", b64url_encode(iv), b64url_encode(ciphertext),
                     b64url_encode(tag)])


def _concat_kdf(shared: bytes, enc: str, bits: int) -> bytes:
    """RFC 7518 §4.6.2: AlgorithmID is ``enc`` in direct mode; PartyUInfo and PartyVInfo are
    empty (no ``apu``/``apv``); SuppPubInfo is the key length in bits."""
    other = (_length_prefixed(enc.encode("ascii")) + _length_prefixed(b"")
             + _length_prefixed(b"") + struct.pack(">I", bits))
    return ConcatKDFHash(algorithm=hashes.SHA256(), length=bits // 8,
                         otherinfo=other).derive(shared)


def _length_prefixed(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data
