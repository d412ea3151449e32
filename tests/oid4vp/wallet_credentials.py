"""Credentials a learner holds in the OpenID4VP tests, freshly issued by the tiny did:key
issuer of the presentation tests, plus a VC 1.1 JWT (``jwt_vc_json``)."""

from __future__ import annotations

import json

from tests.share.presentation_credentials import VC1, Issuer
from wallet.crypto.jws import sign_compact_jws

LEARNING_VCT = "urn:eu.europa.ec.eudi:learning:credential:1"
VC_TYPE_IRI = "https://www.w3.org/2018/credentials#VerifiableCredential"


def vc11_jwt(issuer: Issuer) -> bytes:
    """A VC 1.1 JWT (``vc`` claim), EdDSA, for the holder."""
    claims = {
        "iss": issuer.did, "sub": issuer.holder, "nbf": int(issuer.issued.timestamp()),
        "jti": "urn:uuid:c0ffee00-1111-4222-8333-444455556666",
        "vc": {"@context": [VC1], "type": ["VerifiableCredential"],
               "credentialSubject": {"id": issuer.holder, "name": "Jana Nováková"}},
    }
    return sign_compact_jws({"typ": "JWT", "kid": issuer.method},
                            json.dumps(claims).encode(), issuer.key).encode()


__all__ = ["LEARNING_VCT", "VC_TYPE_IRI", "Issuer", "vc11_jwt"]
