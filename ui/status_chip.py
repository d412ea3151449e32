"""The words and colours of the verification status chip, shared by the cards and the panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor


def chip_text(state: str) -> str:
    return {
        "verified": QCoreApplication.translate("StatusChip", "Verified"),
        "partially_verified": QCoreApplication.translate("StatusChip", "Partially verified"),
        "indeterminate": QCoreApplication.translate("StatusChip", "Could not be checked"),
        "failed": QCoreApplication.translate("StatusChip", "Failed"),
        "expired": QCoreApplication.translate("StatusChip", "Expired"),
        "revoked": QCoreApplication.translate("StatusChip", "Revoked"),
    }.get(state, QCoreApplication.translate("StatusChip", "Not yet checked"))


def verdict_meaning(state: str) -> str:
    """One plain sentence of what a verdict means for the person relying on the credential."""
    return {
        "verified": QCoreApplication.translate(
            "StatusChip", "The signature or seal is proven and the issuer is on a trusted list."),
        "partially_verified": QCoreApplication.translate(
            "StatusChip",
            "The signature or seal is proven, but something else could not be confirmed: "
            "see the checks below."),
        "indeterminate": QCoreApplication.translate(
            "StatusChip",
            "Could not be checked: this is not a sign of forgery; Kredo could not prove the "
            "signature or seal either way, for the reason given below. Do not rely on it "
            "until it is checked, for example online."),
        "failed": QCoreApplication.translate(
            "StatusChip",
            "Something is proven wrong (altered, revoked, expired or signed by someone else): "
            "do not rely on this credential."),
        "expired": QCoreApplication.translate(
            "StatusChip", "The credential was genuine, but its validity has ended."),
        "revoked": QCoreApplication.translate(
            "StatusChip", "The issuer has revoked or suspended this credential."),
    }.get(state, "")


# Background colours chosen for contrast with white text (WCAG AA, >= 4.5:1). Indeterminate
# is slate blue: never the green of a pass nor the amber of a proven signature.
_COLOURS = {
    "verified": "#1b6e3a",
    "partially_verified": "#8a5a00",
    "indeterminate": "#3d5a80",
    "failed": "#b3261e",
    "expired": "#6d4c41",
    "revoked": "#b3261e",
}


def chip_colour(state: str) -> QColor:
    return QColor(_COLOURS.get(state, "#5f6368"))


def check_icon_text(status: str) -> str:
    """A symbol for a check's outcome that reads without colour too."""
    return {"ok": "✔", "warning": "!", "skipped": "–", "failed": "✘"}.get(status, "?")


def check_status_text(status: str) -> str:
    return {
        "ok": QCoreApplication.translate("StatusChip", "OK"),
        "warning": QCoreApplication.translate("StatusChip", "Warning"),
        "skipped": QCoreApplication.translate("StatusChip", "Skipped"),
        "failed": QCoreApplication.translate("StatusChip", "Failed"),
    }.get(status, status)


def check_name(check_id: str) -> str:
    return {
        "format": QCoreApplication.translate("StatusChip", "Format"),
        "signature": QCoreApplication.translate("StatusChip", "Signature"),
        "issuer": QCoreApplication.translate("StatusChip", "Issuer"),
        "validity": QCoreApplication.translate("StatusChip", "Validity"),
        "status": QCoreApplication.translate("StatusChip", "Revocation status"),
        "holder": QCoreApplication.translate("StatusChip", "Holder"),
        "accreditation": QCoreApplication.translate("StatusChip", "Accreditation"),
    }.get(check_id, check_id)


_CHECK_COLOURS = {"ok": "#1b6e3a", "warning": "#8a5a00", "skipped": "#5f6368", "failed": "#b3261e"}


def check_colour(status: str) -> QColor:
    return QColor(_CHECK_COLOURS.get(status, "#5f6368"))


def on_background(colour: QColor, background: QColor) -> QColor:
    """The status colour as text: on a dark theme's background the dark tones are lifted,
    so "Failed" in red keeps its contrast (about 5:1 on #2b2b2b instead of 2.6:1)."""
    return colour.lighter(170) if background.lightness() < 128 else colour
