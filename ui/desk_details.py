"""A check's expert details as readable text: one labelled line per fact, lists as bullets,
nested facts (a seal's timestamps, a status list's entries) indented under their heading.

The text is plain (shown in a plain-text label and copied as it is), so nothing in it is ever
read as markup, whatever a credential put there.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from wallet.translation import Sentence, current_language

_INDENT = "    "
_MAX_DEPTH = 8  # details are a few levels deep; deeper would be a malformed report


translate = QCoreApplication.translate  # pyside6-lupdate collects translate("Context", "…")


def in_current_language(text: str) -> str:
    """A sentence of the core in the interface language (a plain string as it is)."""
    return text.localized(current_language()) if isinstance(text, Sentence) else text


def _labels() -> dict[str, str]:
    return {
        "algorithm": translate("DeskDetails", "Algorithm"),
        "alg": translate("DeskDetails", "Algorithm"),
        "signing_time": translate("DeskDetails", "Signing time claimed"),
        "proven_signing_time": translate("DeskDetails", "Signing time proven by a timestamp"),
        "timestamps": translate("DeskDetails", "Timestamps"),
        "certificate_chain": translate("DeskDetails",
                                       "Certificate chain (subject of each certificate)"),
        "chain_valid_at": translate("DeskDetails", "Chain validated as of"),
        "revocation": translate("DeskDetails", "Certificate revocation"),
        "certificate_authority_trusted_by": translate(
            "DeskDetails", "Certificate authority on the trusted list"),
        "qualified_eseal": translate("DeskDetails", "Qualified electronic seal"),
        "qscd": translate("DeskDetails", "Key in a qualified device (QSCD)"),
        "seal_subject": translate("DeskDetails", "Certificate subject"),
        "certificate_sha256": translate("DeskDetails", "Certificate fingerprint (SHA-256)"),
        "certificate_not_before": translate("DeskDetails", "Certificate valid from"),
        "certificate_not_after": translate("DeskDetails", "Certificate valid until"),
        "certificate_issuer": translate("DeskDetails", "Certificate issued by"),
        "notes": translate("DeskDetails", "Notes"),
        "problems": translate("DeskDetails", "Problems"),
        "kind": translate("DeskDetails", "Kind"),
        "valid": translate("DeskDetails", "Valid"),
        "time": translate("DeskDetails", "Time"),
        "authority": translate("DeskDetails", "Authority"),
        "authority_chain": translate("DeskDetails", "Authority's certificate chain"),
        "authority_revocation": translate("DeskDetails", "Authority's certificate revocation"),
        "authority_trusted_by": translate("DeskDetails", "Authority on the trusted list"),
        "authority_notes": translate("DeskDetails", "Notes on the authority"),
        "cryptosuite": translate("DeskDetails", "Signature suite"),
        "verification_method": translate("DeskDetails", "Key used"),
        "controller": translate("DeskDetails", "Key belongs to"),
        "holder": translate("DeskDetails", "Holder"),
        "challenge_expected": translate("DeskDetails", "Challenge checked"),
        "domain_expected": translate("DeskDetails", "Domain checked"),
        "version": translate("DeskDetails", "Version"),
        "claims": translate("DeskDetails", "Token claims"),
        "disclosures": translate("DeskDetails", "Disclosures"),
        "key_binding": translate("DeskDetails", "Key binding"),
        "entries": translate("DeskDetails", "Status entries"),
        "type": translate("DeskDetails", "Type"),
        "purpose": translate("DeskDetails", "Purpose"),
        "state": translate("DeskDetails", "State"),
        "list": translate("DeskDetails", "Status list"),
        "message": translate("DeskDetails", "Finding"),
        "warnings": translate("DeskDetails", "Warnings"),
        "verification": translate("DeskDetails", "Verification"),
        "hosted_at": translate("DeskDetails", "Hosted at"),
        "issuer": translate("DeskDetails", "Issuer"),
        "key": translate("DeskDetails", "Key"),
    }


def details_text(details: Mapping[str, Any]) -> str:
    """The details as indented ``Label: value`` lines ("" when there are none)."""
    return "\n".join(_lines(details, _labels(), 0))


def _lines(details: Mapping[str, Any], labels: Mapping[str, str], depth: int) -> list[str]:
    indent = _INDENT * depth
    lines: list[str] = []
    for key, value in details.items():
        if value is None or value in ([], {}, ""):
            continue
        name = labels.get(str(key)) or str(key).replace("_", " ").capitalize()
        if isinstance(value, Mapping) and depth < _MAX_DEPTH:
            lines.append(f"{indent}{name}:")
            lines.extend(_lines(value, labels, depth + 1))
        elif isinstance(value, list | tuple):
            lines.append(f"{indent}{name}:")
            lines.extend(_list_lines(value, labels, depth + 1))
        else:
            lines.append(f"{indent}{name}: {_scalar(value)}")
    return lines


def _list_lines(values: list[Any] | tuple[Any, ...], labels: Mapping[str, str],
                depth: int) -> list[str]:
    indent = _INDENT * depth
    lines: list[str] = []
    for number, value in enumerate(values, start=1):
        if isinstance(value, Mapping) and depth < _MAX_DEPTH:
            lines.append(f"{indent}{number}.")
            lines.extend(_lines(value, labels, depth + 1))
        else:
            lines.append(f"{indent}• {_scalar(value)}")
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return translate("DeskDetails", "yes") if value else translate("DeskDetails", "no")
    if isinstance(value, str):
        return _readable_time(in_current_language(value))
    return str(value)


def _readable_time(text: str) -> str:
    """An ISO time from a report as "2024-05-02 10:14:03 UTC"; other text as it is."""
    if len(text) < 19 or text[4:5] != "-" or text[10:11] != "T":
        return text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    zone = " UTC" if moment.utcoffset() is not None and not moment.utcoffset() else ""
    return f"{moment:%Y-%m-%d %H:%M:%S}{zone}" if zone else moment.isoformat(" ")
