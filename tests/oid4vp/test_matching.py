"""DCQL against the learner's credentials: formats, types, claims, values, sets, binding."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.oid4vp.wallet_credentials import LEARNING_VCT, VC_TYPE_IRI, Issuer, vc11_jwt
from tests.share.presentation_credentials import credential, sealed_edc
from wallet.did import did_jwk_from_public_key, did_key_from_public_key
from wallet.errors import PresentationRequestError
from wallet.share.oid4vp.dcql import DcqlQuery
from wallet.share.oid4vp.matching import HeldCredential, match_request
from wallet.trust import bundled_snapshot
from wallet.trust.snapshot import TrustSnapshot

HOLDER_KEY = ed25519.Ed25519PrivateKey.generate()


@pytest.fixture
def held() -> list[HeldCredential]:
    issuer = Issuer(holder=did_key_from_public_key(HOLDER_KEY.public_key()))
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
    {"credentials": [{"id": "q", "format": "ldp_vc", "trusted_authorities": []}]},
    {"credentials": [{"id": "q", "format": "ldp_vc", "trusted_authorities": "aki"}]},
    {"credentials": [{"id": "q", "format": "ldp_vc", "trusted_authorities": [{"type": "aki"}]}]},
    {"credentials": [{"id": "q", "format": "ldp_vc",
                      "trusted_authorities": [{"type": "aki", "values": []}]}]},
    {"credentials": [{"id": "q", "format": "ldp_vc",
                      "trusted_authorities": [{"type": "etsi_tl", "values": [7]}]}]},
])
def test_a_broken_query_is_refused(document: dict[str, Any]) -> None:
    with pytest.raises(PresentationRequestError):
        DcqlQuery.from_json(document)


# --- trusted_authorities (§6.1.1) -------------------------------------------------------

EDC_IRI = "http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential"
SPANISH_LIST = "https://tsl.digital.gob.es/TSL.xml"  # the sample seal's CA is on it
CZECH_LIST = "https://tsl.gov.cz/publ/TSL_CZ.xtsl"
LOTL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml"


def _sample_seal_aki() -> str:
    (der,) = sealed_edc().extras["x5c"]
    extension = x509.load_der_x509_certificate(der).extensions.get_extension_for_class(
        x509.AuthorityKeyIdentifier)
    assert extension.value.key_identifier is not None
    return base64.urlsafe_b64encode(extension.value.key_identifier).rstrip(b"=").decode()


def _ldp_query(*authorities: dict[str, Any], edc_only: bool = True) -> dict[str, Any]:
    # A sealed EDC names its learner, not a key: it is offered without holder binding only.
    query: dict[str, Any] = {"id": "q", "format": "ldp_vc",
                             "trusted_authorities": list(authorities),
                             "require_cryptographic_holder_binding": False}
    if edc_only:
        query["meta"] = {"type_values": [[EDC_IRI]]}
    return {"credentials": [query]}


def _offered(held: list[HeldCredential], document: dict[str, Any],
             snapshot: TrustSnapshot | None = None) -> list[tuple[int, str | None]]:
    found = match_request(DcqlQuery.from_json(document), held,
                          holder_keys=[HOLDER_KEY.public_key()],
                          trusted_lists=snapshot if snapshot is not None else bundled_snapshot())
    return [(c.credential_id, c.authority_note) for c in found.candidates("q")]


@pytest.fixture
def with_edc(held: list[HeldCredential]) -> list[HeldCredential]:
    return [*held, HeldCredential(5, sealed_edc())]


@pytest.mark.parametrize(("authority", "offered"), [
    ({"type": "aki", "values": ["SAMPLE"]}, True),
    ({"type": "aki", "values": ["AAECAwQFBgcICQ"]}, False),
    ({"type": "etsi_tl", "values": [SPANISH_LIST]}, True),
    ({"type": "etsi_tl", "values": [CZECH_LIST]}, False),
    ({"type": "etsi_tl", "values": [CZECH_LIST, LOTL]}, True),
], ids=["aki of its CA", "another aki", "the list of its CA", "another list", "the LOTL"])
def test_a_sealed_edc_is_offered_only_under_an_authority_of_its_chain(
    with_edc: list[HeldCredential], authority: dict[str, Any], offered: bool,
) -> None:
    # GIVEN the EU sample EDC, sealed under a Spanish qualified CA, and a verifier naming
    # the authorities it accepts
    if authority["values"] == ["SAMPLE"]:
        authority = {**authority, "values": [_sample_seal_aki()]}
    # WHEN matched against the bundled trusted-list snapshot
    # THEN it is offered, without any doubt, exactly when one authority vouches for its seal
    assert _offered(with_edc, _ldp_query(authority)) == ([(5, None)] if offered else [])


@pytest.mark.parametrize(("authority", "sentence"), [
    ({"type": "openid_federation", "values": ["https://federation.example.eu"]},
     "OpenID Federation"),
    ({"type": "etsi_tl", "values": ["https://trust.example.org/tl.xml"]}, "trusted list"),
    ({"type": "x_registry", "values": ["urn:registry"]}, "x_registry"),
])
def test_an_authority_kredo_cannot_judge_keeps_the_credential_with_a_sentence(
    with_edc: list[HeldCredential], authority: dict[str, Any], sentence: str,
) -> None:
    # GIVEN a verifier naming a federation, a list Kredo does not hold, or an unknown kind
    # WHEN matched THEN the EDC stays on offer, saying Kredo cannot tell
    ((credential_id, note),) = _offered(with_edc, _ldp_query(authority))
    assert credential_id == 5
    assert note is not None and sentence in note and "cannot tell" in note


def test_without_a_trusted_list_snapshot_etsi_tl_cannot_be_told(
    with_edc: list[HeldCredential],
) -> None:
    empty = TrustSnapshot(snapshot_date=bundled_snapshot().snapshot_date, sources=(),
                          anchors=())
    ((_, note),) = _offered(with_edc, _ldp_query(
        {"type": "etsi_tl", "values": [SPANISH_LIST]}), empty)
    assert note is not None and "cannot tell" in note


def test_credentials_kredo_cannot_judge_come_after_those_that_match(
    with_edc: list[HeldCredential],
) -> None:
    # GIVEN any ldp_vc, from the sample's authority key or from a federation
    query = _ldp_query({"type": "aki", "values": [_sample_seal_aki()]},
                       {"type": "openid_federation", "values": ["https://fed.example"]},
                       edc_only=False)
    # WHEN matched THEN the EDC (its key matches) comes first, without a note; the badge
    # (no X.509 chain: only the federation might vouch for it) follows, with one
    offered = _offered(with_edc, query)
    assert [c for c, _ in offered] == [5, 3]
    assert offered[0][1] is None and offered[1][1] is not None


OTHER_HOLDER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"


def test_w3c_credentials_not_bound_to_a_wallet_key_are_listed_but_not_offered(
    held: list[HeldCredential],
) -> None:
    # GIVEN the learner's VC-JWT and badge, one VC-JWT issued to another DID, and the EU's
    # sealed EDC, whose subject is a person by name, not a key
    other = Issuer(holder=OTHER_HOLDER)
    wallet = [*held, HeldCredential(6, credential(vc11_jwt(other))),
              HeldCredential(7, credential(other.ob3())), HeldCredential(5, sealed_edc())]
    query = {"credentials": [{"id": "jwt", "format": "jwt_vc_json"},
                             {"id": "ldp", "format": "ldp_vc"}]}
    # WHEN a verifier requires holder binding (the default)
    found = _match(wallet, query)
    # THEN only the credentials issued to the wallet's DID are offered
    assert [c.credential_id for c in found.candidates("jwt")] == [2]
    assert [c.credential_id for c in found.candidates("ldp")] == [3]
    # AND the others are listed with the reason
    refused = {r.credential_id: r.reason for q in ("jwt", "ldp")
               for r in found.not_offered(q)}
    assert set(refused) == {5, 6, 7}
    assert "issued to another holder" in refused[6] and OTHER_HOLDER[:40] in refused[6]
    assert "issued to another holder" in refused[7]
    assert "not bound to any holder key" in refused[5]
    # WHEN the verifier does not require holder binding THEN every one of them is offered
    for item in query["credentials"]:
        item["require_cryptographic_holder_binding"] = False
    unbound = _match(wallet, query)
    assert [c.credential_id for c in unbound.candidates("jwt")] == [2, 6]
    assert [c.credential_id for c in unbound.candidates("ldp")] == [3, 7, 5]
    assert unbound.not_offered("jwt") == () and unbound.not_offered("ldp") == ()


def test_a_vc_jwt_bound_by_its_did_jwk_subject_is_offered() -> None:
    # GIVEN a VC-JWT issued to the did:jwk of a P-256 key the wallet holds
    key = ec.generate_private_key(ec.SECP256R1())
    holder = did_jwk_from_public_key(key.public_key())
    held = [HeldCredential(1, credential(vc11_jwt(Issuer(holder=holder))))]
    # WHEN a verifier requires holder binding THEN it is offered
    found = match_request(DcqlQuery.from_json(
        {"credentials": [{"id": "jwt", "format": "jwt_vc_json"}]}), held,
        holder_keys=[key.public_key()])
    assert [c.credential_id for c in found.candidates("jwt")] == [1]
