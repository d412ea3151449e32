"""Build a signed W3C Verifiable Presentation of the learner's chosen credentials.

The presentation names the holder's ``did:key`` as ``holder`` and carries a Data Integrity
proof (``DataIntegrityProof`` / ``eddsa-rdfc-2022``, proofPurpose ``authentication``) with the
verifier's challenge and domain when given, so a verifier knows who presents, that nothing
was changed, and that the presentation was made for this request.

What goes inside, credential by credential:

- W3C VC / Open Badges 3.0 JSON-LD and unsealed EDC JSON-LD: the credential object as it is
  (its own Data Integrity proof signs the canonical RDF, which embedding does not change).
- VC-JWT, SD-JWT VC and sealed EDC: an ``EnvelopedVerifiableCredential`` carrying the original
  bytes in a ``data:`` URL (:mod:`wallet.share.enveloped`). An SD-JWT VC reveals only the
  claims the learner chose (all when nothing was chosen); when its ``cnf`` key is the holder's
  own key and the verifier gave a challenge and a domain, a key binding JWT answers them too.
- Open Badges 2.0 and Europass XML credentials cannot be carried: a W3C presentation has no
  place for them, so asking for one is an error that says so.

Context: VC 2.0 (``https://www.w3.org/ns/credentials/v2``) when any credential is a VC 2.0
document or travels in an envelope (an enveloped credential is a VC 2.0 construct, and
VC 2.0's ``verifiableCredential`` resets the context, so VC 1.1 credentials sit safely inside
it); otherwise VC 1.1 plus the Data Integrity v2 context, which defines the proof's terms.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet.crypto import sd_jwt
from wallet.crypto.data_integrity import sign
from wallet.crypto.jwk import PrivateKey, public_key_from_jwk
from wallet.did import did_key_from_public_key, did_key_verification_method_id
from wallet.errors import FormatError, SharingError
from wallet.limits import MAX_CREDENTIALS_PER_PRESENTATION, MAX_INPUT_BYTES
from wallet.model import Credential, CredentialFormat
from wallet.share.enveloped import ENVELOPED_FORMATS, VC_2_CONTEXT, envelope
from wallet.translation import tr, tr_n

VC_1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
DATA_INTEGRITY_CONTEXT = "https://w3id.org/security/data-integrity/v2"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "authentication"
MAX_CHALLENGE_CHARS = 1024

_EMBEDDED_FORMATS = frozenset({CredentialFormat.VC_JSONLD, CredentialFormat.EDC_JSONLD})


@dataclass(frozen=True)
class PresentedCredential:
    """A credential to present; ``reveal`` picks an SD-JWT VC's claims (None: all of them)."""

    credential: Credential
    reveal: tuple[str, ...] | None = None


def build_presentation(
    credentials: Sequence[Credential | PresentedCredential],
    *,
    holder_key: ed25519.Ed25519PrivateKey,
    challenge: str | None = None,
    domain: str | None = None,
    created: datetime | None = None,
    presentation_id: str | None = None,
    binding_keys: Sequence[PrivateKey] = (),
) -> dict[str, Any]:
    """A signed Verifiable Presentation of ``credentials`` by the holder of ``holder_key``.

    ``binding_keys``: other keys of the wallet an SD-JWT VC may be bound to (``cnf``); the
    one that matches signs its key binding JWT (``holder_key`` is always tried first).

    Raises :class:`SharingError` for what cannot be presented (no credentials, a format a
    presentation cannot carry, a claim to reveal that does not exist, a bad challenge).
    """
    # 0. What was asked for: one credential at least, and a well-formed request.
    chosen = _chosen(credentials)
    if challenge is not None:
        _check_request_value(challenge, tr("The challenge"))
    if domain is not None:
        _check_request_value(domain, tr("The domain"))
    # 1. Each credential as the presentation carries it.
    keys = (holder_key, *binding_keys)
    items = [
        _item(number, c, keys=keys, challenge=challenge, domain=domain)
        for number, c in enumerate(chosen, start=1)
    ]
    # 2. The context: VC 2.0 when anything needs it, else VC 1.1 with the proof's context.
    needs_v2 = any(
        c.credential.format in ENVELOPED_FORMATS or _is_vc2(c.credential) for c in chosen
    )
    context: list[str] = [VC_2_CONTEXT] if needs_v2 else [VC_1_CONTEXT, DATA_INTEGRITY_CONTEXT]
    presentation: dict[str, Any] = {
        "@context": context,
        "id": presentation_id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiablePresentation"],
        "holder": did_key_from_public_key(holder_key.public_key()),
        "verifiableCredential": items,
    }
    # 3. The holder's proof: eddsa-rdfc-2022, for authentication, bound to the request.
    signed = _signed(presentation, holder_key, challenge=challenge, domain=domain, created=created)
    # 4. Kredo (and anyone with the same limits) must be able to read what it wrote.
    if len(presentation_bytes(signed)) > MAX_INPUT_BYTES:
        raise SharingError(
            tr(
                "The presentation would be larger than {size} MB; "
                "present fewer credentials at once.",
                size=MAX_INPUT_BYTES // (1024 * 1024),
            )
        )
    return signed


def _chosen(credentials: Sequence[Credential | PresentedCredential]) -> list[PresentedCredential]:
    chosen = [c if isinstance(c, PresentedCredential) else PresentedCredential(c)
              for c in credentials]
    if not chosen:
        raise SharingError(tr("Choose at least one credential to present."))
    if len(chosen) > MAX_CREDENTIALS_PER_PRESENTATION:
        raise SharingError(
            tr_n(
                "A presentation carries up to {n} credential.",
                "A presentation carries up to {n} credentials.",
                MAX_CREDENTIALS_PER_PRESENTATION,
            )
        )
    return chosen


def _signed(
    presentation: dict[str, Any],
    holder_key: ed25519.Ed25519PrivateKey,
    *,
    challenge: str | None,
    domain: str | None,
    created: datetime | None,
) -> dict[str, Any]:
    try:
        return sign(
            presentation,
            private_key=holder_key,
            verification_method=did_key_verification_method_id(holder_key.public_key()),
            cryptosuite=CRYPTOSUITE,
            purpose=PROOF_PURPOSE,
            challenge=challenge,
            domain=domain,
            created=created,
        )
    except FormatError as exc:
        raise SharingError(
            tr(
                "The presentation cannot be signed: a credential in it uses terms no bundled "
                "JSON-LD context defines, so the signature would not cover them."
            ),
            details=exc.details,
        ) from None


def presentation_bytes(presentation: dict[str, Any]) -> bytes:
    """The file form: UTF-8 JSON, indented for people (the proof signs RDF, not bytes)."""
    return (json.dumps(presentation, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _item(
    number: int,
    chosen: PresentedCredential,
    *,
    keys: Sequence[PrivateKey],
    challenge: str | None,
    domain: str | None,
) -> dict[str, Any]:
    credential = chosen.credential
    if chosen.reveal is not None and credential.format is not CredentialFormat.SD_JWT_VC:
        raise SharingError(
            tr(
                "Credential {number} is a {format}; only SD-JWT VC credentials "
                "let you choose which claims to reveal.",
                number=number,
                format=credential.format.label,
            )
        )
    if credential.format in _EMBEDDED_FORMATS:
        if not isinstance(credential.document, dict):
            raise SharingError(
                tr("Credential {number} has no JSON-LD document to embed.", number=number)
            )
        return dict(credential.document)
    if credential.format is CredentialFormat.SD_JWT_VC:
        token = _selective_disclosure(
            credential, chosen.reveal, keys=keys, nonce=challenge, audience=domain
        )
        return envelope(credential, token.encode("ascii"))
    if credential.format in ENVELOPED_FORMATS:
        return envelope(credential)
    raise SharingError(
        tr(
            "Credential {number} is a {format}, which a W3C presentation cannot "
            "carry; share it as a file or a QR code instead.",
            number=number,
            format=credential.format.label,
        )
    )


def _selective_disclosure(
    credential: Credential,
    reveal: Collection[str] | None,
    *,
    keys: Sequence[PrivateKey],
    nonce: str | None,
    audience: str | None,
) -> str:
    token = credential.signed_bytes.decode("ascii").strip()
    paths = sd_jwt.disclosable_claims(token) if reveal is None else tuple(reveal)
    bound_key = confirmed_key(credential.document, keys) if nonce and audience else None
    return sd_jwt.present(token, paths, holder_key=bound_key, nonce=nonce, audience=audience)


def confirmed_key(claims: Any, keys: Sequence[PrivateKey]) -> PrivateKey | None:
    """The wallet key the SD-JWT's ``cnf.jwk`` names, if the wallet has it."""
    cnf = claims.get("cnf") if isinstance(claims, dict) else None
    jwk = cnf.get("jwk") if isinstance(cnf, dict) else None
    if not isinstance(jwk, dict):
        return None
    try:
        confirmed = public_key_from_jwk(jwk)
    except FormatError:
        return None
    return next((key for key in keys if key.public_key() == confirmed), None)


def _is_vc2(credential: Credential) -> bool:
    document = credential.document
    context = document.get("@context") if isinstance(document, dict) else None
    first = context[0] if isinstance(context, list) and context else context
    return first == VC_2_CONTEXT


def _check_request_value(value: str, what: str) -> None:
    """``what`` names the value as the subject of a sentence (``tr("The challenge")``)."""
    if not value.strip():
        raise SharingError(
            tr("{what} is empty; leave it out or give the verifier's value.", what=what)
        )
    if len(value) > MAX_CHALLENGE_CHARS:
        raise SharingError(
            tr_n(
                "{what} is longer than {n} character.",
                "{what} is longer than {n} characters.",
                MAX_CHALLENGE_CHARS,
                what=what,
            )
        )
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise SharingError(tr("{what} contains control characters.", what=what))
