"""``signature``: the proof or seal is valid over exactly the bytes received.

The engine verifies the signature once, before the checks run (:func:`verify_signature`);
the check reports that evidence, and the issuer, validity and status checks read it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from wallet.errors import WalletError
from wallet.model import Credential, CredentialFormat
from wallet.translation import tr
from wallet.verify.checks.base import CheckContext, VerifyContext
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.checks.ob2_signature import verify_ob2
from wallet.verify.checks.signature_formats import (
    verify_data_integrity,
    verify_edc_seal,
    verify_edc_xml_seal,
    verify_jwt,
    verify_sd_jwt_vc,
)
from wallet.verify.report import CheckResult, CheckStatus

log = logging.getLogger(__name__)

Verifier = Callable[[Credential, CheckContext], SignerEvidence]


def _unsigned(credential: Credential, context: CheckContext) -> SignerEvidence:
    return SignerEvidence(
        CheckStatus.FAILED,
        tr(
            "This credential carries no signature or seal, so nothing proves who issued it "
            "or that it is unchanged."
        ),
        details={"unsigned": True},
    )


_VERIFIERS: dict[CredentialFormat, Verifier] = {
    CredentialFormat.EDC_SEALED: verify_edc_seal,
    CredentialFormat.EDC_JSONLD: _unsigned,
    CredentialFormat.EDC_XML: verify_edc_xml_seal,
    CredentialFormat.VC_JSONLD: verify_data_integrity,
    CredentialFormat.VC_JWT: verify_jwt,
    CredentialFormat.SD_JWT_VC: verify_sd_jwt_vc,
    CredentialFormat.OB2: verify_ob2,
}


def internal_error() -> str:
    """The sentence of a check that crashed (a bug must never read as "verified")."""
    return tr("This check could not be completed because of an internal error.")


def verify_signature(credential: Credential, context: CheckContext) -> SignerEvidence:
    """The signature's evidence; never raises for a bad credential (fails closed)."""
    verifier = _VERIFIERS[credential.format]
    if credential.format is CredentialFormat.VC_JSONLD and "proof" not in credential.document:
        verifier = _unsigned
    try:
        return verifier(credential, context)
    except WalletError as exc:
        # A malformed part found only now (an unreadable key, a bad certificate) fails it.
        return SignerEvidence(CheckStatus.FAILED, exc.message)
    except Exception:  # a bug must not turn into "verified": fail closed, log for the report
        log.exception("signature verification crashed")
        return SignerEvidence(CheckStatus.FAILED, internal_error())


class SignatureCheck:
    id = "signature"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        found = context.evidence
        return context.result(self.id, found.status, found.message, mode=found.mode,
                              **found.details)
