"""DCQL against the learner's credentials: formats, types, claims, values, sets, binding."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.oid4vp.wallet_credentials import LEARNING_VCT, VC_TYPE_IRI, Issuer, vc11_jwt
from tests.share.presentation_credentials import credential
from wallet.errors import PresentationRequestError
from wallet.share.oid4vp.dcql import DcqlQuery
from wallet.share.oid4vp.matching import HeldCredential, match_request

HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()


@pytest.fixture
def held() -> list[HeldCredential]:
    issuer = Issuer(holder="did:example:learner")
    return [
        HeldCredential(1, credential(issuer.sd_jwt(cnf_key=HOLDER_KEY.public_key()))),
        HeldCredential(2, credential(vc11_jwt(issuer))),
        HeldCredential(3, credential(issuer.ob3())),
        HeldCredential(4, credential(issuer.sd_jwt())),  # not bound to any key
    ]


def _match(held: list[HeldCredential], document: dict[str, Any]) -> Any:
    return match_request(DcqlQuery.from_json(document), held,
                         holder_keys=[HOLDER_KEY.public_key()])


def test_an_sd_jwt_query_finds_the_bound_credential_and_the_claims_to_disclose(
    held: list[HeldCredential],
) -> None:
    # GIVEN a query for the learning credential's given name
    query = {"credentials": [{"id": "learning", "format": "dc+sd-jwt",
                              "meta": {"vct_values": [LEARNING_VCT]},
                              "claims": [{"path": ["given_name"]}]}]}
    # WHEN matched against the wallet
    found = _match(held, query)
    # THEN only the SD-JWT bound to the wallet's key answers, disclosing just that claim
    (candidate,) = found.candidates("learning")
    assert (candidate.credential_id, candidate.disclose) == (1, ("given_name",))
    assert found.satisfiable


def test_without_holder_binding_the_unbound_credential_answers_too(
    held: list[HeldCredential],
) -> None:
    query = {"credentials": [{"id": "q", "format": "dc+sd-jwt",
                              "require_cryptographic_holder_binding": False}]}
    assert [c.credential_id for c in _match(held, query).candidates("q")] == [1, 4]


def test_claim_values_and_claim_sets_pick_the_alternative_the_wallet_can_answer(
    held: list[HeldCredential],
) -> None:
    # GIVEN claim alternatives: a claim the credential lacks first, then name with a value
    query = {"credentials": [{"id": "q", "format": "dc+sd-jwt", "claims": [
        {"id": "a", "path": ["birthdate"]},
        {"id": "b", "path": ["given_name"], "values": ["Jana"]},
        {"id": "c", "path": ["ects"], "values": [4]},
    ], "claim_sets": [["a"], ["b", "c"]]}]}
    wrong_value = {"credentials": [{"id": "q", "format": "dc+sd-jwt", "claims": [
        {"path": ["given_name"], "values": ["Petra"]}]}]}
    # WHEN matched THEN the second alternative is used; a wrong value matches nothing
    assert _match(held, query).candidates("q")[0].disclose == ("given_name", "ects")
    assert not _match(held, wrong_value).satisfiable


def test_w3c_queries_match_by_expanded_type_and_go_whole(held: list[HeldCredential]) -> None:
    # GIVEN queries for a VC-JWT and an Open Badge, by expanded IRIs
    badge = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    query: dict[str, Any] = {"credentials": [
        {"id": "jwt", "format": "jwt_vc_json", "meta": {"type_values": [[VC_TYPE_IRI]]},
         "claims": [{"path": ["credentialSubject", "name"]}]},
        {"id": "badge", "format": "ldp_vc", "meta": {"type_values": [[badge]]}},
    ]}
    found = _match(held, query)
    # THEN each finds its credential, shared whole
    assert [(c.credential_id, c.disclose) for c in found.candidates("jwt")] == [(2, None)]
    assert [c.credential_id for c in found.candidates("badge")] == [3]


def test_credential_sets_need_only_one_option_and_name_what_is_missing(
    held: list[HeldCredential],
) -> None:
    # GIVEN a mandatory choice of a diploma (not held) or the learning credential, and an
    # optional passport (not held)
    query: dict[str, Any] = {"credentials": [
        {"id": "diploma", "format": "dc+sd-jwt", "meta": {"vct_values": ["urn:diploma"]}},
        {"id": "learning", "format": "dc+sd-jwt", "meta": {"vct_values": [LEARNING_VCT]}},
        {"id": "passport", "format": "dc+sd-jwt", "meta": {"vct_values": ["urn:passport"]}},
    ], "credential_sets": [
        {"options": [["diploma"], ["learning"]]},
        {"options": [["passport"]], "required": False},
    ]}
    found = _match(held, query)
    # THEN it is satisfiable with the learning credential; the optional set is dropped
    assert found.satisfiable
    assert found.required_options() == (("learning",),)
    assert found.optional_options() == ()
    # AND asking only for the diploma names it as missing
    only = _match(held, {"credentials": [query["credentials"][0]]})
    assert [q.id for q in only.missing()] == ["diploma"]


@pytest.mark.parametrize("document", [
    {"credentials": []},
    {"credentials": [{"id": "a b", "format": "dc+sd-jwt"}]},
    {"credentials": [{"id": "q", "format": "dc+sd-jwt"}, {"id": "q", "format": "ldp_vc"}]},
    {"credentials": [{"id": "q", "format": "dc+sd-jwt", "claims": [{"path": []}]}]},
    {"credentials": [{"id": "q", "format": "dc+sd-jwt"}],
     "credential_sets": [{"options": [["other"]]}]},
])
def test_a_broken_query_is_refused(document: dict[str, Any]) -> None:
    with pytest.raises(PresentationRequestError):
        DcqlQuery.from_json(document)
