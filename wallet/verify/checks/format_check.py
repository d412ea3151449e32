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
        # Parsing already enforced structure; a Credential in hand is well-formed.
        return context.result(
            self.id,
            CheckStatus.OK,
            tr("A well-formed {format}.", format=_format_name(credential.format)),
            format=credential.format.value,
            types=list(credential.view.types),
        )


def _format_name(credential_format: CredentialFormat) -> str:
    """The format's name for a person (``CredentialFormat.label``, in the active language)."""
    if credential_format is CredentialFormat.EDC_SEALED:
        return tr("European Digital Credential (sealed)")
    if credential_format is CredentialFormat.EDC_JSONLD:
        return tr("European Digital Credential (unsealed)")
    if credential_format is CredentialFormat.EDC_XML:
        return tr("Europass credential (XML, ELM v1/v2)")
    if credential_format is CredentialFormat.VC_JSONLD:
        return tr("W3C Verifiable Credential (JSON-LD)")
    if credential_format is CredentialFormat.VC_JWT:
        return tr("W3C Verifiable Credential (JWT)")
    if credential_format is CredentialFormat.SD_JWT_VC:
        return tr("SD-JWT Verifiable Credential")
    return credential_format.label
