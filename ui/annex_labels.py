"""The card's short format name in the interface language (full names are the core's
``CredentialFormat.display_name``; Annex I labels come from ``wallet.share.annex_labels``),
and those labels in sentence case for the detail views."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from wallet.model import CredentialFormat


def short_format_name(fmt: CredentialFormat) -> str:
    """The card's short name; only the sealed EDC's needs words of the interface language."""
    if fmt is CredentialFormat.EDC_SEALED:
        return QCoreApplication.translate("Annex", "EDC (sealed)")
    return fmt.short_label


# A capitalised word after the first: "Title" in "Credential Title" (not "ECTS", "EQF").
_TITLE_WORD = re.compile(r"(?<=\s)([A-Z])(?=[a-z]+\b)")


def sentence_case(label: str) -> str:
    """An English label in sentence case, as every label of the detail views is: the EU EDC
    Viewer's "Assessment Type" becomes "Assessment type"; abbreviations (ECTS, EQF) stay."""
    return _TITLE_WORD.sub(lambda m: m.group(1).lower(), label)
