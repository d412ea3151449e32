"""Names of a credential's claims in the interface language: the common schema.org and W3C
example terms (``givenName``, ``birthCountry``, ``lprCategory``) by Kredo's translation table;
any other term by its name in words (``wallet.formats.claims_view.name_in_words``), which is
the fallback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet.formats.claims_view import ClaimRow

# Called by this name with literal strings, so that lupdate collects them.
translate = QCoreApplication.translate


def _known() -> dict[str, str]:
    """Built at each call: the words follow the translator installed now."""
    return {
        "type": translate("ClaimLabels", "Type"),
        "id": translate("ClaimLabels", "Identifier"),
        "identifier": translate("ClaimLabels", "Identifier"),
        "name": translate("ClaimLabels", "Name"),
        "givenName": translate("ClaimLabels", "Given name"),
        "familyName": translate("ClaimLabels", "Family name"),
        "additionalName": translate("ClaimLabels", "Middle name"),
        "honorificPrefix": translate("ClaimLabels", "Title before the name"),
        "honorificSuffix": translate("ClaimLabels", "Title after the name"),
        "birthDate": translate("ClaimLabels", "Date of birth"),
        "birthPlace": translate("ClaimLabels", "Place of birth"),
        "birthCountry": translate("ClaimLabels", "Country of birth"),
        "gender": translate("ClaimLabels", "Gender"),
        "image": translate("ClaimLabels", "Photo"),
        "nationality": translate("ClaimLabels", "Nationality"),
        "residentSince": translate("ClaimLabels", "Resident since"),
        "lprCategory": translate("ClaimLabels", "Permanent resident category"),
        "lprNumber": translate("ClaimLabels", "Permanent resident number"),
        "commuterClassification": translate("ClaimLabels", "Commuter classification"),
        "employmentAuthorizationDocument": translate("ClaimLabels",
                                                     "Employment authorisation document"),
        "address": translate("ClaimLabels", "Address"),
        "streetAddress": translate("ClaimLabels", "Street and number"),
        "addressLocality": translate("ClaimLabels", "Town or city"),
        "addressRegion": translate("ClaimLabels", "Region"),
        "postalCode": translate("ClaimLabels", "Postcode"),
        "addressCountry": translate("ClaimLabels", "Country"),
        "email": translate("ClaimLabels", "E-mail"),
        "telephone": translate("ClaimLabels", "Telephone"),
        "url": translate("ClaimLabels", "Web address"),
        "description": translate("ClaimLabels", "Description"),
        "jobTitle": translate("ClaimLabels", "Job title"),
        "worksFor": translate("ClaimLabels", "Employer"),
        "alumniOf": translate("ClaimLabels", "Graduate of"),
    }


def claim_label(claim: ClaimRow) -> str:
    """The claim's name for the reader: a known term's in their language, else the term in
    words."""
    return _known().get(claim.key, claim.label)
