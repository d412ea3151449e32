"""The ``vp_token`` (OpenID4VP 1.0 §8.1): for each answered credential query, the chosen
credentials as presentations bound to this request.

- ``dc+sd-jwt``: the SD-JWT with only the disclosures asked for, and a key binding JWT
  (``nonce``; ``aud`` = the client identifier) signed by the key its ``cnf`` names (§B.3.6).
- ``jwt_vc_json``: a VP-JWT signed by the holder (``nonce``, ``aud`` = client identifier),
  with the VC-JWT inside (§B.1.3.1).
- ``ldp_vc``: a W3C presentation with a Data Integrity proof whose ``challenge`` is the
  nonce and ``domain`` the client identifier (§B.1.3.2), built by :mod:`wallet.share`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto import sd_jwt
from wallet.crypto.jwk import PrivateKey
from wallet.crypto.jws import sign_compact_jws
from wallet.did import (
    did_jwk_from_public_key,
    did_key_from_public_key,
    did_key_verification_method_id,
)
from wallet.errors import SharingError
from wallet.model import Credential, CredentialFormat
from wallet.share.oid4vp.holder_binding import subject_ids
from wallet.share.oid4vp.matching import Candidate
from wallet.share.presentation import VC_1_CONTEXT, build_presentation, confirmed_key
from wallet.translation import tr

VP_JWT_LIFETIME = 300


@dataclass(frozen=True)
class HolderKeys:
    """The wallet's keys: the default profile's (signs presentations) and every other key a
    credential may be bound to."""

    profile_key: ed25519.Ed25519PrivateKey = field(repr=False)
    binding_keys: Sequence[PrivateKey] = field(default=(), repr=False)


@dataclass(frozen=True)
class Answer:
    """What will be sent: the ``vp_token`` and, per query, what went (for the log)."""

    vp_token: Mapping[str, list[Any]]
    shared: Mapping[str, tuple[Candidate, ...]]


def build_vp_token(
    chosen: Mapping[str, Sequence[Candidate]], *, nonce: str, client_id: str, keys: HolderKeys
) -> Answer:
    token: dict[str, list[Any]] = {}
    for query_id, candidates in chosen.items():
        token[query_id] = [_presentation(c, nonce=nonce, client_id=client_id, keys=keys)
                           for c in candidates]
    return Answer(token, {q: tuple(c) for q, c in chosen.items()})


def _presentation(candidate: Candidate, *, nonce: str, client_id: str,
                  keys: HolderKeys) -> Any:
    credential = candidate.credential
    if credential.format is CredentialFormat.SD_JWT_VC:
        return _sd_jwt(credential, candidate.disclose or (), nonce, client_id, keys)
    if credential.format is CredentialFormat.VC_JWT:
        return _vp_jwt(credential, nonce, client_id, keys)
    return build_presentation([credential], holder_key=_ldp_holder_key(credential, keys),
                              challenge=nonce, domain=client_id,
                              binding_keys=keys.binding_keys)


def _ldp_holder_key(credential: Credential, keys: HolderKeys) -> ed25519.Ed25519PrivateKey:
    """The wallet's Ed25519 key whose did:key the credential names as its subject (the
    holder binding the verifier checks), else the default profile's."""
    subjects = {s.partition("#")[0] for s in subject_ids(credential)}
    for key in (keys.profile_key, *keys.binding_keys):
        if (isinstance(key, ed25519.Ed25519PrivateKey)
                and did_key_from_public_key(key.public_key()) in subjects):
            return key
    return keys.profile_key


def _sd_jwt(credential: Credential, disclose: Sequence[str], nonce: str, client_id: str,
            keys: HolderKeys) -> str:
    token = credential.signed_bytes.decode("ascii").strip()
    bound = confirmed_key(credential.document, (keys.profile_key, *keys.binding_keys))
    return sd_jwt.present(token, disclose, holder_key=bound, nonce=nonce, audience=client_id)


def _vp_jwt(credential: Credential, nonce: str, client_id: str, keys: HolderKeys) -> str:
    key, did, kid = _subject_key(credential.document, keys)
    now = int(time.time())
    payload = {
        "iss": did, "aud": client_id, "nonce": nonce, "iat": now, "nbf": now,
        "exp": now + VP_JWT_LIFETIME, "jti": f"urn:uuid:{uuid.uuid4()}",
        "vp": {"@context": [VC_1_CONTEXT], "type": ["VerifiablePresentation"], "holder": did,
               "verifiableCredential": [credential.signed_bytes.decode("ascii").strip()]},
    }
    return sign_compact_jws({"typ": "JWT", "kid": kid}, json.dumps(payload).encode(), key)


def _subject_key(claims: Any, keys: HolderKeys) -> tuple[PrivateKey, str, str]:
    """The wallet key whose DID the credential names as its subject (``sub``), else the
    default profile's: the verifier checks that holder and subject agree."""
    subject = claims.get("sub") if isinstance(claims, dict) else None
    for key in (keys.profile_key, *keys.binding_keys):
        public = key.public_key()
        if isinstance(public, ed25519.Ed25519PublicKey):
            did = did_key_from_public_key(public)
            if did == subject:
                return key, did, did_key_verification_method_id(public)
        elif did_jwk_from_public_key(public) == subject:
            return key, str(subject), f"{subject}#0"
    if subject is not None and not isinstance(subject, str):
        raise SharingError(tr("The credential names its holder in a form Kredo cannot read."))
    public_profile = keys.profile_key.public_key()
    return (keys.profile_key, did_key_from_public_key(public_profile),
            did_key_verification_method_id(public_profile))
