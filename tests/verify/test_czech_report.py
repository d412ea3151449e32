"""A verification made in Czech says every check in Czech, and its saved report reads back in
English exactly as an English verification says it (sentences built from other sentences too:
joined problems, reasons from other layers, trust sources, XML signature problems)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wallet.translation import localize, set_language, tr
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport
from wallet.verify.sentences import first_sentences

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors"
EDC = VECTORS / "edc"
W3C = VECTORS / "w3c"
OB3 = W3C / "1edtech-obv3-ldp-signed-credential.json"
OB3_CONTROLLER = json.loads((W3C / "1edtech-obv3-ldp-controller-document.json").read_text())

CASES = {
    # seal intact, timestamps by an authority on no trusted list; awarding body named
    "edc-sealed": (EDC / "Sample-MC-Annex1-signed.jsonld", VerifyOptions()),
    # XAdES: the XML signature problems, about a credential
    "edc-xml-altered": (EDC / "edc-v1-xml-credential-xades-signed.xml", VerifyOptions()),
    # the key belongs to someone other than the issuer
    "eddsa-other-key": (W3C / "eddsa-rdfc-2022-signedDataInt.json", VerifyOptions()),
    "unsigned": (EDC / "Sample-MC-Annex1-unsigned.jsonld", VerifyOptions()),
    # the issuer's key needs going online
    "ob3-offline": (OB3, VerifyOptions()),
    # valid, and trusted because the user said so
    "ob3-trusted-by-you": (
        OB3,
        VerifyOptions(
            documents={OB3_CONTROLLER["id"]: OB3_CONTROLLER},
            trusted_issuers=frozenset({OB3_CONTROLLER["id"]}),
        ),
    ),
}


def _verify(name: str) -> VerificationReport:
    path, options = CASES[name]
    return verify_file_bytes(path.read_bytes(), options=options)


@pytest.mark.parametrize("name", sorted(CASES))
def test_czech_report_reads_back_as_the_english_one(name: str) -> None:
    english = _verify(name)
    set_language("cs")
    try:
        czech = _verify(name)
    finally:
        set_language("en")
    assert [c.id for c in czech.checks] == [c.id for c in english.checks]
    for cs_check, en_check in zip(czech.checks, english.checks, strict=True):
        saved = json.loads(json.dumps(cs_check.to_json()))
        assert cs_check.message != en_check.message, cs_check.message
        assert localize(saved["message"], saved.get("message_i18n"), "en") == en_check.message
    if english.issuer is not None and english.issuer.trust_source:
        saved_issuer = json.loads(json.dumps(czech.to_json()))["issuer"]
        assert saved_issuer["trust_source"] != english.issuer.trust_source
        assert localize(saved_issuer["trust_source"], saved_issuer["trust_source_i18n"],
                        "en") == english.issuer.trust_source


def test_czech_sentences_of_known_cases(czech: None) -> None:
    sealed = _verify("edc-sealed")
    signature, issuer = sealed.check("signature"), sealed.check("issuer")
    assert signature is not None and issuer is not None
    assert signature.message.startswith("Kvalifikovaná elektronická pečeť subjektu ")
    assert "neuvádí jako autoritu časových razítek: " in signature.message
    assert issuer.message.endswith("Udělující subjekt uvedený v certifikátu: University of Zed.")
    altered = _verify("edc-xml-altered").check("signature")
    assert altered is not None and altered.message == "Certifikát byl po podepsání změněn."
    trusted = _verify("ob3-trusted-by-you")
    trusted_issuer = trusted.check("issuer")
    assert trusted_issuer is not None
    assert trusted_issuer.message.endswith(
        ", jehož důvěryhodnost potvrzuje váš seznam důvěryhodných vydavatelů."
    )


def test_reason_from_another_layer_follows_a_full_stop_and_reads_back(czech: None) -> None:
    reason = tr("The file {name} does not exist.", name="a.json")
    outer = tr("The issuer's status list could not be fetched. {reason}", reason=reason)
    assert outer == "Seznam stavů vydavatele nebylo možné stáhnout. Soubor a.json neexistuje."
    spec = json.loads(json.dumps(outer.to_json()))
    assert localize(outer, spec, "en") == (
        "The issuer's status list could not be fetched. The file a.json does not exist."
    )
    assert localize(outer, spec, "cs") == str(outer)


def test_first_sentences_keep_their_translations(czech: None) -> None:
    assert first_sentences([]) == ""
    one = tr("Cancelled.")
    assert first_sentences([one]) is one
    joined = first_sentences([tr("Cancelled."), tr("The signature is not valid."), "dropped"])
    assert joined == "Zrušeno. Podpis není platný."
    assert joined.localized("en") == "Cancelled. The signature is not valid."  # type: ignore[attr-defined]
