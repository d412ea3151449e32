"""What the signature check proves, as the typed evidence the other checks read.

The signature (or seal) is verified once, before any check runs; the issuer, validity and
status checks judge what follows from it, each reading only the fields it needs. A new check
reads this evidence too, and no other check changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wallet.verify.report import CheckMode, CheckStatus, IssuerInfo


@dataclass(frozen=True)
class RevocationEvidence:
    """What the issuer said about revocation while the signature was checked (Open Badges
    2.0 learns it from the hosted copy or the issuer's revocation list), for ``status``."""

    status: CheckStatus
    message: str
    mode: CheckMode
    published: bool = True  # False: the issuer publishes no revocation list at all


@dataclass(frozen=True)
class SignerEvidence:
    """The outcome of the signature check, and what it found for the checks after it.

    ``status``, ``message``, ``mode`` and ``details`` are the signature check's own result;
    ``signer`` is who signed (``issuer``); ``time_problems`` are the JWT time claims found wrong
    (``validity``); ``issuer_note`` says why a listed seal authority is not enough, or what
    is known of a signer whose seal could not be fully checked (``issuer``);
    ``revocation`` is the issuer's word on revocation where the format gives it (``status``).
    """

    status: CheckStatus
    message: str
    signer: IssuerInfo | None = None
    mode: CheckMode = CheckMode.OFFLINE
    details: dict[str, Any] = field(default_factory=dict)
    time_problems: tuple[str, ...] = ()
    issuer_note: str | None = None
    revocation: RevocationEvidence | None = None

    @property
    def proven(self) -> bool:
        """The signature verified (with or without a warning about its time)."""
        return self.status in (CheckStatus.OK, CheckStatus.WARNING)
