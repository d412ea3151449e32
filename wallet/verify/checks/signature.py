"""``signature``: the proof or seal is valid over exactly the bytes received."""

from __future__ import annotations

from collections.abc import Callable

from wallet.model import Credential, CredentialFormat
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.checks.ob2_signature import verify_ob2
from wallet.verify.checks.signature_formats import (
    SignatureFinding,
    verify_data_integrity,
    verify_edc_seal,
    verify_edc_xml_seal,
    verify_jwt,
    verify_sd_jwt_vc,
)
from wallet.verify.report import CheckResult, CheckStatus

Verifier = Callable[[Credential, VerifyContext], SignatureFinding]

_VERIFIERS: dict[CredentialFormat, Verifier] = {
    CredentialFormat.EDC_SEALED: verify_edc_seal,
    CredentialFormat.VC_JSONLD: verify_data_integrity,
    CredentialFormat.VC_JWT: verify_jwt,
    CredentialFormat.SD_JWT_VC: verify_sd_jwt_vc,
}


def _unsigned(credential: Credential, context: VerifyContext) -> SignatureFinding:
    return SignatureFinding(
        CheckStatus.FAILED,
        tr(
            "This credential carries no signature or seal, so nothing proves who issued it "
            "or that it is unchanged."
        ),
    )


_VERIFIERS[CredentialFormat.EDC_JSONLD] = _unsigned
_VERIFIERS[CredentialFormat.EDC_XML] = verify_edc_xml_seal
_VERIFIERS[CredentialFormat.OB2] = verify_ob2


class SignatureCheck:
    id = "signature"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        verifier = _VERIFIERS[credential.format]
        if credential.format is CredentialFormat.VC_JSONLD and "proof" not in credential.document:
            verifier = _unsigned
        finding = verifier(credential, context)
        context.signer = finding.signer
        context.signer_evidence["signature_status"] = finding.status
        context.signer_evidence["time_problems"] = finding.time_problems
        return context.result(
            self.id, finding.status, finding.message, mode=finding.mode, **finding.details
        )
