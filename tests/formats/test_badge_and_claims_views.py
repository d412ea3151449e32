"""How real third-party VCs are read for display: an Open Badge 3.0 as a badge, a work permit
by its claims, an EBSI diploma and an edubadges micro-credential with their titles, names and
credits (issue 19 display, issue 15 rendering gaps)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.formats import parse_credentials
from wallet.formats.badge_view import badge_view, words_of
from wallet.formats.claims_view import ClaimRow, name_in_words, subject_claims, type_words
from wallet.formats.view_kind import ViewKind, kind_display_name, view_kind
from wallet.model import Credential

ASSETS = Path(__file__).resolve().parents[1] / "assets"
REALWORLD = ASSETS / "realworld"
EBSI_DIPLOMA = REALWORLD / "ebsi" / "waltid-VerifiableDiploma-unsigned.json"
EDUBADGES = REALWORLD / "edubadges" / "educredentials-ob3-microcredential-ects-unsigned.json"
DCC_BADGE = REALWORLD / "dcc" / "v1-ob3-ed25519signature2020-didkey.json"
DCC_PROFILE = REALWORLD / "dcc" / "v2-ob3-eddsa-rdfc-2022-not-yet-valid.json"
OB3_JWT = REALWORLD / "1edtech" / "validator-ob3-vc-jwt-rs256.jwt"
WORK_PERMIT = REALWORLD / "w3c-di" / "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json"
OB3_1EDTECH = ASSETS / "vectors" / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
MUNI_EDC = ASSETS / "vectors" / "cz" / "synthetic-muni-mc-unsigned.jsonld"


def _parse(path: Path) -> Credential:
    return parse_credentials(path.read_bytes())[0]


def test_an_ebsi_diploma_shows_its_title_full_name_and_credits() -> None:
    # GIVEN walt.id's EBSI VerifiableDiploma, whose facts sit in learningAchievement,
    # learningSpecification and awardingOpportunity
    # WHEN it is read
    view = _parse(EBSI_DIPLOMA).view
    # THEN the diploma's title, the learner's given and family names, its ECTS and levels and
    # the awarding university are in the view
    assert view.title is not None
    assert view.title.pick("en") == "MASTERS LAW, ECONOMICS AND MANAGEMENT"
    assert view.learner_name is not None and view.learner_name.pick("en") == "Jane DOE"
    assert view.learner_birth_date == "1993-04-08"
    assert view.ects == 120
    assert view.eqf_level == 7
    assert view.awarding_body is not None and view.awarding_body.name is not None
    assert view.awarding_body.name.pick("en") == "Leaston University"
    assert view.awarding_body.homepage == "https://leaston.bcdiploma.com/"


def test_edubadges_credits_and_quality_assurance_are_what_they_are() -> None:
    # GIVEN the edubadges OB 3.0 micro-credential with "ECTS": 3.0 on its achievement, an EQF
    # alignment and an ext:QualityAssurance alignment
    # WHEN it is read
    view = _parse(EDUBADGES).view
    # THEN its credits are read, the quality-assurance decision is the quality assurance and
    # not a learning outcome, and its participation, assessment and supervision are kept
    assert view.ects == 3.0
    assert view.eqf_level == 4
    assert view.learning_outcomes == ()
    assert view.quality_assurance is not None
    assert view.quality_assurance.pick("en").startswith("M Psychological Assessment (AV-4223)")
    assert view.participation is not None
    assert view.participation.pick("en") == "onsite or blended"
    assert view.assessment is not None and view.assessment.pick("en") == "testing"
    assert view.supervision is not None
    assert view.supervision.pick("en") == "onsite with identity verification"


def test_an_open_badge_is_read_as_a_badge_without_fetching_its_pictures() -> None:
    # GIVEN the Digital Credentials Consortium's OB 3.0 test credential, whose badge and issuer
    # pictures are https addresses
    credential = _parse(DCC_BADGE)
    # WHEN it is read as a badge
    badge = badge_view(credential)
    # THEN its achievement type, criteria and issuer profile are there, and its pictures are
    # kept as addresses only: nothing was downloaded
    assert view_kind(credential) is ViewKind.OPEN_BADGE
    assert kind_display_name(credential) == "Open Badge 3.0"
    assert badge is not None
    assert badge.achievement_type == "Diploma"
    assert badge.criteria is not None and "Python programming" in badge.criteria.pick("en")
    assert badge.issuer is not None and badge.issuer.name is not None
    assert badge.issuer.name.pick("en") == "Digital Credentials Consortium Test Issuer"
    assert badge.issuer.homepage == "https://dcconsortium.org"
    assert badge.image is None
    assert badge.image_url is not None and badge.image_url.startswith("https://user-images.")
    assert badge.issuer_image_url is not None


def test_a_badge_issuer_profile_keeps_its_web_and_email() -> None:
    # GIVEN a DCC OB 3.0 whose issuer profile has a web address, an e-mail and a picture
    badge = badge_view(_parse(DCC_PROFILE))
    # THEN the profile is read with them
    assert badge is not None and badge.issuer is not None
    assert (badge.issuer.homepage, badge.issuer.email) == ("https://bestest.edu",
                                                           "horse@better.edu")
    assert badge.issuer_image_url is not None


def test_badge_alignments_keep_their_names_types_and_addresses_as_text() -> None:
    # GIVEN the edubadges micro-credential with two alignments
    badge = badge_view(_parse(EDUBADGES))
    # THEN each keeps its name, code, type in words and address
    assert badge is not None
    shown = [(a.name.pick("en") if a.name else None, a.code, a.kind, a.url)
             for a in badge.alignments]
    assert shown == [
        ("M Psychological Assessment", "AV-4223", "Quality Assurance",
         "https://data.example.com/decisions/AV-4223"),
        ("EQF level 4", "4", "EQF", "https://content.example.com/description-eqf-levels"),
    ]


def test_an_open_badge_in_a_jwt_is_a_badge_too() -> None:
    # GIVEN 1EdTech's OB 3.0 VC-JWT
    credential = _parse(OB3_JWT)
    # THEN it is read as a badge with its issuer profile
    badge = badge_view(credential)
    assert badge is not None and badge.issuer is not None and badge.issuer.name is not None
    assert badge.issuer.name.pick("en") == "Example University"


def test_a_picture_carried_inline_is_the_badge_image() -> None:
    # GIVEN 1EdTech's OB 3.0 vector with, as its achievement image, the data: PNG the W3C
    # work-permit vector carries for its issuer (both real; only put together here)
    document = json.loads(OB3_1EDTECH.read_text(encoding="utf-8"))
    picture = json.loads(WORK_PERMIT.read_text(encoding="utf-8"))["issuer"]["image"]
    document["credentialSubject"]["achievement"]["image"] = {"id": picture, "type": "Image"}
    credential = parse_credentials(json.dumps(document).encode())[0]
    # WHEN it is read as a badge
    badge = badge_view(credential)
    # THEN the picture is there as bytes, with no address to show
    assert badge is not None and badge.image is not None
    assert badge.image.media_type == "image/png"
    assert badge.image.data is not None and badge.image.data.startswith(b"\x89PNG")
    assert badge.image_url is None


def test_a_work_permit_is_shown_by_its_claims() -> None:
    # GIVEN the W3C employment authorization document (a work permit, not a learning
    # credential)
    credential = _parse(WORK_PERMIT)
    # WHEN its kind and claims are read
    claims = subject_claims(credential.document)
    # THEN it goes to the generic template, its type is in words, and its claims are labelled
    # rows that keep their terms (for the faces' labels), the nested document one level
    # deeper and the photo a picture, not a data: URL
    assert view_kind(credential) is ViewKind.GENERIC
    assert badge_view(credential) is None
    assert type_words(credential.view.types) == ("Employment authorization document credential",)
    assert ClaimRow("Given name", "JOHN", key="givenName") in claims
    assert ClaimRow("Birth country", "Bahamas", key="birthCountry") in claims
    assert ClaimRow("Employment authorization document", None,
                    key="employmentAuthorizationDocument") in claims
    assert ClaimRow("Lpr category", "C09", depth=1, key="lprCategory") in claims
    photos = [c for c in claims if c.label == "Image"]
    assert len(photos) == 1 and photos[0].image is not None and photos[0].value is None
    assert not any(c.value and c.value.startswith("data:") for c in claims)


@pytest.mark.parametrize(("path", "kind"), [
    (EBSI_DIPLOMA, ViewKind.MICRO_CREDENTIAL),
    (EDUBADGES, ViewKind.OPEN_BADGE),
    (OB3_1EDTECH, ViewKind.OPEN_BADGE),
    (WORK_PERMIT, ViewKind.GENERIC),
    (MUNI_EDC, ViewKind.MICRO_CREDENTIAL),
])
def test_each_credential_gets_the_template_that_fits(path: Path, kind: ViewKind) -> None:
    # GIVEN a real credential / WHEN its template is chosen / THEN it is the one that fits
    assert view_kind(_parse(path)) is kind


@pytest.mark.parametrize(("term", "words"), [
    ("birthCountry", "Birth country"),
    ("lprCategory", "Lpr category"),
    ("ext:QualityAssurance", "Quality assurance"),
    ("ECTS", "ECTS"),
    ("https://schema.org/givenName", "Given name"),
])
def test_claim_names_are_written_in_words(term: str, words: str) -> None:
    assert name_in_words(term) == words


def test_vocabulary_terms_keep_their_capitals() -> None:
    assert words_of("ext:MicroCredential") == "Micro Credential"
    assert words_of("Diploma") == "Diploma"
