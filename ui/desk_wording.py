"""What the desk says about a verdict and a check, in words an employer understands.

Verdicts and check outcomes are mapped through small tables with a fallback, so a value the
core adds later (a new verdict, a new check outcome) is still shown sensibly: by its own
sentence where it brings one, else by its name and a sentence that sends the reader to the
checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ui.status_chip import check_colour, check_icon_text, chip_colour
from wallet.verify.report import CheckResult
from wallet.verify.status_words import no_status_published

NOT_PUBLISHED = "not_published"  # a status check that found no status to check


translate = QCoreApplication.translate  # pyside6-lupdate collects translate("Context", "…")


@dataclass(frozen=True)
class VerdictWords:
    label: str  # "Verified"
    meaning: str  # one plain sentence: what it means and what to do
    symbol: str  # reads without colour too
    colour: QColor


def _known_verdicts() -> dict[str, tuple[str, str, str]]:
    return {
        "verified": (
            translate("DeskWording", "Verified"),
            translate(
                "DeskWording",
                "The issuer's signature or seal is genuine, the issuer is on a trusted list and "
                "nothing failed. You can rely on what the credential says."),
            "✔",
        ),
        "partially_verified": (
            translate("DeskWording", "Partially verified"),
            translate(
                "DeskWording",
                "The signature or seal is genuine and nothing failed, but some checks could "
                "not be confirmed (marked – or ! in the checks), often because the issuer is on "
                "no list Kredo has. Look at those checks before you rely on it."),
            "!",
        ),
        "indeterminate": (
            translate("DeskWording", "Could not be checked"),
            translate(
                "DeskWording",
                "Kredo could not prove the signature: the method is not supported, or a key or "
                "list is not available offline. This does not mean the credential is false; "
                "verify it online or ask the issuer."),
            "?",
        ),
        "failed": (
            translate("DeskWording", "Failed"),
            translate(
                "DeskWording",
                "Something is proven wrong: the credential was changed, revoked or has "
                "expired, or it was presented by someone else. Do not rely on it."),
            "✘",
        ),
    }


def verdict_words(status: object) -> VerdictWords:
    """The words for a verdict (an ``OverallStatus`` or its value). A verdict that brings its
    own sentence (``meaning``) keeps it; an unknown verdict gets its name and a safe sentence."""
    value = str(getattr(status, "value", status))
    own = getattr(status, "meaning", None)
    known = _known_verdicts().get(value)
    if known is not None:
        label, meaning, symbol = known
    else:
        label = value.replace("_", " ").capitalize()
        meaning = translate(
            "DeskWording",
            "Kredo gave this verdict without a fixed explanation. Read the checks below "
            "before you rely on the credential.")
        symbol = "?"
    meaning = own if isinstance(own, str) and own else meaning
    return VerdictWords(label, meaning, symbol, chip_colour(value))  # grey when unknown


def check_outcome(check: CheckResult) -> str:
    """The outcome key shown for a check: its status, except that a status check which found
    no status entry at all is "not published", never "OK"."""
    return NOT_PUBLISHED if no_status_published(check) else check.status.value


def outcome_text(outcome: str) -> str:
    return {
        "ok": translate("DeskWording", "OK"),
        "warning": translate("DeskWording", "Warning"),
        "skipped": translate("DeskWording", "Not checked"),
        "failed": translate("DeskWording", "Failed"),
        NOT_PUBLISHED: translate("DeskWording", "Not published"),
    }.get(outcome, outcome.replace("_", " ").capitalize())


def outcome_symbol(outcome: str) -> str:
    return "–" if outcome == NOT_PUBLISHED else check_icon_text(outcome)


def outcome_colour(outcome: str) -> QColor:
    return check_colour("skipped" if outcome == NOT_PUBLISHED else outcome)


def check_title(check_id: str) -> str:
    """A check's name as an employer reads it (an unknown check by its own id)."""
    return {
        "format": translate("DeskWording", "Readable credential"),
        "signature": translate("DeskWording", "Signature or seal"),
        "issuer": translate("DeskWording", "Issuer"),
        "validity": translate("DeskWording", "Validity dates"),
        "status": translate("DeskWording", "Revocation"),
        "holder": translate("DeskWording", "Presented by its holder"),
        "accreditation": translate("DeskWording", "Accreditation"),
    }.get(check_id, check_id.replace("_", " ").capitalize())
