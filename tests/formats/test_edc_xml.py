"""Legacy europassCredential XML: values from the EU sample, hostile XML, the Europass CV."""

from __future__ import annotations

import importlib.util
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wallet.errors import MalformedCredential, NotACredential
from wallet.formats import edc_xml
from wallet.model import CredentialFormat

VECTORS = Path(__file__).resolve().parent.parent / "assets" / "vectors"
LEGACY = VECTORS / "edc" / "edc-v1-xml-credential-xades-signed.xml"
EUROPASS_CV = VECTORS / "edc" / "europass2-cv-CandidateSample1.xml"
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))

_XXE = b"""<?xml version="1.0"?>
<!DOCTYPE europassCredential [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<europassCredential xmlns="http://data.europa.eu/snb">
  <title><text lang="en">&xxe;</text></title>
</europassCredential>"""

_BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE europassCredential [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<europassCredential xmlns="http://data.europa.eu/snb"><title>&lol9;</title></europassCredential>"""

_PLAIN_DOCTYPE = b"""<?xml version="1.0"?>
<!DOCTYPE europassCredential>
<europassCredential xmlns="http://data.europa.eu/snb"/>"""


def test_legacy_credential_values_from_the_eu_sample() -> None:
    # GIVEN the legacy XAdES-signed europassCredential as read from disk
    raw = LEGACY.read_bytes()
    assert edc_xml.detect(raw)
    # WHEN parsed
    credential = edc_xml.parse(raw)
    view = credential.view
    # THEN raw is untouched and the main achievement's Annex I elements are read
    assert credential.format is CredentialFormat.EDC_XML
    assert credential.raw == raw
    assert credential.extras["signed"] is True
    assert view.title is not None
    assert view.title.pick("en") == "Master of Science: Climate Studies and Biofuture (version 1.3)"
    assert view.learner_name is not None and view.learner_name.pick("en") == "Karolina OSTROWSKA"
    assert view.awarding_body is not None and view.awarding_body.name is not None
    assert view.awarding_body.name.pick("en") == "Department of Climate Studies"
    assert view.issuer is not None and view.issuer.name is not None
    assert view.issuer.name.pick("en") == "Green University and Research Center"
    assert view.issuer_country is not None and view.issuer_country.pick("en") == "Ireland"
    assert view.issued == datetime(2021, 1, 28, 13, 20, 16, tzinfo=CET)
    assert view.valid_from == datetime(2021, 1, 18, 18, 0, tzinfo=CET)
    assert view.awarded == datetime(2020, 10, 20, 17, 0, tzinfo=CEST)
    assert [o.pick("en") for o in view.learning_outcomes] == [
        "Systematic environmental decision-making skills",
        "Biofuture Technical Approach",
    ]
    assert view.workload_hours == 300.0
    assert view.eqf_level == 6
    # This legacy sample states no credit points.
    assert view.ects is None
    assert view.participation is not None and view.participation.pick("en") == "Research-Lab based"
    assert view.assessment is not None and view.assessment.pick("en") == "practical assessment"
    assert view.supervision is not None and view.supervision.pick("en") == "No ID Verification"
    assert view.credential_id == "urn:credential:f66a53ac-bff5-4e8c-a126-3809242f787c"
    assert credential.document["xsdVersion"] == "0.10.0"


def test_whitespace_of_pretty_printed_text_is_folded() -> None:
    view = edc_xml.parse(LEGACY.read_bytes()).view
    assert view.description is not None
    assert view.description.pick("en") == (
        "has completed the main programme and obtained Specialisation(s) further described "
        "in the Achievements section."
    )


@pytest.mark.parametrize(
    "path",
    [
        EUROPASS_CV,
        VECTORS / "cz" / "TSL_CZ-seq77-2019-08-23.xml",
        VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld",
    ],
    ids=lambda p: p.name,
)
def test_detect_leaves_other_files_alone(path: Path) -> None:
    assert not edc_xml.detect(path.read_bytes())


@pytest.mark.parametrize("raw", [b"", b"<", b"\x00\x01", b"<!-- only a comment -->", b"<?xml?>"])
def test_detect_never_raises_on_garbage(raw: bytes) -> None:
    assert edc_xml.detect(raw) is False


@pytest.mark.parametrize(
    "raw", [_XXE, _BILLION_LAUGHS, _PLAIN_DOCTYPE], ids=["xxe", "billion-laughs", "doctype"]
)
def test_any_doctype_is_refused_quickly(raw: bytes) -> None:
    # GIVEN hostile XML that claims to be a europassCredential
    assert edc_xml.detect(raw)
    # WHEN parsed THEN it is refused before any entity is touched, in well under a second
    started = time.perf_counter()
    with pytest.raises(MalformedCredential, match="DOCTYPE"):
        edc_xml.parse(raw)
    assert time.perf_counter() - started < 0.5


def test_doctype_hidden_by_utf16_is_refused_after_parsing() -> None:
    # GIVEN a DOCTYPE the byte scan cannot see (UTF-16 text)
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<!DOCTYPE europassCredential [<!ENTITY a "b">]>\n'
        '<europassCredential xmlns="http://data.europa.eu/snb">&a;</europassCredential>'
    )
    with pytest.raises(MalformedCredential, match="DOCTYPE"):
        edc_xml.parse(text.encode("utf-16"))


def test_truncated_xml_is_malformed() -> None:
    raw = LEGACY.read_bytes()
    with pytest.raises(MalformedCredential, match="not well-formed"):
        edc_xml.parse(raw[: len(raw) // 3])


def test_other_xml_root_is_not_a_credential() -> None:
    with pytest.raises(NotACredential, match="not a Europass credential"):
        edc_xml.parse(EUROPASS_CV.read_bytes())


def test_credential_without_learner_is_malformed() -> None:
    raw = b'<europassCredential xmlns="http://data.europa.eu/snb"><title/></europassCredential>'
    with pytest.raises(MalformedCredential, match="names no learner"):
        edc_xml.parse(raw)


# --- through the format registry ---------------------------------------------------------------

_REGISTRY_MODULES = (
    "wallet.formats.baked",
    "wallet.formats.sd_jwt_vc",
    "wallet.formats.vc_jwt",
    "wallet.formats.ob2",
    "wallet.formats.vc_jsonld",
    "wallet.formats.presentation",
)
_MISSING = [m for m in _REGISTRY_MODULES if importlib.util.find_spec(m) is None]
# Not a silent skip: the reason names the modules, and this runs as soon as they exist.
needs_registry = pytest.mark.skipif(
    bool(_MISSING), reason=f"format registry incomplete, missing: {', '.join(_MISSING)}"
)


@needs_registry
def test_europass_cv_through_the_registry_is_not_a_credential() -> None:
    from wallet.formats import parse_credentials

    with pytest.raises(NotACredential) as caught:
        parse_credentials(EUROPASS_CV.read_bytes())
    assert "not a credential" in caught.value.message


@needs_registry
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("edc/edc-v1-xml-credential-xades-signed.xml", CredentialFormat.EDC_XML),
        ("edc/Sample-MC-Annex1-signed.jsonld", CredentialFormat.EDC_SEALED),
        ("edc/Sample-CertOfPart-signed.jsonld", CredentialFormat.EDC_SEALED),
        ("edc/Sample-MC-Annex1-unsigned.jsonld", CredentialFormat.EDC_JSONLD),
        ("edc/Sample-MC-Annex1-unsigned-uploadable.json", CredentialFormat.EDC_JSONLD),
        ("edc/elm-v3.2-credential-sample-minimal.jsonld", CredentialFormat.EDC_JSONLD),
        ("cz/synthetic-muni-mc-unsigned.jsonld", CredentialFormat.EDC_JSONLD),
    ],
)
def test_edc_vectors_through_the_registry(name: str, expected: CredentialFormat) -> None:
    from wallet.formats import parse_credentials

    credentials = parse_credentials((VECTORS / name).read_bytes())
    assert [c.format for c in credentials] == [expected]


@needs_registry
def test_sealed_empty_presentation_through_the_registry_gets_a_sentence() -> None:
    from wallet.formats import parse_credentials

    with pytest.raises(NotACredential, match="sealed presentation with no credentials"):
        parse_credentials((VECTORS / "edc" / "jades-baseline-lta-minimal-vp.json").read_bytes())
