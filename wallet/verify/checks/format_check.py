"""``format``: the credential was read as a well-formed instance of a known format."""

from __future__ import annotations

from wallet.model import Credential
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckResult, CheckStatus


class FormatCheck:
    id = "format"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        # Parsing already enforced structure; a Credential in hand is well-formed.
        return context.result(
            self.id,
            CheckStatus.OK,
            tr("A well-formed {format}.", format=credential.format.display_name),
            format=credential.format.value,
            types=list(credential.view.types),
        )
