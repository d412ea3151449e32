"""W3C VC 1.1 / 2.0 JSON-LD and Open Badges 3.0: detect, parse and map real vectors."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.errors import MalformedCredential, NotACredential, WalletError
from wallet.formats import vc_jsonld
from wallet.model import CredentialFormat

W3C = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
EDC = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"

# (file, title, issuer id, issued, valid until)
VECTORS = [
    ("1edtech-obv3-ldp-signed-credential.json", "Teamwork Badge",
     "https://example.edu/issuers/565049", datetime(2010, 1, 1, tzinfo=UTC), None),
    ("eddsa-rdfc-2022-signedDataInt.json", "Alumni Credential",
     "https://vc.example/issuers/5678", datetime(2023, 1, 1, tzinfo=UTC), None),
    ("eddsa-rdfc-2022-employ-signedDataInt.json", "Employment Authorization Document",
     "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76",
     datetime(2019, 12, 3, tzinfo=UTC), datetime(2029, 12, 3, tzinfo=UTC)),
    ("ed25519signature2020-signedEdSig.json", "Alumni Credential",
     "https://vc.example/issuers/5678", datetime(2023, 1, 1, tzinfo=UTC), None),
    ("ecdsa-rdfc-2019-p256-signedECDSAP256.json", "Alumni Credential",
     "https://vc.example/issuers/5678", datetime(2023, 1, 1, tzinfo=UTC), None),
    ("ecdsa-rdfc-2019-p256-employ-signedECDSAP256.json", "Employment Authorization Document",
     "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76",
     datetime(2019, 12, 3, tzinfo=UTC), datetime(2029, 12, 3, tzinfo=UTC)),
    ("ecdsa-rdfc-2019-p384-signedECDSAP384.json", "Alumni Credential",
     "https://vc.example/issuers/5678", datetime(2023, 1, 1, tzinfo=UTC), None),
    ("ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json", "Employment Authorization Document",
     "did:key:zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76",
     datetime(2019, 12, 3, tzinfo=UTC), datetime(2029, 12, 3, tzinfo=UTC)),
]
NOT_CREDENTIALS = ["eddsa-keyPair.json", "p256KeyPair.json", "p384KeyPair.json",
                   "1edtech-obv3-ldp-controller-document.json"]


def test_every_w3c_vector_file_is_either_parsed_or_rejected_here() -> None:
    listed = {v[0] for v in VECTORS} | set(NOT_CREDENTIALS)
    assert listed == {p.name for p in W3C.glob("*.json")}


@pytest.mark.parametrize(("name", "title", "issuer", "issued", "until"), VECTORS)
def test_real_vector_parses_with_title_issuer_and_dates(
    name: str, title: str, issuer: str, issued: datetime, until: datetime | None
) -> None:
    # GIVEN a signed credential exactly as published
    raw = (W3C / name).read_bytes()
    # WHEN it is detected and parsed
    assert vc_jsonld.detect(raw)
    credential = vc_jsonld.parse(raw)
    # THEN the raw bytes are kept unchanged and the view carries title, issuer and dates
    assert credential.raw == raw
    assert credential.format is CredentialFormat.VC_JSONLD
    assert credential.title == title
    assert credential.view.issuer is not None
    assert credential.view.issuer.identifier == issuer
    assert credential.view.issued == issued
    assert credential.view.valid_until == until
    assert credential.document == json.loads(raw)
    assert credential.extras["proof_types"]


@pytest.mark.parametrize("name", NOT_CREDENTIALS)
def test_key_pairs_and_controller_documents_are_refused_with_a_sentence(name: str) -> None:
    raw = (W3C / name).read_bytes()
    assert not vc_jsonld.detect(raw)
    with pytest.raises(NotACredential) as caught:
        vc_jsonld.parse(raw)
    assert caught.value.message.endswith(".")
    assert "not a credential" in caught.value.message


def test_ob3_vector_maps_achievement_criteria_and_issuer_profile() -> None:
    credential = vc_jsonld.parse((W3C / "1edtech-obv3-ldp-signed-credential.json").read_bytes())
    view = credential.view
    assert view.description is not None
    assert view.description.pick("en").startswith("This badge recognizes")
    assert view.assessment is not None
    assert "nominated for this badge by their peers" in view.assessment.pick("en")
    assert view.issuer is not None and view.issuer.homepage == "https://www.imsglobal.org"
    assert view.issuer.name is not None and view.issuer.name.pick("en") == "Example Corp"
    assert view.awarding_body == view.issuer
    assert view.learner_identifier == "did:example:ebfeb1f712ebc6f1c276e12ec21"
    assert "OpenBadgeCredential" in view.types


def test_employ_vector_names_the_person_and_decodes_the_issuer_image() -> None:
    view = vc_jsonld.parse((W3C / "eddsa-rdfc-2022-employ-signedDataInt.json").read_bytes()).view
    assert view.learner_name is not None and view.learner_name.pick("en") == "JOHN JACOB SMITH"
    assert view.learner_birth_date == "1999-07-17"
    assert view.issuer is not None and view.issuer.logo is not None
    assert view.issuer.logo.media_type == "image/png"
    assert view.issuer.logo.data is not None and view.issuer.logo.data.startswith(b"\x89PNG")


def _ob3_micro_credential() -> dict[str, object]:
    png = base64.b64encode(b"\x89PNG\r\n\x1a\nfake-but-opaque").decode()
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:0b6c3c5e-1111-4a7e-9d43-6e1c7d2b7f10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "inLanguage": "cs",
        "issuer": {"id": "did:web:muni.cz", "type": ["Profile"],
                   "name": [{"@value": "Masarykova univerzita", "@language": "cs"},
                            {"@value": "Masaryk University", "@language": "en"}],
                   "address": {"type": ["Address"], "addressCountry": "Česko",
                               "addressCountryCode": "CZ"}},
        "validFrom": "2025-06-30T10:00:00+02:00",
        "validUntil": "2030-06-30T10:00:00+02:00",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "hashed": False,
                            "identityHash": "student@muni.cz", "identityType": "emailAddress"}],
            "creditsEarned": 5,
            "result": [{"type": ["Result"], "resultDescription": "urn:rd:grade", "value": "A"}],
            "achievement": {
                "id": "https://muni.cz/achievements/python",
                "type": ["Achievement"],
                "name": "Základy programování v Pythonu",
                "description": "Mikrocertifikát",
                "creator": {"id": "https://www.fi.muni.cz", "type": ["Profile"],
                            "name": "Fakulta informatiky"},
                "criteria": {"narrative": "Zkouška a projekt."},
                "creditsAvailable": 6,
                "image": {"id": f"data:image/png;base64,{png}", "type": "Image"},
                "fieldOfStudy": "Informatika",
                "alignment": [
                    {"type": ["Alignment"], "targetName": "EQF level 6",
                     "targetFramework": "European Qualifications Framework",
                     "targetCode": "http://data.europa.eu/snb/eqf/6",
                     "targetUrl": "http://data.europa.eu/snb/eqf/6"},
                    {"type": ["Alignment"], "targetName": "Writes small Python programs",
                     "targetUrl": "https://esco.ec.europa.eu/skill/1"},
                ],
                "resultDescription": [{"id": "urn:rd:grade", "type": ["ResultDescription"],
                                       "name": "Známka", "resultType": "LetterGrade"}],
            },
        },
    }


def test_ob3_micro_credential_maps_every_element_it_carries() -> None:
    # GIVEN an OB 3.0 credential with an EQF alignment (which mentions data.europa.eu/snb
    # but is not an EDC), ECTS, a result, a data: image and Czech plain strings
    raw = json.dumps(_ob3_micro_credential(), ensure_ascii=False).encode()
    # WHEN it is parsed
    assert vc_jsonld.detect(raw)
    view = vc_jsonld.parse(raw).view
    # THEN each element lands in its place
    assert view.title is not None and view.title.values == {"cs": "Základy programování v Pythonu"}
    assert view.eqf_level == 6
    assert view.ects == 5.0  # earned wins over available
    assert view.grade is not None and view.grade.pick("cs") == "Známka: A"
    assert view.learner_identifier == "student@muni.cz"
    assert view.issuer is not None and view.issuer.name is not None
    assert view.issuer.name.pick("en") == "Masaryk University"
    assert view.issuer.name.pick("cs") == "Masarykova univerzita"
    assert view.issuer_country is not None and view.issuer_country.pick("cs") == "Česko"
    assert view.awarding_body is not None
    assert view.awarding_body.identifier == "https://www.fi.muni.cz"
    assert [o.pick("cs") for o in view.learning_outcomes] == ["Writes small Python programs"]
    assert view.images[0].data == b"\x89PNG\r\n\x1a\nfake-but-opaque"
    assert view.valid_until is not None and view.valid_until.year == 2030
    assert view.field_of_study is not None
    assert view.languages == ("cs",)  # the credential's own texts are Czech


def test_language_maps_give_one_text_per_language() -> None:
    doc = _ob3_micro_credential()
    del doc["inLanguage"]
    doc["name"] = {"en": "Python basics", "cs": ["Základy", "Pythonu"]}
    view = vc_jsonld.parse(json.dumps(doc).encode()).view
    assert view.title is not None
    assert view.title.pick("en") == "Python basics"
    assert view.title.pick("cs") == "Základy\nPythonu"
    assert view.title.pick("de") == "Python basics"  # falls back to English


def test_edc_and_presentations_are_left_to_their_modules() -> None:
    for path in EDC.glob("*.json*"):
        assert not vc_jsonld.detect(path.read_bytes()), path.name
    vp = {"@context": ["https://www.w3.org/ns/credentials/v2"],
          "type": ["VerifiablePresentation"], "verifiableCredential": []}
    assert not vc_jsonld.detect(json.dumps(vp).encode())
    with pytest.raises(NotACredential):
        vc_jsonld.parse(json.dumps(vp).encode())


def test_a_credential_without_subject_or_issuer_is_malformed() -> None:
    doc = _ob3_micro_credential()
    del doc["credentialSubject"]
    with pytest.raises(MalformedCredential, match="no credential subject"):
        vc_jsonld.parse(json.dumps(doc).encode())
    doc = _ob3_micro_credential()
    doc["issuer"] = 42
    with pytest.raises(MalformedCredential, match="names no issuer"):
        vc_jsonld.parse(json.dumps(doc).encode())


@pytest.mark.parametrize("raw", [
    b'{"type": ["VerifiableCredential"], "issuer": "x", "credentialSubject": {',  # truncated
    b"[" * 10_000 + b"]" * 10_000,  # nested 10,000 deep
    b'{"a": ' * 10_000 + b"1" + b"}" * 10_000,
    b"\xff\xfe{}",  # not UTF-8
    b'{"type": "VerifiableCredential", "x": NaN}',
])
def test_broken_json_raises_a_typed_error(raw: bytes) -> None:
    assert not vc_jsonld.detect(raw)
    with pytest.raises(WalletError):
        vc_jsonld.parse(raw)


def test_a_50_mb_string_field_is_refused_by_the_size_cap() -> None:
    from wallet.errors import InputTooLarge

    raw = b'{"type": ["VerifiableCredential"], "name": "' + b"a" * (50 * 1024 * 1024) + b'"}'
    assert not vc_jsonld.detect(raw)
    with pytest.raises(InputTooLarge):
        vc_jsonld.parse(raw)
