"""The protocol every check follows, and the context it runs in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from wallet.model import Credential
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckMode, CheckResult, CheckStatus, IssuerInfo


@dataclass(frozen=True)
class CheckContext:
    """One verification's options and moment, the same for every check."""

    options: VerifyOptions
    now: datetime

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


@dataclass(frozen=True)
class VerifyContext(CheckContext):
    """A credential's verification: the signature's evidence, and who issued it.

    Both are established before any check runs (``wallet.verify.engine``), so no check
    depends on another's order: ``issuer`` is the signer judged against the trust material.
    """

    evidence: SignerEvidence
    issuer: IssuerInfo | None


class Check(Protocol):
    """A check looks at one aspect and says what it found; it never raises for bad input."""

    id: str

    def applies_to(self, credential: Credential) -> bool: ...

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult: ...
