"""VC-JWT: VC 1.1 JWTs (``vc`` claim), VC 2.0 ``vc+jwt`` and Open Badges 3.0 JWTs.

The signature covers the compact form, so ``raw`` stays exactly as read. In a VC 1.1 JWT the
registered claims stand for credential properties (VC Data Model 1.1 §6.3.1): ``iss`` →
``issuer``, ``nbf`` → ``issuanceDate``, ``exp`` → ``expirationDate``, ``jti`` → ``id``,
``sub`` → ``credentialSubject.id``. The view is built from the credential with those claims
applied, because they are what the signature vouches for.
"""

from __future__ import annotations

import copy
from typing import Any

from wallet.crypto.jws_compact import CompactJws, peek_payload_object
from wallet.errors import NotACredential
from wallet.formats.vc_jsonld import check_vc_object, is_edc, types_of
from wallet.formats.vc_view import view_from_vc
from wallet.formats.vc_view_values import parse_epoch
from wallet.json_values import first_object
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr

VC2_TYPS = frozenset({"vc+jwt", "vc+ld+jwt", "application/vc+jwt", "application/vc+ld+jwt"})
_VC_TYPES = frozenset({"VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"})


def detect(raw: bytes) -> bool:
    payload = peek_payload_object(raw)
    return payload is not None and is_vc_jwt_payload(payload)


def is_vc_jwt_payload(payload: dict[str, Any]) -> bool:
    """A VC 1.1 ``vc`` claim, or a VC 2.0 payload that is itself a credential."""
    if "vp" in payload or "VerifiablePresentation" in types_of(payload):
        return False
    vc_claim = payload.get("vc")
    credential: dict[str, Any] = vc_claim if isinstance(vc_claim, dict) else payload
    return bool(types_of(credential) & _VC_TYPES) and not is_edc(credential)


def parse(raw: bytes) -> Credential:
    jws = CompactJws.from_text(raw, what=tr("The credential token"))
    payload = jws.payload_object(what=tr("The credential token payload"))
    if not is_vc_jwt_payload(payload):
        raise NotACredential(tr("This token does not carry a Verifiable Credential."))
    vc_claim = payload.get("vc")
    if isinstance(vc_claim, dict):
        credential = credential_with_jwt_claims(vc_claim, payload)
        media_type = "application/jwt"
    else:
        credential = credential_with_jwt_claims(payload, payload, only_missing=True)
        media_type = "application/vc+jwt"
    check_vc_object(credential, what=tr("The credential token"))
    return Credential(
        raw=raw,
        format=CredentialFormat.VC_JWT,
        document=payload,
        view=view_from_vc(credential),
        media_type=media_type,
        extras={"jws_header": jws.header},
    )


def credential_with_jwt_claims(
    credential: dict[str, Any], claims: dict[str, Any], *, only_missing: bool = False
) -> dict[str, Any]:
    """A copy of ``credential`` with the JWT registered claims applied (VC-JWT 1.1 rules).

    ``only_missing`` (VC 2.0) keeps the credential's own properties: there the payload *is*
    the credential and the registered claims merely repeat it.
    """
    merged = copy.deepcopy(credential)

    def put(key: str, value: Any) -> None:
        if value is not None and (not only_missing or key not in merged):
            merged[key] = value

    iss = claims.get("iss")
    if isinstance(iss, str) and iss:
        issuer = merged.get("issuer")
        if isinstance(issuer, dict):
            if not only_missing or "id" not in issuer:
                merged["issuer"] = {**issuer, "id": iss}
        else:
            put("issuer", iss)
    nbf = parse_epoch(claims.get("nbf"))
    if nbf is not None and "validFrom" not in merged:
        put("issuanceDate", nbf.isoformat())
    exp = parse_epoch(claims.get("exp"))
    if exp is not None and "validUntil" not in merged:
        put("expirationDate", exp.isoformat())
    jti = claims.get("jti")
    if isinstance(jti, str) and jti:
        put("id", jti)
    sub = claims.get("sub")
    subject = first_object(merged.get("credentialSubject"))
    if isinstance(sub, str) and sub and subject is not None and (
        not only_missing or "id" not in subject
    ):
        subject["id"] = sub
    return merged
