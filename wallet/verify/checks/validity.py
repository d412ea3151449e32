"""``validity``: the credential's own validity window at the time of checking."""

from __future__ import annotations

from datetime import UTC, datetime

from wallet.model import Credential
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.options import CLOCK_SKEW
from wallet.verify.report import CheckResult, CheckStatus
from wallet.verify.sentences import first_sentences


class ValidityCheck:
    id = "validity"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        view = credential.view
        now = _aware(context.now)
        # 0. JWT time claims (nbf/exp/iat) that the signature check found wrong.
        time_problems = context.evidence.time_problems
        if time_problems:
            return context.result(self.id, CheckStatus.FAILED, first_sentences(time_problems))
        # 1. Not yet valid (validFrom / nbf), with a small clock-skew allowance.
        if view.valid_from is not None and view.valid_from - CLOCK_SKEW > now:
            return context.result(
                self.id,
                CheckStatus.FAILED,
                tr(
                    "The credential is not valid before {moment} UTC.",
                    moment=f"{view.valid_from:%Y-%m-%d %H:%M}",
                ),
                valid_from=view.valid_from.isoformat(),
            )
        # 2. Expired (validUntil / expirationDate / exp).
        if view.valid_until is not None and view.valid_until + CLOCK_SKEW < now:
            return context.result(
                self.id,
                CheckStatus.FAILED,
                tr("The credential expired on {date}.", date=f"{view.valid_until:%Y-%m-%d}"),
                valid_until=view.valid_until.isoformat(),
            )
        # 3. Issued in the future is a sign of a wrong clock or a forged date.
        if view.issued is not None and view.issued - CLOCK_SKEW > now:
            return context.result(
                self.id,
                CheckStatus.WARNING,
                tr(
                    "The credential says it was issued in the future ({date}).",
                    date=f"{view.issued:%Y-%m-%d}",
                ),
            )
        if view.valid_until is not None:
            return context.result(
                self.id,
                CheckStatus.OK,
                tr("The credential is valid until {date}.", date=f"{view.valid_until:%Y-%m-%d}"),
            )
        return context.result(self.id, CheckStatus.OK, tr("The credential has no expiry date."))


def _aware(moment: datetime) -> datetime:
    """A clock given without a zone is read as UTC, like the view's dates (always aware)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
