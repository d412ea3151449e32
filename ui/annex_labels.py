"""Annex I element names in the interface language (keys from ``wallet.view_text``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet.model import CredentialFormat


def _tr(text: str) -> str:
    return QCoreApplication.translate("Annex", text)


def annex_label(key: str) -> str:
    labels = {
        "title": _tr("Title"),
        "learner": _tr("Learner"),
        "learner_identifier": _tr("Learner identifier"),
        "awarding_body": _tr("Awarding body"),
        "issuer": _tr("Issuer (signed by)"),
        "issuer_country": _tr("Country of the issuer"),
        "issued": _tr("Date of issue"),
        "valid_from": _tr("Valid from"),
        "valid_until": _tr("Valid until"),
        "workload": _tr("Notional workload"),
        "level": _tr("Level"),
        "assessment": _tr("Type of assessment"),
        "participation": _tr("Form of participation"),
        "quality_assurance": _tr("Quality assurance"),
        "prerequisites": _tr("Prerequisites"),
        "supervision": _tr("Supervision and identity verification"),
        "grade": _tr("Grade"),
        "integration": _tr("Integration and stackability"),
        "further_information": _tr("Further information"),
        "description": _tr("Description"),
        "credential_id": _tr("Credential id"),
        "learning_outcomes": _tr("Learning outcomes"),
    }
    return labels.get(key, key)


def hours_word() -> str:
    return _tr("hours")


def not_stated() -> str:
    return _tr("not stated")


def format_name(fmt: CredentialFormat) -> str:
    return {
        CredentialFormat.EDC_SEALED: _tr("European Digital Credential (sealed)"),
        CredentialFormat.EDC_JSONLD: _tr("European Digital Credential (unsealed)"),
        CredentialFormat.EDC_XML: _tr("Europass credential (XML, ELM v1/v2)"),
        CredentialFormat.VC_JSONLD: _tr("W3C Verifiable Credential (JSON-LD)"),
        CredentialFormat.VC_JWT: _tr("W3C Verifiable Credential (JWT)"),
        CredentialFormat.SD_JWT_VC: _tr("SD-JWT Verifiable Credential"),
        CredentialFormat.OB2: _tr("Open Badges 2.0"),
    }[fmt]
