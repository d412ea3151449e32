"""The card's short format name in the interface language (full names are the core's
``CredentialFormat.display_name``; Annex I labels come from ``wallet.share.annex_labels``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet.model import CredentialFormat


def short_format_name(fmt: CredentialFormat) -> str:
    """The card's short name; only the sealed EDC's needs words of the interface language."""
    if fmt is CredentialFormat.EDC_SEALED:
        return QCoreApplication.translate("Annex", "EDC (sealed)")
    return fmt.short_label
