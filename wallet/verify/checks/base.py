"""The protocol every check follows, and the evidence checks hand to each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from wallet.model import Credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckResult, CheckStatus, IssuerInfo


@dataclass
class VerifyContext:
    """Shared state of one verification: options, and what earlier checks established.

    The signature check records who signed (``signer``) so the issuer check can judge trust
    without verifying twice.
    """

    options: VerifyOptions
    now: datetime
    signer: IssuerInfo | None = None
    signer_evidence: dict[str, Any] = field(default_factory=dict)

    def result(
        self,
        check_id: str,
        status: CheckStatus,
        message: str,
        *,
        mode: CheckMode = CheckMode.OFFLINE,
        **details: Any,
    ) -> CheckResult:
        return CheckResult(
            id=check_id,
            status=status,
            message=message,
            mode=mode,
            checked_at=self.now,
            details=details,
        )


class Check(Protocol):
    """A check looks at one aspect and says what it found; it never raises for bad input."""

    id: str

    def applies_to(self, credential: Credential) -> bool: ...

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult: ...
