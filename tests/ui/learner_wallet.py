"""A learner's wallet for the OpenID4VP GUI tests: an SD-JWT VC bound to the wallet's own
holder key (given_name, family_name and ects disclosable) and a VC 1.1 JWT about the learner,
freshly issued by the tiny did:key issuer of the presentation tests; and verifiers' links."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.oid4vp.wallet_credentials import LEARNING_VCT, Issuer, vc11_jwt
from wallet.app.importing import import_bytes
from wallet.net import allow_loopback_http
from wallet.share.holder import HolderProfiles
from wallet.store.wallet import OpenWallet

LEARNING_QUERY: dict[str, Any] = {
    "id": "learning", "format": "dc+sd-jwt", "meta": {"vct_values": [LEARNING_VCT]},
    "claims": [{"id": "family", "path": ["family_name"]},
               {"id": "given", "path": ["given_name"]},
               {"id": "ects", "path": ["ects"]}],
    # given_name is optional: the verifier also accepts the answer without it
    "claim_sets": [["family", "given", "ects"], ["family", "ects"]],
}
VC_QUERY: dict[str, Any] = {"id": "course", "format": "jwt_vc_json",
                            "meta": {"type_values": [["VerifiableCredential"]]}}


@pytest.fixture
def loopback() -> Iterator[None]:
    """Test verifiers run on 127.0.0.1 without certificates."""
    with allow_loopback_http():
        yield


def fill_wallet(opened: OpenWallet) -> None:
    """The learner's two credentials, imported as a file would be."""
    profile = HolderProfiles(opened.repository).default()
    issuer = Issuer(holder=profile.did)
    for raw in (issuer.sd_jwt(cnf_key=profile.signing_key().public_key()), vc11_jwt(issuer)):
        (outcome,) = import_bytes(opened.repository, raw, source="test")
        assert outcome.status == "imported", outcome.error


def link_by_value(answer_uri: str, query: dict[str, Any], **extra: str) -> str:
    """An unsigned request by value from a verifier known by its answer address."""
    parameters = {"client_id": f"redirect_uri:{answer_uri}", "response_type": "vp_token",
                  "response_mode": "direct_post", "response_uri": answer_uri,
                  "nonce": "gui-nonce", "state": "gui-state", "dcql_query": json.dumps(query),
                  "client_metadata": json.dumps({"client_name": "Example Employer"}),
                  **extra}
    return "openid4vp://?" + urlencode(parameters)
