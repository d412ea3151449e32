"""Credentials secured by an envelope travel in a presentation as ``EnvelopedVerifiableCredential``.

VC Data Model 2.0 §4.13: the object's ``id`` is a ``data:`` URL of the secured credential,
byte for byte as the issuer made it, so its signature still covers what the verifier reads.
Media types:

- VC 2.0 JWT (``typ: vc+jwt``): ``application/vc+jwt`` (VC-JOSE-COSE §3.1.1).
- VC 1.1 JWT (``vc`` claim) and Open Badges 3.0 JWT: ``application/jwt`` (RFC 7519 §10.3.1);
  ``vc+jwt`` promises a VC 2.0 payload, which they do not have.
- SD-JWT VC: ``application/dc+sd-jwt`` (draft-ietf-oauth-sd-jwt-vc); a token typed with the
  older ``vc+sd-jwt`` keeps ``application/vc+sd-jwt`` so the type and media type agree.
- Sealed European Digital Credential: ``application/jose+json``. ETSI TS 119 182-1 (JAdES)
  registers no media type of its own and no registry has one for JAdES; the seal is a JWS in
  the JSON serialization, which RFC 7515 §9.2.2 registers as ``application/jose+json`` (the
  EBSI JAdES profile names the same: ``application/jose`` for the compact serialization,
  ``application/jose+json`` for the JSON ones). Its bytes are base64 in the URL (the JSON
  has characters a URL cannot carry as they are).

In OpenID4VP a sealed EDC answers an ``ldp_vc`` query as such an envelope inside the holder's
Data Integrity presentation, never as ``jwt_vc_json``: EDCs are sealed in the JWS JSON
serialization with an unencoded (``b64: false``) payload, which has no compact form, and their
payload is an ELM JSON-LD credential rather than the JWT claims set (``iss``, ``vc``, ...)
that ``jwt_vc_json`` (OpenID4VP 1.0 §B.1) promises; re-sealing it as a JWT would drop the
qualified seal, the one thing that makes the EDC worth sending (docs/openid4vp.md).

JWTs and SD-JWTs are URL-safe already (base64url, ``.`` and ``~``), so they go in unencoded,
as the VC 2.0 examples show.
"""

from __future__ import annotations

import base64
from typing import Any

from wallet.errors import SharingError
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr

ENVELOPED_TYPE = "EnvelopedVerifiableCredential"
VC_2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
JADES_MEDIA_TYPE = "application/jose+json"
_SD_JWT_MEDIA_TYPES = {"vc+sd-jwt": "application/vc+sd-jwt"}
_DEFAULT_SD_JWT_MEDIA_TYPE = "application/dc+sd-jwt"

ENVELOPED_FORMATS = frozenset(
    {CredentialFormat.VC_JWT, CredentialFormat.SD_JWT_VC, CredentialFormat.EDC_SEALED}
)


def envelope(credential: Credential, secured: bytes | None = None) -> dict[str, Any]:
    """The ``EnvelopedVerifiableCredential`` object for ``credential``.

    ``secured`` replaces the credential's signed bytes (an SD-JWT with fewer disclosures).
    """
    data = credential.signed_bytes if secured is None else secured
    return {
        "@context": [VC_2_CONTEXT],
        "id": data_url(media_type(credential), data),
        "type": ENVELOPED_TYPE,
    }


def media_type(credential: Credential) -> str:
    if credential.format is CredentialFormat.VC_JWT:
        header = credential.extras.get("jws_header") or {}
        return "application/vc+jwt" if header.get("typ") == "vc+jwt" else "application/jwt"
    if credential.format is CredentialFormat.SD_JWT_VC:
        header = credential.extras.get("jws_header") or {}
        return _SD_JWT_MEDIA_TYPES.get(str(header.get("typ")), _DEFAULT_SD_JWT_MEDIA_TYPE)
    if credential.format is CredentialFormat.EDC_SEALED:
        return JADES_MEDIA_TYPE
    raise SharingError(
        tr("A {format} is not carried in an envelope.", format=credential.format.label)
    )


def data_url(media: str, data: bytes) -> str:
    if media == JADES_MEDIA_TYPE:
        return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        raise SharingError(
            tr("The credential token is not plain ASCII, so it cannot be shared.")
        ) from None
    if not text or any(not (c.isalnum() or c in "-_.~") for c in text):
        raise SharingError(tr("The credential token has characters a token cannot contain."))
    return f"data:{media},{text}"
