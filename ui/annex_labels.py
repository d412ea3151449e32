"""Credential format names in the interface language (Annex I labels come from the core's
``wallet.share.annex_labels``, shared with the PDF export)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet.model import CredentialFormat


def format_name(fmt: CredentialFormat) -> str:
    return {
        CredentialFormat.EDC_SEALED: QCoreApplication.translate("Annex", "European Digital Credential (sealed)"),  # noqa: E501
        CredentialFormat.EDC_JSONLD: QCoreApplication.translate("Annex", "European Digital Credential (unsealed)"),  # noqa: E501
        CredentialFormat.EDC_XML: QCoreApplication.translate("Annex", "Europass credential (XML, ELM v1/v2)"),  # noqa: E501
        CredentialFormat.VC_JSONLD: QCoreApplication.translate("Annex", "W3C Verifiable Credential (JSON-LD)"),  # noqa: E501
        CredentialFormat.VC_JWT: QCoreApplication.translate("Annex", "W3C Verifiable Credential (JWT)"),  # noqa: E501
        CredentialFormat.SD_JWT_VC: QCoreApplication.translate("Annex", "SD-JWT Verifiable Credential"),  # noqa: E501
        CredentialFormat.OB2: QCoreApplication.translate("Annex", "Open Badges 2.0"),
    }[fmt]


def short_format_name(fmt: CredentialFormat) -> str:
    """The card's short name; only the sealed EDC's needs words of the interface language."""
    if fmt is CredentialFormat.EDC_SEALED:
        return QCoreApplication.translate("Annex", "EDC (sealed)")
    return fmt.short_label
