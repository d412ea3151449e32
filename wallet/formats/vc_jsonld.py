"""W3C VC 1.1 / 2.0 JSON-LD and Open Badges 3.0 credentials (Data Integrity proofs).

European Digital Credentials are VCs too, but they belong to ``wallet.formats.edc``: their
``EuropeanDigitalCredential`` type, their ``data.europa.eu/snb`` context and their JAdES
``{"payload", "signatures"}`` wrapper are left alone here.
"""

from __future__ import annotations

from typing import Any

from wallet.errors import MalformedCredential, NotACredential, WalletError
from wallet.formats.vc_view import view_from_vc
from wallet.json_input import load_json_object, looks_like_json_object
from wallet.json_values import as_list
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr

MEDIA_TYPE = "application/vc+ld+json"
VC_TYPES = frozenset({"VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"})
_EDC_TYPE = "EuropeanDigitalCredential"
_EDC_CONTEXT = "data.europa.eu/snb"
_KEY_FIELDS = ("publicKeyMultibase", "privateKeyMultibase", "secretKeyMultibase",
               "publicKeyJwk", "privateKeyJwk")
_CONTROLLER_FIELDS = ("verificationMethod", "assertionMethod", "authentication")


def types_of(obj: dict[str, Any]) -> set[str]:
    return {t for t in as_list(obj.get("type")) if isinstance(t, str)}


def contexts_of(obj: dict[str, Any]) -> list[str]:
    return [c for c in as_list(obj.get("@context")) if isinstance(c, str)]


def is_edc(obj: dict[str, Any]) -> bool:
    """What ``wallet.formats.edc`` reads: leave it to that module."""
    if "payload" in obj and "signatures" in obj:
        return True
    return _EDC_TYPE in types_of(obj) or any(_EDC_CONTEXT in c for c in contexts_of(obj))


def is_vc_object(obj: dict[str, Any]) -> bool:
    return bool(types_of(obj) & VC_TYPES) and not is_edc(obj)


def detect(raw: bytes) -> bool:
    if not looks_like_json_object(raw):
        return False
    try:
        obj = load_json_object(raw)
    except WalletError:
        return False
    return is_vc_object(obj) and "VerifiablePresentation" not in types_of(obj)


def parse(raw: bytes) -> Credential:
    obj = load_json_object(raw, what=tr("The credential"))
    check_vc_object(obj)
    return Credential(
        raw=raw,
        format=CredentialFormat.VC_JSONLD,
        document=obj,
        view=view_from_vc(obj),
        media_type=MEDIA_TYPE,
        extras={"proof_types": _proof_types(obj)},
    )


def check_vc_object(obj: dict[str, Any], *, what: str | None = None) -> None:
    """Raise a typed error unless ``obj`` is a W3C VC / OB 3.0 credential object.

    ``what`` names it in sentences (a ``tr()`` sentence); the default is "The credential".
    """
    if any(k in obj for k in _KEY_FIELDS):
        raise NotACredential(tr("This file holds key material, not a credential."))
    if any(k in obj for k in _CONTROLLER_FIELDS) and not types_of(obj) & VC_TYPES:
        raise NotACredential(tr(
            "This file is a DID or controller document (it lists keys), not a credential."
        ))
    if is_edc(obj):
        raise NotACredential(tr(
            "This is a European Digital Credential, not a W3C Verifiable Credential."
        ))
    if "VerifiablePresentation" in types_of(obj):
        raise NotACredential(
            tr("This is a presentation; import it to read the credentials inside.")
        )
    if not types_of(obj) & VC_TYPES:
        raise NotACredential(tr(
            "This JSON is not a Verifiable Credential (its type names no credential)."
        ))
    if not any(isinstance(s, dict) for s in as_list(obj.get("credentialSubject"))):
        raise MalformedCredential(
            tr("{what} has no credential subject.", what=what or tr("The credential"))
        )
    issuer = obj.get("issuer")
    if not (isinstance(issuer, str) and issuer.strip()) and not isinstance(issuer, dict):
        raise MalformedCredential(
            tr("{what} names no issuer.", what=what or tr("The credential"))
        )


def _proof_types(obj: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for proof in as_list(obj.get("proof")):
        if isinstance(proof, dict):
            suite = proof.get("cryptosuite") or proof.get("type")
            if isinstance(suite, str):
                names.append(suite)
    return names
