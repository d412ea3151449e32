"""Labels for the Annex I elements and the verification summary, in English and Czech.

One table for every face that shows a credential to a person (the PDF export, the GUI, the
CV PDF), so the wording stays the same everywhere. Where the EU's own EDC Viewer and Issuer
have a Czech term for the same thing, it is used as they write it (their en/cs label pairs,
EUPL-1.2, are kept as a test vector: ``tests/assets/vectors/cz/edc-ui-labels-cs-en.json``);
the ``eu_key`` of such a label names the pair it comes from. The other Czech labels are
Kredo's own wording, kept close to the Czech text of the Council Recommendation of 16 June
2022 on micro-credentials.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wallet.model import normalise_language

SUPPORTED_LANGUAGES = ("en", "cs")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Label:
    en: str
    cs: str
    eu_key: str | None = None  # the EU EDC Viewer/Issuer i18n key the wording comes from

    def text(self, lang: str) -> str:
        return self.cs if ui_language(lang) == "cs" else self.en


def ui_language(lang: str) -> str:
    """``cs-CZ`` → ``cs``; anything Kredo has no labels for → English."""
    code = normalise_language(lang)
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


# Annex I elements, keyed like the rows of ``wallet.share.annex_rows.annex_rows`` (the one ordering
# the GUI and the PDF share), plus the parts those rows fold together (``ects`` and
# ``workload_hours`` in ``workload``; ``eqf_level`` and ``nqf_level`` in ``level``) and the
# learner's date of birth, awarding date, field of study and languages.
ANNEX_I_LABELS: Mapping[str, Label] = {
    "title": Label(
        "Credential Title",
        "Název certifikátu",
        "credential-builder.credentials-tab.credentialTitle",
    ),
    "learner": Label("Learner", "Studující"),
    "learner_identifier": Label("Learner identifier", "Identifikátor studujícího"),
    "learner_birth_date": Label(
        "Date of birth", "Datum narození", "details.credential-subject-tab.dateOfBirth"
    ),
    "awarding_body": Label(
        "Awarding body", "Udělující subjekt", "credential-builder.achievements-tab.awardingBody"
    ),
    "issuer": Label(
        "Sealing organisation",
        "Organizace, která opatřuje certifikát pečetí",
        "details.sealing-organization",
    ),
    "issuer_country": Label("Country or region of the issuer", "Země nebo region vydavatele"),
    "issued": Label("Date of issue", "Datum vydání"),
    "awarded": Label("Awarding Date", "Datum udělení", "details.achievements-tab.awardingDate"),
    "valid_from": Label("Valid from", "Platnost od", "details.diploma-details-tab.validFrom"),
    "valid_until": Label(
        "Expiry date", "Datum skončení platnosti", "details.diploma-details-tab.expiryDate"
    ),
    "workload": Label(
        "Notional workload needed to achieve the learning outcomes",
        "Pracovní zátěž potřebná k dosažení výsledků učení",
    ),
    "ects": Label(
        "ECTS Credit Points",
        "Kreditní body ECTS (evropský systém přenosu a akumulace kreditů)",
        "details.achievements-tab.ECTSCreditPoints",
    ),
    "workload_hours": Label(
        "Notional Workload in Hours",
        "Přibližný počet hodin pracovního vytížení",
        "details.activities-tab.notionalWorkloadInHours",
    ),
    "level": Label("Level (EQF, NQF)", "Úroveň (EQF, NQF)"),
    "eqf_level": Label("EQF Level", "Úroveň EQF", "details.achievements-tab.EQFLevel"),
    "nqf_level": Label("NQF Level", "Úroveň NQF", "details.achievements-tab.NQFLevel"),
    "assessment": Label(
        "Assessment Type", "Typ hodnocení", "details.assessments-tab.assessmentType"
    ),
    "participation": Label(
        "Form of participation in the learning activity", "Forma účasti na vzdělávací činnosti"
    ),
    "quality_assurance": Label("Quality assurance", "Zajištění kvality"),
    "prerequisites": Label(
        "Entry Requirements", "Vstupní požadavky", "details.achievements-tab.entryRequirements"
    ),
    "supervision": Label(
        "Assessment reliability proven by",
        "Metoda hodnocení, dohledu a ověřování totožnosti",
        "details.assessments-tab.idVerification",
    ),
    "grade": Label("Grade", "Známka", "details.assessments-tab.grade"),
    "integration": Label("Integration and stackability options", "Možnosti začlenění a kumulace"),
    "further_information": Label("Further information", "Další informace"),
    "description": Label("Description", "Popis"),
    "credential_id": Label("Credential identifier", "Identifikátor certifikátu"),
    "learning_outcomes": Label(
        "Learning Outcomes", "Výsledky učení", "details.achievements-tab.learningOutcomes"
    ),
    "field_of_study": Label("Field of study", "Obor vzdělávání"),
    "languages": Label("Languages of the credential", "Jazyky certifikátu"),
}

# Section headings, verification wording and notes of the exported documents.
DOCUMENT_LABELS: Mapping[str, Label] = {
    "document_title": Label("Micro-credential", "Mikrocertifikát"),
    "section_elements": Label(
        "Elements of the micro-credential (Council Recommendation of 16 June 2022, Annex I)",
        "Prvky mikrocertifikátu (doporučení Rady ze dne 16. června 2022, příloha I)",
    ),
    "section_verification": Label("Verification", "Ověření"),
    "section_issuer": Label("Issuer", "Vydávající subjekt", "credential-builder.issuer"),
    "section_qr": Label("Verification QR code", "QR kód k ověření"),
    "section_original": Label("Original credential file", "Původní soubor certifikátu"),
    "section_image": Label("Image carried by the credential", "Obrázek obsažený v certifikátu"),
    "format": Label("Format", "Formát"),
    "not_stated": Label("not stated", "neuvedeno"),
    "status_verified": Label("Verified", "Ověřeno", "details.verification-tab.ribbon-correct"),
    "status_partially_verified": Label(
        "Partially Verified", "Částečně ověřeno", "details.verification-tab.ribbon-warning"
    ),
    "status_indeterminate": Label("Could Not Be Checked", "Nebylo možné ověřit"),
    "status_failed": Label(
        "Verification Failed",
        "Ověření neproběhlo úspěšně",
        "details.verification-tab.ribbon-incorrect",
    ),
    "check_format": Label("Format", "Formát"),
    "check_signature": Label("Signature or seal", "Podpis nebo pečeť"),
    "check_issuer": Label("Issuer", "Vydavatel"),
    "check_validity": Label("Validity", "Platnost"),
    "check_status": Label("Revocation status", "Stav odvolání"),
    "check_holder": Label("Holder", "Držitel"),
    "check_accreditation": Label(
        "Accreditation", "Akreditace", "details.achievements-tab.accreditation"
    ),
    "result_ok": Label("OK", "v pořádku"),
    "result_warning": Label("warning", "upozornění"),
    "result_skipped": Label("skipped", "nekontrolováno"),
    "result_failed": Label("failed", "selhalo"),
    "issuer_trusted": Label("Trusted through", "Důvěryhodný díky"),
    "issuer_not_trusted": Label(
        "Not on any trusted list or registry Kredo knows.",
        "Není na žádném důvěryhodném seznamu ani v registru, který Kredo zná.",
    ),
    "issuer_identifier": Label("Identifier", "Identifikátor", "details.identifier"),
    "verified_at": Label("Checked by Kredo on", "Zkontrolováno aplikací Kredo"),
    "messages_in_english": Label(
        "",
        "Podrobné zprávy jednotlivých kontrol jsou v angličtině.",
    ),
    "qr_caption": Label(
        "This code carries the whole credential. Scan it with Kredo (kredo scan) to check "
        "the signature yourself.",
        "Tento kód nese celý certifikát. Naskenujte jej aplikací Kredo (kredo scan) a "
        "ověřte podpis sami.",
    ),
    "qr_too_large": Label(
        "The credential is too large for one QR code. Its original file is attached to this "
        "PDF instead: open the attachments of your PDF reader, or run kredo scan on this PDF.",
        "Certifikát je pro jeden QR kód příliš velký. Jeho původní soubor je proto přiložen "
        "k tomuto PDF: otevřete přílohy ve svém prohlížeči PDF, nebo spusťte kredo scan na "
        "toto PDF.",
    ),
    "qr_unavailable": Label(
        "No QR code could be drawn; the original file is attached to this PDF.",
        "QR kód nebylo možné vytvořit; původní soubor je přiložen k tomuto PDF.",
    ),
    "attachment_note": Label(
        "The original credential file is attached to this PDF, exactly as it was received:",
        "Původní soubor certifikátu je přiložen k tomuto PDF přesně tak, jak byl přijat:",
    ),
    "attachment_verify": Label(
        "Only the attached file (or the QR code) can be verified; this page is a readable copy.",
        "Ověřit lze jen přiložený soubor (nebo QR kód); tato stránka je čitelná kopie.",
    ),
    "image_page": Label("Official page of the credential", "Oficiální stránka certifikátu"),
    "image_badge": Label("Badge image", "Obrázek odznaku"),
    "image_not_drawn": Label(
        "The credential carries an image that could not be drawn here.",
        "Certifikát obsahuje obrázek, který zde nelze zobrazit.",
    ),
    "exported_by": Label("Exported by Kredo", "Vytvořeno aplikací Kredo"),
}

CHECK_LABEL_KEYS: Mapping[str, str] = {
    check: f"check_{check}"
    for check in ("format", "signature", "issuer", "validity", "status", "holder", "accreditation")
}


def hours_word(value: float, lang: str) -> str:
    """"hours" after a number: Czech has hodina (1), hodiny (2–4 and fractions), hodin (5+)."""
    if lang != "cs":
        return "hour" if value == 1 else "hours"
    if value == 1:
        return "hodina"
    if value != int(value) or 2 <= value <= 4:
        return "hodiny"
    return "hodin"


def label(key: str, lang: str) -> str:
    """The label ``key`` (an Annex I field or a document label) in ``lang``."""
    found = ANNEX_I_LABELS.get(key) or DOCUMENT_LABELS.get(key)
    if found is None:
        raise KeyError(key)
    return found.text(lang)
