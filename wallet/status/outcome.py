"""What a status check found for one status entry: a state and a sentence, never a bool."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from wallet.errors import VerificationError


class StatusState(enum.StrEnum):
    """The answer for one entry.

    ``unknown`` means the status could not be learnt (offline, server unreachable, list
    expired, signature not checkable offline): it is never shown as a pass. ``failed`` means
    the status information itself is wrong (list forged or tampered, wrong purpose, index
    outside the list), which a verifier must treat as a failure, not as "not revoked".
    """

    OK = "ok"
    REVOKED = "revoked"
    SUSPENDED = "suspended"
    UNKNOWN = "unknown"
    FAILED = "failed"


class StatusMode(enum.StrEnum):
    """How the status was established; the values match ``wallet.verify.report.CheckMode``."""

    OFFLINE = "offline"
    NETWORK = "network"


@dataclass(frozen=True)
class StatusOutcome:
    """One status entry's result: ``message`` is one sentence for a person; ``warnings`` are
    findings that do not change the state (such as a list signed by another issuer)."""

    entry_type: str
    purpose: str
    state: StatusState
    message: str
    list_url: str | None
    mode: StatusMode
    warnings: tuple[str, ...] = ()


class StatusListError(VerificationError):
    """Internal: a status list could not be used; carries the state the entry ends in.

    Raised and caught inside :mod:`wallet.status` only; callers receive outcomes.
    """

    def __init__(self, state: StatusState, message: str, *, details: str | None = None) -> None:
        super().__init__(message, details=details)
        self.state = state
