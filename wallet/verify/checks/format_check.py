"""``format``: the credential was read as a well-formed instance of a known format."""

from __future__ import annotations

from wallet.model import Credential, CredentialFormat
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckResult, CheckStatus


class FormatCheck:
    id = "format"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        # An SD-JWT VC names its type in ``vct`` (IETF SD-JWT VC §3.2.2.1.1): without it, it is
        # an SD-JWT of no known kind, and none of its claims can be read as a credential's.
        if credential.format is CredentialFormat.SD_JWT_VC and not credential.extras.get("vct"):
            return context.result(
                self.id,
                CheckStatus.FAILED,
                tr(
                    "This SD-JWT does not name a credential type (vct), so it is not an SD-JWT "
                    "verifiable credential."
                ),
                format=credential.format.value,
            )
        # Parsing already enforced structure; a Credential in hand is well-formed.
        return context.result(
            self.id,
            CheckStatus.OK,
            tr("A well-formed {format}.", format=credential.format.display_name),
            format=credential.format.value,
            types=list(credential.view.types),
        )
