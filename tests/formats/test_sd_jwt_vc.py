"""SD-JWT VC: disclosures rebuilt into claims, EUDI learning credential mapped, signed for real."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from wallet.errors import InputTooLarge, MalformedCredential, WalletError
from wallet.formats import sd_jwt_vc, vc_jwt
from wallet.model import CredentialFormat

JOSE_VECTORS = Path(__file__).resolve().parents[1] / "assets" / "crypto" / "jose"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def es256(header: dict[str, Any], payload: dict[str, Any], key: ec.EllipticCurvePrivateKey) -> str:
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return f"{signing_input}.{_b64(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def disclosure(*parts: Any) -> str:
    return _b64(json.dumps([_b64(secrets.token_bytes(16)), *parts]).encode())


def digest(text: str, alg: str = "sha256") -> str:
    return _b64(hashlib.new(alg, text.encode()).digest())


ISSUER_KEY = ec.generate_private_key(ec.SECP256R1())
HOLDER_KEY = ec.generate_private_key(ec.SECP256R1())


def learning_credential(*, alg: str = "sha-256") -> tuple[str, dict[str, str]]:
    """An EUDI learning credential: everything but the vct selectively disclosable."""
    hash_name = alg.replace("-", "")
    claims = {
        "achievement_title": "Data Science Fundamentals",
        "achievement_description": "A 5 ECTS micro-credential.",
        "assessment_grade": "excellent",
        "ects_points": 5,
        "eqf_level": 6,
        "issuing_authority": "Univerzita Karlova",
        "issuing_country": "CZ",
        "date_of_issuance": "2025-05-20",
        "date_of_expiry": "2030-05-20",
        "family_name": "Nováková",
        "given_name": "Jana",
        "expected_study_time": "PT125H",
        "mode_of_participation": "online",
        "types_of_quality_assurance": "Internal QA of Charles University",
    }
    disclosures = {name: disclosure(name, value) for name, value in claims.items()}
    outcome_a = disclosure("Cleans data with pandas")
    outcome_b = disclosure("Explains a regression model")
    lang = disclosure("language_of_classes", ["ces", "en"])
    payload: dict[str, Any] = {
        "iss": "https://issuer.cuni.cz",
        "iat": 1_747_700_000,
        "vct": sd_jwt_vc.LEARNING_CREDENTIAL_VCT,
        "_sd_alg": alg,
        "_sd": sorted([digest(d, hash_name) for d in (*disclosures.values(), lang)]
                      + [digest("decoy", hash_name)]),
        "learning_outcomes": [{"...": digest(outcome_a, hash_name)},
                              {"...": digest(outcome_b, hash_name)},
                              {"...": digest("decoy2", hash_name)}],
        "cnf": {"jwk": {"kty": "EC", "crv": "P-256", "x": "x", "y": "y"}},
    }
    token = es256({"alg": "ES256", "typ": "dc+sd-jwt"}, payload, ISSUER_KEY)
    disclosures.update({"_outcome_a": outcome_a, "_outcome_b": outcome_b, "_lang": lang})
    return token, disclosures


def compose(token: str, parts: list[str], kb: str = "") -> bytes:
    return ("~".join([token, *parts]) + "~" + kb).encode()


def test_learning_credential_with_everything_disclosed_maps_to_the_view() -> None:
    # GIVEN an issuer-signed SD-JWT VC with all disclosures and a key-binding JWT
    token, disclosures = learning_credential()
    kb = es256({"alg": "ES256", "typ": "kb+jwt"}, {"nonce": "n", "aud": "v", "iat": 1}, HOLDER_KEY)
    raw = compose(token, list(disclosures.values()), kb)
    # WHEN it is parsed
    assert sd_jwt_vc.detect(raw)
    assert not vc_jwt.detect(raw)
    credential = sd_jwt_vc.parse(raw)
    # THEN the claims are rebuilt and the learning-credential names land in the view
    assert credential.raw == raw
    assert credential.format is CredentialFormat.SD_JWT_VC
    assert "_sd" not in credential.document and "_sd_alg" not in credential.document
    assert credential.document["learning_outcomes"] == [
        "Cleans data with pandas", "Explains a regression model"]  # decoy dropped
    view = credential.view
    assert credential.title == "Data Science Fundamentals"
    assert view.ects == 5.0 and view.eqf_level == 6
    assert view.grade is not None and view.grade.pick("en") == "excellent"
    assert view.learner_name is not None and view.learner_name.pick("cs") == "Jana Nováková"
    assert view.awarding_body is not None and view.awarding_body.name is not None
    assert view.awarding_body.name.pick("cs") == "Univerzita Karlova"
    assert view.issuer is not None and view.issuer.identifier == "https://issuer.cuni.cz"
    assert view.issuer_country is not None and view.issuer_country.pick("en") == "CZ"
    assert view.issued is not None and view.issued.year == 2025
    assert view.valid_until is not None and view.valid_until.year == 2030
    assert view.workload_hours == 125.0
    assert view.languages == ("cs", "en")
    assert view.participation is not None and view.quality_assurance is not None
    assert len(view.learning_outcomes) == 2
    assert credential.extras["key_binding_jwt"] == kb
    assert credential.extras["vct"] == sd_jwt_vc.LEARNING_CREDENTIAL_VCT


def test_only_disclosed_claims_reach_the_view() -> None:
    # GIVEN the holder discloses the title and one outcome only
    token, disclosures = learning_credential()
    raw = compose(token, [disclosures["achievement_title"], disclosures["_outcome_b"]])
    credential = sd_jwt_vc.parse(raw)
    # THEN nothing else is shown, and the undisclosed digests are gone
    assert credential.title == "Data Science Fundamentals"
    assert credential.view.learner_name is None and credential.view.grade is None
    assert credential.document["learning_outcomes"] == ["Explains a regression model"]
    assert credential.extras["key_binding_jwt"] is None


def test_sha_512_digests_are_followed() -> None:
    token, disclosures = learning_credential(alg="sha-512")
    credential = sd_jwt_vc.parse(compose(token, [disclosures["assessment_grade"]]))
    assert credential.document["assessment_grade"] == "excellent"


def test_nested_disclosures_are_rebuilt_recursively() -> None:
    street = disclosure("street", "Ovocný trh 5")
    address = disclosure("address", {"_sd": [digest(street)], "country": "CZ"})
    token = es256({"alg": "ES256"}, {"vct": "urn:example", "_sd": [digest(address)]}, ISSUER_KEY)
    credential = sd_jwt_vc.parse(compose(token, [address, street]))
    assert credential.document["address"] == {"street": "Ovocný trh 5", "country": "CZ"}


def test_disclosure_problems_are_typed_errors() -> None:
    token, disclosures = learning_credential()
    title = disclosures["achievement_title"]
    with pytest.raises(MalformedCredential, match="twice"):
        sd_jwt_vc.parse(compose(token, [title, title]))
    with pytest.raises(MalformedCredential, match="do not refer"):
        sd_jwt_vc.parse(compose(token, [disclosure("forged", "claim")]))
    with pytest.raises(MalformedCredential):
        sd_jwt_vc.parse(compose(token, [title[:-2] + "!!"]))  # broken base64url
    with pytest.raises(MalformedCredential, match="array"):
        sd_jwt_vc.parse(compose(token, [_b64(b'{"not": "an array"}')]))
    with pytest.raises(MalformedCredential):
        sd_jwt_vc.parse(compose(token, [title, ""]))  # empty disclosure between separators
    bad_alg = es256({"alg": "ES256"}, {"_sd_alg": "md5", "_sd": []}, ISSUER_KEY)
    with pytest.raises(MalformedCredential, match="digest algorithm"):
        sd_jwt_vc.parse(compose(bad_alg, []))


def test_a_long_chain_of_nested_disclosures_is_bounded() -> None:
    # GIVEN 400 disclosures each hiding the next one a level deeper
    inner = disclosure("leaf", 1)
    chain = [inner]
    for _ in range(400):
        inner = disclosure("n", {"_sd": [digest(inner)]})
        chain.append(inner)
    token = es256({"alg": "ES256"}, {"vct": "urn:x", "_sd": [digest(inner)]}, ISSUER_KEY)
    with pytest.raises(InputTooLarge):
        sd_jwt_vc.parse(compose(token, chain))


@pytest.mark.parametrize("raw", [b"~", b"eyJ~", b"abc.def.ghi~", b"eyJhbGciOiJub25lIn0~x~"])
def test_garbage_is_not_detected_and_parse_raises_typed_errors(raw: bytes) -> None:
    assert not sd_jwt_vc.detect(raw)
    with pytest.raises(WalletError):
        sd_jwt_vc.parse(raw)


# The claim names and labels of the EUDI reference issuer's type metadata (bundled in
# resources/eudi, the same file as the real-world corpus's eudi/ copy).
_ANNEX_I_CLAIMS: dict[str, Any] = {
    "issuing_authority": "Masarykova univerzita",
    "issuing_country": "CZ",
    "date_of_issuance": "2026-06-30",
    "date_of_expiry": "2031-06-30",
    "family_name": "Dvořák",
    "given_name": "Petr",
    "achievement_title": "Základy kyberbezpečnosti",
    "achievement_description": "Mikrocertifikát v rozsahu 4 ECTS.",
    "learning_outcomes": ["Analyses threats", "Configures a firewall"],
    "assessment_grade": "A",
    "language_of_classes": ["cs"],
    "learner_identification": "UČO 123456",
    "expected_study_time": "PT100H",
    "level_of_learning_experience": "6",
    "form_of_participation": "blended",
    "types_of_quality_assurance": ["Accredited study programme"],
    "prerequisites_to_enroll": ["Bachelor's degree"],
    "evaluator_verification": ["Identity checked by the examiner"],
    "integration_stackability_options": "Counts towards the Cybersecurity MSc.",
}


def test_every_annex_i_element_of_a_learning_credential_is_shown_with_its_metadata_label() -> None:
    # GIVEN a learning credential carrying every claim its type metadata describes
    disclosures = [disclosure(name, value) for name, value in _ANNEX_I_CLAIMS.items()]
    payload = {
        "iss": "https://issuer.muni.cz", "iat": 1_782_000_000,
        "vct": sd_jwt_vc.LEARNING_CREDENTIAL_VCT,
        "_sd": sorted(digest(d) for d in disclosures),
    }
    token = es256({"alg": "ES256", "typ": "dc+sd-jwt"}, payload, ISSUER_KEY)
    # WHEN it is read
    credential = sd_jwt_vc.parse(compose(token, disclosures))
    view = credential.view
    # THEN each Annex I element is in the view
    assert view.learner_identifier == "UČO 123456"
    assert view.workload_hours == 100
    assert view.eqf_level == 6
    assert view.participation is not None and view.participation.pick("en") == "blended"
    assert view.quality_assurance is not None
    assert view.prerequisites is not None
    assert view.supervision is not None
    assert view.supervision.pick("en") == "Identity checked by the examiner"
    assert view.integration is not None and view.grade is not None
    assert view.languages == ("cs",)
    # AND every disclosed claim carries its label from the type metadata, in its order
    labels = {item["claim"]: item["label"] for item in credential.extras["claim_labels"]}
    assert list(labels) == list(_ANNEX_I_CLAIMS)
    assert labels["evaluator_verification"] == {"en": "Evaluator verification"}
    assert labels["family_name"] == {"en": "Family Name(s)"}
    assert "iss" not in labels and "vct" not in labels


def test_a_credential_of_an_unknown_type_has_no_metadata_labels() -> None:
    # GIVEN an SD-JWT VC of a type whose metadata Kredo does not bundle
    part = disclosure("given_name", "Jana")
    token = es256({"alg": "ES256"}, {"vct": "urn:example:other", "_sd": [digest(part)]},
                  ISSUER_KEY)
    # THEN it is read, with no labels invented for it
    assert sd_jwt_vc.parse(compose(token, [part])).extras["claim_labels"] == []


def test_a_learning_credential_without_its_title_disclosed_is_named_by_its_type() -> None:
    # GIVEN the learning credential with only the learner's name disclosed
    token, disclosures = learning_credential()
    credential = sd_jwt_vc.parse(compose(token, [disclosures["family_name"]]))
    # THEN its title is the type's display name from the bundled type metadata
    assert credential.title == "Learning Credential"


@pytest.mark.parametrize(("claim", "value"), [("title", "Základy datové analýzy"),
                                              ("name", "Data Literacy Badge")])
def test_a_title_or_name_claim_titles_an_sd_jwt_vc_of_any_type(claim: str, value: str) -> None:
    # GIVEN an SD-JWT VC of a type Kredo has no metadata for, disclosing a title or a name
    part = disclosure(claim, value)
    token = es256({"alg": "ES256"}, {"vct": "urn:example:other", "_sd": [digest(part)]},
                  ISSUER_KEY)
    # THEN that claim is its title
    assert sd_jwt_vc.parse(compose(token, [part])).title == value


def test_the_rfc_9901_pid_vector_gets_no_invented_title() -> None:
    # GIVEN RFC 9901's SD-JWT VC example (a German PID: no title claim, no bundled metadata)
    for name in ("rfc9901-a3-sd-jwt-vc.txt", "rfc9901-a3-sd-jwt-vc-kb.txt"):
        raw = (JOSE_VECTORS / name).read_bytes()
        # THEN it has no title: faces name it by its format
        assert sd_jwt_vc.parse(raw).title is None
