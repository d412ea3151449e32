"""Credential offers read strictly, without the network; metadata shapes; key choice."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from wallet.errors import IssuanceError
from wallet.issuance.discovery import ISSUER_WELL_KNOWN, OAUTH_WELL_KNOWN, well_known_urls
from wallet.issuance.metadata import CredentialConfiguration, IssuerMetadata, pick_display
from wallet.issuance.offer import (
    CredentialOffer,
    OfferReference,
    TransactionCodeSpec,
    parse_offer_text,
)
from wallet.issuance.proof_keys import choose_binding

PRE = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
# OpenID4VCI 1.0 §4.1.1, the pre-authorized code example offer.
SPEC_OFFER = {
    "credential_issuer": "https://credential-issuer.example.com",
    "credential_configuration_ids": ["org.iso.18013.5.1.mDL"],
    "grants": {
        PRE: {
            "pre-authorized_code": "oaKazRN8I0IbtZ0C7JuMn5",
            "tx_code": {
                "length": 4,
                "input_mode": "numeric",
                "description": "Please provide the one-time code that was sent via e-mail",
            },
        }
    },
}


def by_value(offer: Any, prefix: str = "openid-credential-offer://") -> str:
    return f"{prefix}?credential_offer={quote(json.dumps(offer))}"


def test_the_specifications_example_offer() -> None:
    offer = parse_offer_text(by_value(SPEC_OFFER))
    assert isinstance(offer, CredentialOffer)
    assert offer.credential_issuer == "https://credential-issuer.example.com"
    assert offer.credential_configuration_ids == ("org.iso.18013.5.1.mDL",)
    assert offer.pre_authorized is not None
    assert offer.pre_authorized.code == "oaKazRN8I0IbtZ0C7JuMn5"
    assert offer.pre_authorized.tx_code == TransactionCodeSpec(
        "numeric", 4, "Please provide the one-time code that was sent via e-mail"
    )
    assert offer.authorization_code is None


def test_offer_by_reference_and_on_an_https_wallet_link() -> None:
    reference = parse_offer_text(
        "openid-credential-offer://?credential_offer_uri="
        + quote("https://server.example.com/credential-offer/GkurKxf5T0Y-mnPFCHqWOMiZi4VS138cQO_V7PZHAdM")
    )
    assert reference == OfferReference(
        "https://server.example.com/credential-offer/GkurKxf5T0Y-mnPFCHqWOMiZi4VS138cQO_V7PZHAdM"
    )
    linked = parse_offer_text(by_value(SPEC_OFFER, prefix="https://wallet.example.org/offer"))
    assert isinstance(linked, CredentialOffer)


def test_authorization_code_offer_keeps_issuer_state() -> None:
    offer = parse_offer_text(by_value({
        "credential_issuer": "https://issuer.example",
        "credential_configuration_ids": ["UniversityDegree"],
        "grants": {"authorization_code": {"issuer_state": "eyJhbGciOiJSU0Et...FYUaBy"}},
    }))
    assert isinstance(offer, CredentialOffer)
    assert offer.pre_authorized is None
    assert offer.authorization_code is not None
    assert offer.authorization_code.issuer_state == "eyJhbGciOiJSU0Et...FYUaBy"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("", "empty"),
        ("https://example.org/just-a-page", "no credential offer"),
        ("mailto:someone@example.org", "not an OpenID4VCI credential offer"),
        ("openid-credential-offer://?credential_offer=%7Bnot json", "not readable JSON|JSON"),
        ("openid-credential-offer://?credential_offer=[1]", "not a JSON object"),
        ("openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fevil.example%2Fo",
         "secure"),
        ("openid-credential-offer://?credential_offer=%7B%7D&credential_offer_uri=https%3A%2F%2Fa",
         "both"),
        ("openid-credential-offer://?credential_offer=" + "x" * 70_000, "longer than"),
    ],
)
def test_broken_offer_texts(text: str, sentence: str) -> None:
    with pytest.raises(IssuanceError, match=sentence):
        parse_offer_text(text)


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        ({"credential_issuer": "http://issuer.example"}, "secure"),
        ({"credential_issuer": "https://user:pw@issuer.example"}, "secure"),
        ({"credential_issuer": "https://issuer.example#frag"}, "fragment"),
        ({"credential_issuer": 7}, "missing"),
        ({"credential_configuration_ids": []}, "which credentials"),
        ({"credential_configuration_ids": ["a", "a"]}, "which credentials"),
        ({"credential_configuration_ids": [1]}, "which credentials"),
        ({"grants": []}, "grants are not"),
        ({"grants": {PRE: {"pre-authorized_code": ""}}}, "pre-authorized code"),
        ({"grants": {PRE: {"pre-authorized_code": "c", "tx_code": {"length": 0}}}},
         "impossible length"),
        ({"grants": {PRE: {"pre-authorized_code": "c", "tx_code": {"input_mode": "emoji"}}}},
         "unknown kind"),
        ({"grants": {PRE: {"pre-authorized_code": "c", "authorization_server": "ftp://a"}}},
         "secure"),
    ],
)
def test_malformed_offers(change: dict[str, Any], sentence: str) -> None:
    with pytest.raises(IssuanceError, match=sentence):
        CredentialOffer.from_json({**SPEC_OFFER, **change})


def test_pre_draft_13_offers_are_named_as_such() -> None:
    old = {"credential_issuer": "https://issuer.example", "credentials": ["UniversityDegree"]}
    with pytest.raises(IssuanceError, match="old draft"):
        CredentialOffer.from_json(old)


def test_loopback_http_issuers_parse_for_tests_only_at_the_network_gate() -> None:
    offer = CredentialOffer.from_json({**SPEC_OFFER, "credential_issuer": "http://127.0.0.1:9"})
    assert offer.credential_issuer == "http://127.0.0.1:9"


@pytest.mark.parametrize(
    ("spec", "typed", "ok"),
    [
        (TransactionCodeSpec("numeric", 4), "1234", True),
        (TransactionCodeSpec("numeric", 4), " 1234 ", True),
        (TransactionCodeSpec("numeric", 4), "123", False),
        (TransactionCodeSpec("numeric", None), "12a4", False),
        (TransactionCodeSpec("numeric", None), "١٢٣٤", False),  # Arabic-Indic digits
        (TransactionCodeSpec("text", 5), "ab-12", True),
        (TransactionCodeSpec("text", None), "", False),
    ],
)
def test_transaction_codes_are_checked_before_sending(
    spec: TransactionCodeSpec, typed: str, ok: bool
) -> None:
    if ok:
        assert spec.check(typed) == typed.strip()
    else:
        with pytest.raises(IssuanceError):
            spec.check(typed)


# --- metadata ---------------------------------------------------------------------------


def test_well_known_addresses_inserted_then_appended() -> None:
    assert well_known_urls("https://issuer.example", ISSUER_WELL_KNOWN) == [
        "https://issuer.example/.well-known/openid-credential-issuer"
    ]
    assert well_known_urls("https://issuer.example/tenant/", OAUTH_WELL_KNOWN) == [
        "https://issuer.example/.well-known/oauth-authorization-server/tenant",
        "https://issuer.example/tenant/.well-known/oauth-authorization-server",
    ]


def test_draft_13_and_one_point_zero_metadata_shapes() -> None:
    issuer = "https://issuer.example"
    draft = IssuerMetadata.from_json({
        "credential_issuer": issuer,
        "credential_endpoint": f"{issuer}/credential",
        "credential_configurations_supported": {"D": {
            "format": "jwt_vc_json",
            "credential_definition": {"type": ["VerifiableCredential", "Degree"]},
            "display": [{"name": "Degree", "locale": "en-US",
                         "logo": {"url": "https://issuer.example/l.png"}}],
        }},
    }, expected_issuer=issuer)
    assert draft.protocol == "draft-13"
    assert draft.configuration("D").types == ("Degree",)
    assert draft.configuration("D").display[0].logo_uri == "https://issuer.example/l.png"
    final = IssuerMetadata.from_json({
        "credential_issuer": issuer,
        "credential_endpoint": f"{issuer}/credential",
        "batch_credential_issuance": {"batch_size": 3},
        "credential_configurations_supported": {"L": {
            "format": "dc+sd-jwt",
            "vct": "urn:eu.europa.ec.eudi:learning:credential:1",
            "credential_metadata": {"display": [{"name": "Learning", "locale": "cs"}]},
        }},
    }, expected_issuer=issuer)
    assert final.protocol == "1.0" and final.batch_size == 3
    assert final.configuration("L").display[0].name == "Learning"
    assert final.configuration("L").types == ("urn:eu.europa.ec.eudi:learning:credential:1",)


def test_display_language_choice() -> None:
    metadata = IssuerMetadata.from_json({
        "credential_issuer": "https://i.example",
        "credential_endpoint": "https://i.example/c",
        "credential_configurations_supported": {"A": {"format": "ldp_vc"}},
        "display": [{"name": "Univerzita", "locale": "cs-CZ"}, {"name": "University"}],
    }, expected_issuer="https://i.example")
    assert pick_display(metadata.display, "cs").name == "Univerzita"  # type: ignore[union-attr]
    assert pick_display(metadata.display, "de").name == "University"  # type: ignore[union-attr]
    assert pick_display((), "en") is None


@pytest.mark.parametrize(
    ("methods", "algs", "expected"),
    [
        ((), (), ("EdDSA", "did:key")),
        (("did:key", "did:jwk"), ("EdDSA", "ES256"), ("EdDSA", "did:key")),
        (("did:jwk",), ("ES256",), ("ES256", "did:jwk")),
        (("did",), ("ES256",), ("ES256", "did:jwk")),
        (("jwk",), ("ES256",), ("ES256", "jwk")),
        (("jwk",), ("EdDSA",), ("EdDSA", "jwk")),
    ],
)
def test_key_choice_follows_what_the_issuer_allows(
    methods: tuple[str, ...], algs: tuple[str, ...], expected: tuple[str, str]
) -> None:
    configuration = CredentialConfiguration(
        id="x", format="jwt_vc_json", binding_methods=methods,
        proof_types={"jwt": algs} if algs or methods else {},
    )
    assert choose_binding(configuration) == expected


@pytest.mark.parametrize(
    ("methods", "proof_types", "sentence"),
    [
        (("did:web",), {"jwt": ("ES256",)}, "key Kredo does not have"),
        (("jwk",), {"jwt": ("RS256",)}, "key Kredo does not have"),
        (("cose_key",), {"cwt": ("ES256",)}, "kind of key proof"),
    ],
)
def test_keys_kredo_cannot_offer(
    methods: tuple[str, ...], proof_types: dict[str, tuple[str, ...]], sentence: str
) -> None:
    configuration = CredentialConfiguration(
        id="x", format="mso_mdoc", binding_methods=methods, proof_types=proof_types
    )
    with pytest.raises(IssuanceError, match=sentence):
        choose_binding(configuration)
