"""Annex I view of ELM v3 credentials, with values read from the EU and Czech samples."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from wallet.formats import edc
from wallet.formats.elm_view import view_from_elm
from wallet.model import MicroCredentialView

VECTORS = Path(__file__).resolve().parent.parent / "assets" / "vectors"
EDC = VECTORS / "edc"
CEST = timezone(timedelta(hours=2))
_LANGUAGE_KEY = re.compile(r"^[a-z]{2,3}$")


def _view(path: Path) -> MicroCredentialView:
    return edc.parse(path.read_bytes()).view


def _en(text: Any) -> str:
    assert text is not None
    return str(text.pick("en"))


# --- the EU micro-credential sample built around Annex I ------------------------------------


@pytest.mark.parametrize(
    "name", ["Sample-MC-Annex1-signed.jsonld", "Sample-MC-Annex1-unsigned.jsonld"]
)
def test_annex1_micro_credential_mandatory_elements(name: str) -> None:
    # GIVEN the EU's Annex I micro-credential sample, sealed or not
    view = _view(EDC / name)
    # THEN every mandatory Annex I element carries the value written in the file
    assert _en(view.learner_name) == "Ana Andromeda"
    assert view.learner_identifier == "LA-234218"
    assert view.learner_birth_date == "1999-10-01T22:00:00Z"
    assert _en(view.title) == "Digital micro-credential creation"
    assert view.awarding_body is not None
    assert _en(view.awarding_body.name) == "University of Zed"
    assert view.awarding_body.homepage == "https://uniz.edu"
    assert _en(view.issuer_country) == "Ireland"
    assert [_en(o) for o in view.learning_outcomes] == [
        "Communication, collaboration and creativity",
        "Developing digital content",
    ]
    assert view.learning_outcomes[1].pick("es") == "Contento digital"
    assert view.ects == 2.0
    assert view.workload_hours == 60.0
    assert view.eqf_level == 6
    assert _en(view.nqf_level) == "RQF Level 6"
    assert _en(view.assessment) == "artefact assessment"
    assert _en(view.participation) == "Blended"
    # The sample names no accreditation or other quality assurance: nothing is invented.
    assert view.quality_assurance is None


def test_annex1_micro_credential_optional_elements() -> None:
    view = _view(EDC / "Sample-MC-Annex1-signed.jsonld")
    assert _en(view.prerequisites).startswith(
        "The learner needs to have an EDC Online Credential Builder account"
    )
    assert _en(view.supervision) == "Unsupervised without ID Verification"
    assert _en(view.grade) == "Pass"
    assert view.integration is None
    assert view.further_information is None
    assert _en(view.field_of_study).startswith("Personal skills and development, ")


def test_sealed_sample_separates_the_sealer_from_the_awarding_body() -> None:
    # GIVEN the sealed sample, whose issuer is the e-seal holder
    view = _view(EDC / "Sample-MC-Annex1-signed.jsonld")
    # THEN both organisations are kept, each under its own role
    assert view.issuer is not None and view.awarding_body is not None
    assert _en(view.issuer.name) == "ORGANIZACION TEST"
    assert "VATES-A00000000" in view.issuer.legal_identifiers
    assert _en(view.awarding_body.name) == "University of Zed"
    assert view.issued == datetime(2023, 9, 27, 13, 54, 17, tzinfo=CEST)
    assert view.valid_from == datetime(2022, 12, 31, 23, 0, tzinfo=UTC)
    assert view.credential_id == "urn:credential:1018d05f-21d5-4555-b7f0-8fabfd22ca75"
    assert "EuropeanDigitalCredential" in view.types


def test_unsealed_sample_without_issuance_date_falls_back_to_valid_from() -> None:
    view = _view(EDC / "Sample-MC-Annex1-unsigned.jsonld")
    assert view.issued == datetime(2022, 12, 31, 23, 0, tzinfo=UTC)
    assert view.issuer is not None
    assert _en(view.issuer.name) == "University of Zed"


def test_official_page_image_is_decoded_per_language() -> None:
    view = _view(EDC / "Sample-MC-Annex1-signed.jsonld")
    pages = [i for i in view.images if i.role == "page"]
    assert len(pages) == 1
    assert (pages[0].language, pages[0].page, pages[0].media_type) == ("en", 1, "image/jpeg")
    assert pages[0].data is not None and pages[0].data.startswith(b"\xff\xd8\xff")
    assert view.awarding_body is not None and view.awarding_body.logo is not None
    assert view.awarding_body.logo.data is not None
    assert view.awarding_body.logo.data.startswith(b"\x89PNG")


# --- certificate of participation --------------------------------------------------------------


def test_certificate_of_participation() -> None:
    # GIVEN the EU certificate of participation (a LearningActivity claim)
    view = _view(EDC / "Sample-CertOfPart-signed.jsonld")
    # THEN the activity's title, organiser, actual workload and mode are read
    assert _en(view.title) == "EDC Updates Webinar"
    assert view.awarding_body is not None
    assert _en(view.awarding_body.name) == "European Digital Credentials for Learning Support Team"
    assert _en(view.issuer_country) == "Belgium"
    assert view.learner_identifier == "97168A"
    # volumeOfLearning "P2M" has no fixed hours; the claim's own workload "PT2H" does
    assert view.workload_hours == 2.0
    assert view.ects is None
    assert view.eqf_level is None
    assert _en(view.participation) == "Online"
    assert view.learning_outcomes == ()
    assert view.assessment is None and view.grade is None
    info = _en(view.further_information)
    assert (
        "ELM on Github: https://github.com/european-commission-empl/European-Learning-Model" in info
    )
    assert "https://europa.eu/europass/en/europass-tools/digital-credentials" in info
    assert view.issued == datetime(2023, 9, 27, 14, 7, 1, tzinfo=CEST)


# --- synthetic Czech micro-credential ----------------------------------------------------------


def test_czech_micro_credential_picks_czech_and_english() -> None:
    view = _view(VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld")
    assert view.title is not None
    assert view.title.pick("cs") == "Základy analýzy dat v Pythonu"
    assert view.title.pick("en") == "Foundations of Data Analysis in Python"
    assert view.learner_name is not None and view.learner_name.pick("cs") == "Jana Nováková"
    assert view.awarding_body is not None and view.awarding_body.name is not None
    assert view.awarding_body.name.pick("cs") == "Masarykova univerzita"
    assert view.awarding_body.name.pick("en") == "Masaryk University"
    assert "00216224" in view.awarding_body.legal_identifiers
    assert view.issuer is not None and view.issuer.name is not None
    assert view.issuer.name.pick("cs") == "Masarykova univerzita"
    assert _en(view.issuer_country) == "Czechia"
    assert view.ects == 4.0
    assert view.workload_hours == 100.0
    assert view.eqf_level == 6
    assert view.grade is not None and view.grade.pick("cs") == "A (výborně)"
    assert view.prerequisites is not None
    assert view.prerequisites.pick("cs").startswith("Ukončené středoškolské vzdělání")
    assert len(view.learning_outcomes) == 3
    assert view.learning_outcomes[0].pick("cs").startswith("Absolvent/ka dokáže načíst")
    assert view.languages == ("cs", "en")
    assert view.awarded == datetime(2025, 6, 20, 10, 0, tzinfo=CEST)
    assert [(i.language, i.page) for i in view.images] == [("cs", 1)]


def test_language_pick_falls_back_to_english_for_other_languages() -> None:
    view = _view(VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld")
    assert view.title is not None
    assert view.title.pick("de") == "Foundations of Data Analysis in Python"


# --- minimal ELM 3.2 sample --------------------------------------------------------------------


def test_minimal_elm_32_sample_reads_what_it_has_and_nothing_else() -> None:
    view = _view(EDC / "elm-v3.2-credential-sample-minimal.jsonld")
    assert view.title is not None
    assert view.title.pick("fr") == "une sorte de réussite scolaire"
    assert _en(view.title) == "some kind of learning achievement"
    assert _en(view.learner_name) == "Max Power"
    assert view.awarding_body is not None
    assert _en(view.awarding_body.name) == "some legal name of the organisation"
    # The country concept has no label in this file: its authority-table code is shown.
    assert view.issuer_country is not None and view.issuer_country.values == {"und": "FRA"}
    assert view.issued == datetime(2010, 1, 1, tzinfo=UTC)
    assert view.valid_until == datetime(2024, 9, 25, tzinfo=UTC)
    assert view.languages == ("en", "fr")
    for missing in ("ects", "workload_hours", "eqf_level", "assessment", "participation", "grade"):
        assert getattr(view, missing) is None, missing
    assert view.learning_outcomes == ()


# --- shapes that must read alike ---------------------------------------------------------------


def _language_maps_to_arrays(node: Any) -> Any:
    """``{"en": "Italy"}`` → ``{"en": ["Italy"]}``, as newer EDC issuers write them."""
    if isinstance(node, dict):
        if node and all(_LANGUAGE_KEY.match(k) and isinstance(v, str) for k, v in node.items()):
            return {k: [v] for k, v in node.items()}
        return {k: _language_maps_to_arrays(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_language_maps_to_arrays(v) for v in node]
    return node


@pytest.mark.parametrize(
    "path",
    [
        EDC / "Sample-MC-Annex1-unsigned.jsonld",
        VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld",
    ],
    ids=lambda p: p.name,
)
def test_language_maps_with_arrays_read_like_strings(path: Path) -> None:
    # GIVEN a sample and the same sample with every language-map value turned into an array
    document = json.loads(path.read_bytes())
    converted = _language_maps_to_arrays(copy.deepcopy(document))
    assert converted != document
    # WHEN both are mapped THEN the views are identical
    assert view_from_elm(converted) == view_from_elm(document)


def test_awarding_body_given_by_reference_reads_like_inline() -> None:
    # GIVEN the awarding body replaced by its id, the object itself sitting elsewhere
    document = json.loads((EDC / "Sample-MC-Annex1-unsigned.jsonld").read_bytes())
    linked = copy.deepcopy(document)
    linked["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"] = "urn:epass:org:1"
    # THEN the view finds the same organisation
    assert view_from_elm(linked).awarding_body == view_from_elm(document).awarding_body


def test_single_values_and_one_element_lists_read_alike() -> None:
    document = json.loads((EDC / "Sample-MC-Annex1-unsigned.jsonld").read_bytes())
    listed = copy.deepcopy(document)
    claim = listed["credentialSubject"]["hasClaim"]
    listed["credentialSubject"]["hasClaim"] = [claim]
    claim["specifiedBy"] = [claim["specifiedBy"]]
    claim["provenBy"] = [claim["provenBy"]]
    assert view_from_elm(listed) == view_from_elm(document)
