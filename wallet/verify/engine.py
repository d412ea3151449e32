"""Compose the checks into a report: ``verify_credential`` and ``verify_file_bytes``.

Verification never raises for a bad credential: every problem becomes a check result. It
raises only for input that is not a credential at all (``NotACredential``, exit code 2).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from wallet.errors import WalletError
from wallet.formats import parse_credentials
from wallet.model import Credential
from wallet.verify.checks.accreditation import AccreditationCheck
from wallet.verify.checks.base import Check, VerifyContext
from wallet.verify.checks.format_check import FormatCheck
from wallet.verify.checks.issuer import IssuerCheck
from wallet.verify.checks.signature import SignatureCheck
from wallet.verify.checks.status import StatusCheck
from wallet.verify.checks.validity import ValidityCheck
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckResult, CheckStatus, VerificationReport

log = logging.getLogger(__name__)

# Order matters: the signature check tells the issuer check who signed.
DEFAULT_CHECKS: tuple[Check, ...] = (
    FormatCheck(),
    SignatureCheck(),
    IssuerCheck(),
    ValidityCheck(),
    StatusCheck(),
    AccreditationCheck(),
)


def verify_credential(
    credential: Credential,
    *,
    options: VerifyOptions | None = None,
    checks: Sequence[Check] = DEFAULT_CHECKS,
) -> VerificationReport:
    opts = options or VerifyOptions()
    context = VerifyContext(options=opts, now=opts.current_time())
    results = [_run(check, credential, context) for check in checks if check.applies_to(credential)]
    return VerificationReport(
        format=credential.format.value, checks=tuple(results), issuer=context.signer
    )


def _run(check: Check, credential: Credential, context: VerifyContext) -> CheckResult:
    try:
        return check.run(credential, context)
    except WalletError as exc:
        # A malformed part found only now (an unreadable key, a bad certificate) fails the check.
        return context.result(check.id, CheckStatus.FAILED, exc.message)
    except Exception:  # a bug must not turn into "verified": fail closed, log for the report
        log.exception("check %s crashed", check.id)
        return context.result(
            check.id,
            CheckStatus.FAILED,
            "This check could not be completed because of an internal error.",
        )


def verify_file_bytes(raw: bytes, *, options: VerifyOptions | None = None) -> VerificationReport:
    """Verify a file: one credential, or a presentation's credentials (each with its report)."""
    credentials = parse_credentials(raw)
    if len(credentials) == 1:
        return verify_credential(credentials[0], options=options)
    reports = tuple(verify_credential(c, options=options) for c in credentials)
    return VerificationReport(format="presentation", checks=(), credentials=reports)
