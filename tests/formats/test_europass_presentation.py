"""Europass XML presentations (ELM v2 sealed, EDCI 0.4 drafts) and the 2019 credential XML,
read from the Commission's own samples in the real-world corpus."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from wallet.errors import NotACredential
from wallet.formats import edc_xml, europass_presentation, parse_credential, parse_credentials
from wallet.formats import presentation as presentation_format
from wallet.model import CredentialFormat

EDC = Path(__file__).resolve().parent.parent / "assets" / "realworld" / "edc"
SEALED = EDC / "elm-xml-0.10-2022-EDC_DiplomaSupplement_AA-mandated-presentation-xades.xml"
DRAFT_2019 = EDC / "elm-xml-0.4-2019-edci_presentation-unsealed.xml"
DRAFT_2019_ALT1 = EDC / "elm-xml-0.4-2019-edci_presentation_alt1-unsealed.xml"
CREDENTIAL_2019 = EDC / "elm-xml-0.4-2019-edci_credential-unsealed.xml"
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
UTC0 = UTC


def test_a_europass_xml_presentation_is_a_presentation_and_not_a_credential_xml() -> None:
    # GIVEN the Commission's sealed ELM v2 presentation
    raw = SEALED.read_bytes()
    # THEN the presentation detectors claim it, the credential-XML detector does not
    assert europass_presentation.detect(raw)
    assert presentation_format.detect(raw)
    assert not edc_xml.detect(raw)


def test_the_mandated_credential_keeps_the_sealed_presentation_bytes() -> None:
    # GIVEN a sealed presentation whose one credential has no seal of its own
    raw = SEALED.read_bytes()
    # WHEN it is imported
    [credential] = parse_credentials(raw)
    # THEN the credential is stored with the bytes the presentation's seal covers
    assert credential.raw == raw
    assert credential.format is CredentialFormat.EDC_XML
    assert credential.extras["signed"] is True
    # AND what it says is the diploma supplement inside
    view = credential.view
    assert view.title is not None
    assert view.title.values["en"] == (
        "Graduate University Study of Civil Engineering - Diploma Supplement"
    )
    assert view.issued == datetime(2022, 8, 9, 15, 53, 56, tzinfo=CEST)
    assert view.valid_until == datetime(2100, 12, 31, tzinfo=CET)
    assert view.issuer is not None and view.issuer.name is not None
    assert view.issuer.name.values["en"] == "JAMK University of Applied Sciences"
    # AND the stored bytes read back as the same credential
    assert parse_credential(credential.raw).view == view


def test_every_entry_of_a_2019_draft_presentation_is_split_out() -> None:
    # GIVEN the 2019 draft presentation: one europassCredential and three "any XML" entries
    raw = DRAFT_2019.read_bytes()
    root = europass_presentation.presentation_root(raw)
    # WHEN its entries are read
    entries = europass_presentation.carried(root)
    # THEN all four are there, the first the credential, the others named as what they are
    assert [etree_name(e) for e in entries] == [
        "europassCredential", "anyCredentialType", "verifiableCredential", "credential"
    ]
    credential = europass_presentation.entry_credential(raw, root, entries[0])
    assert credential.view.issued == datetime(2016, 8, 16, 11, 13, 35, tzinfo=UTC0)
    with pytest.raises(NotACredential, match="anyCredentialType"):
        europass_presentation.entry_credential(raw, root, entries[1])
    # AND the presentation has no seal of its own
    assert europass_presentation.own_signature(root) is None


def test_a_presentation_of_several_entries_is_not_read_as_one_credential() -> None:
    # GIVEN the 2019 draft presentation with four entries
    # WHEN it is read as a single credential
    # THEN Kredo says to read it as the presentation it is
    with pytest.raises(NotACredential, match="4 entries"):
        parse_credential(DRAFT_2019.read_bytes())


def test_a_2019_presentation_names_its_issuer_and_issue_date() -> None:
    # GIVEN the 2019 'alt1' presentation, whose credential says issuanceDate and names its
    # issuer by reference to an organisation whose name has the language on the element
    [credential] = parse_credentials(DRAFT_2019_ALT1.read_bytes())
    view = credential.view
    # THEN the issue date and the issuer's name are shown, in English
    assert view.issued == datetime(2016, 8, 16, 11, 13, 35, tzinfo=UTC0)
    assert view.issuer is not None and view.issuer.name is not None
    assert view.issuer.name.values == {"en": "KU Leuven"}
    assert view.issuer.homepage == "https://www.kuleuven.be"
    assert view.title is not None and view.title.values == {
        "en": "KULeuven Credential Master in Geology"
    }


def test_a_2019_credential_shows_its_issue_date_and_awarding_body() -> None:
    # GIVEN the 2019 credential: issued, preferredName, a qualificationAward with an awarding
    # process, and an issuer reference that names no organisation in the file
    view = parse_credential(CREDENTIAL_2019.read_bytes()).view
    # THEN the issue date and expiry are its own, not the valid-from date
    assert view.issued == datetime(2020, 3, 24, 23, 0, tzinfo=CET)
    assert view.valid_until == datetime(2021, 8, 16, 11, 13, 35, tzinfo=CET)
    # AND the awarding body is read from the 2019 names and addresses
    assert view.awarding_body is not None and view.awarding_body.name is not None
    assert view.awarding_body.name.values == {"en": "KU Leuven"}
    assert view.awarding_body.homepage == "https://www.kuleuven.be"
    assert view.awarding_body.email == "info@kuleuven.be"
    assert "0419.052.173" in view.awarding_body.legal_identifiers
    # AND an issuer reference that resolves to nothing is not guessed
    assert view.issuer is None


def etree_name(element: etree._Element) -> str:
    return etree.QName(element).localname
