"""What Kredo tells a verifier it supports (OpenID4VP 1.0 §10: wallet metadata), sent with a
``request_uri_method=post`` fetch so the verifier can shape its request."""

from __future__ import annotations

from typing import Any

from wallet.share.oid4vp.dcql import JWT_VC_JSON, LDP_VC, SD_JWT_VC
from wallet.share.oid4vp.verifier_identity import ACCEPTED_PREFIXES

SIGNING_ALGS = ["EdDSA", "ES256", "ES384", "RS256", "PS256"]


def wallet_metadata() -> dict[str, Any]:
    return {
        "vp_formats_supported": {
            SD_JWT_VC: {"sd-jwt_alg_values": SIGNING_ALGS, "kb-jwt_alg_values": ["EdDSA",
                                                                               "ES256"]},
            JWT_VC_JSON: {"alg_values": SIGNING_ALGS},
            LDP_VC: {"proof_type_values": ["DataIntegrityProof", "Ed25519Signature2020"],
                     "cryptosuite_values": ["eddsa-rdfc-2022", "ecdsa-rdfc-2019"]},
        },
        "client_id_prefixes_supported": list(ACCEPTED_PREFIXES),
        "request_object_signing_alg_values_supported": SIGNING_ALGS,
        "response_types_supported": ["vp_token"],
        "response_modes_supported": ["direct_post", "direct_post.jwt"],
        "authorization_encryption_alg_values_supported": ["ECDH-ES"],
        "authorization_encryption_enc_values_supported": ["A128GCM", "A256GCM"],
    }
