"""``accreditation``: the quality assurance a credential names (EDC accreditations)."""

from __future__ import annotations

from wallet.model import Credential
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckMode, CheckResult, CheckStatus


class AccreditationCheck:
    id = "accreditation"

    def applies_to(self, credential: Credential) -> bool:
        return credential.view.quality_assurance is not None

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        named = credential.view.quality_assurance
        text = named.pick("en") if named else ""
        return context.result(
            self.id,
            CheckStatus.SKIPPED,
            tr(
                "The quality assurance the credential names was not checked against the EU "
                "accreditation database; that needs going online."
            ),
            mode=CheckMode.OFFLINE,
            named=text[:300],
        )
