"""Whether a W3C credential (``jwt_vc_json``, ``ldp_vc``) is bound to a key the wallet holds.

OpenID4VP 1.0 §6.1: ``require_cryptographic_holder_binding`` (true unless the verifier says
false) asks for a presentation that proves the credential is the holder's. A W3C credential
names its holder as the subject's ``id`` (and a VC-JWT as ``sub``); the presentation proves
possession only when that id is the DID of a key in the wallet — signing with some other
wallet key would prove nothing about the credential. So a credential whose subject is
another DID, or that names no DID at all (a sealed EDC about a person by name, a badge
issued to an e-mail address), is not offered when binding is required; the sentence says
which of the two.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet.crypto.jwk import PublicKey
from wallet.did import did_jwk_from_public_key, did_key_from_public_key
from wallet.errors import WalletError
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr


def wallet_dids(keys: Sequence[PublicKey]) -> frozenset[str]:
    """The DIDs (did:key, did:jwk) of the wallet's keys."""
    found: set[str] = set()
    for key in keys:
        if isinstance(key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey):
            # A curve did:key has no code for is still named by its did:jwk.
            with contextlib.suppress(WalletError):
                found.add(did_key_from_public_key(key))
        with contextlib.suppress(WalletError):
            found.add(did_jwk_from_public_key(key))
    return frozenset(found)


def subject_ids(credential: Credential) -> tuple[str, ...]:
    """Whom the credential names as its holder: a VC-JWT's ``sub`` and the ``id`` of each
    ``credentialSubject`` (of the ``vc`` claim of a VC 1.1 JWT)."""
    document = credential.document
    if not isinstance(document, dict):
        return ()
    found: list[str] = []
    if credential.format is CredentialFormat.VC_JWT:
        sub = document.get("sub")
        if isinstance(sub, str):
            found.append(sub)
        inner = document.get("vc")
        if isinstance(inner, dict):
            document = inner
    found += _subject_ids(document.get("credentialSubject"))
    return tuple(dict.fromkeys(found))


def _subject_ids(subjects: Any) -> Iterable[str]:
    for subject in subjects if isinstance(subjects, list) else [subjects]:
        if isinstance(subject, dict) and isinstance(subject.get("id"), str):
            yield subject["id"]


def binding_refusal(credential: Credential, dids: Collection[str]) -> str | None:
    """None when the credential's subject is one of ``dids`` (a DID URL counts as its DID);
    else the sentence that says why it cannot be offered."""
    named = [i.partition("#")[0] for i in subject_ids(credential)]
    if any(did in dids for did in named):
        return None
    others = [did for did in named if did.startswith("did:")]
    if others:
        return tr("Not offered: this credential was issued to another holder ({holder}), "
                  "not to a key in this wallet, and the verifier asks for proof that it is "
                  "yours.", holder=others[0][:80])
    return tr("Not offered: this credential is not bound to any holder key, and the verifier "
              "asks for proof that it is yours.")
