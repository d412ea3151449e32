"""Compose the checks into a report: ``verify_credential``, ``verify_presentation_bytes`` and
``verify_file_bytes``.

Verification never raises for a bad credential: every problem becomes a check result. It
raises only for input that is not a credential at all (``NotACredential``, exit code 2).

A presentation's report has format ``presentation``, one ``holder`` check (the holder's proof,
its purpose, challenge and domain) and, under ``credentials``, one full report per credential
it carries (enveloped ones decoded from their ``data:`` URL and verified as themselves). Its
overall status is the worst of the holder check and the credential reports (failed >
indeterminate > partially verified > verified, ADR 0010): a holder proof that is there but
could not be checked (unknown kind, key not reachable offline) is ``indeterminate``; a
presentation without any holder proof is at best ``partially_verified``. A
credential inside that cannot even be read gets a report with a failed ``format`` check
instead of stopping the others.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from wallet.errors import WalletError
from wallet.formats import check_size, europass_presentation, parse_credential
from wallet.formats import presentation as presentation_format
from wallet.model import Credential
from wallet.translation import tr
from wallet.verify.checks.accreditation import AccreditationCheck
from wallet.verify.checks.base import Check, CheckContext, VerifyContext
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.checks.format_check import FormatCheck
from wallet.verify.checks.holder import HolderCheck, PresentationCheck, ReceivedPresentation
from wallet.verify.checks.issuer import IssuerCheck, judge_issuer
from wallet.verify.checks.presentation_seal import SIGNATURE, presentation_seal
from wallet.verify.checks.signature import SignatureCheck, internal_error, verify_signature
from wallet.verify.checks.status import StatusCheck
from wallet.verify.checks.validity import ValidityCheck
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckResult, CheckStatus, VerificationReport

log = logging.getLogger(__name__)

# Independent of their order: each reads the evidence established before any runs.
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
    moment = CheckContext(options=opts, now=opts.current_time())
    # 1. The signature or seal, verified once: what it proves is the evidence the checks read.
    evidence = verify_signature(credential, moment)
    # 2. Who issued it: the signer, judged against the user's list and the trust material.
    issuer = judge_issuer(credential, evidence, opts)
    context = VerifyContext(options=opts, now=moment.now, evidence=evidence, issuer=issuer)
    # 3. Each check on its own, in the order the report lists them.
    results = [_run(check, credential, context) for check in checks if check.applies_to(credential)]
    return VerificationReport(format=credential.format.value, checks=tuple(results), issuer=issuer)


def _run(check: Check, credential: Credential, context: VerifyContext) -> CheckResult:
    try:
        return check.run(credential, context)
    except WalletError as exc:
        # A malformed part found only now (an unreadable key, a bad certificate) fails the check.
        return context.result(check.id, CheckStatus.FAILED, exc.message)
    except Exception:  # a bug must not turn into "verified": fail closed, log for the report
        log.exception("check %s crashed", check.id)
        return context.result(check.id, CheckStatus.FAILED, internal_error())


def verify_file_bytes(raw: bytes, *, options: VerifyOptions | None = None) -> VerificationReport:
    """Verify a file: one credential, or a presentation (holder proof and every credential)."""
    check_size(raw)
    if europass_presentation.detect(raw):
        return verify_europass_presentation_bytes(raw, options=options)
    if presentation_format.detect(raw):
        return verify_presentation_bytes(raw, options=options)
    return verify_credential(parse_credential(raw), options=options)


PRESENTATION_CHECKS: tuple[PresentationCheck, ...] = (HolderCheck(),)


def verify_presentation_bytes(
    raw: bytes,
    *,
    options: VerifyOptions | None = None,
    checks: Sequence[PresentationCheck] = PRESENTATION_CHECKS,
) -> VerificationReport:
    """Verify a presentation: its own checks, then each credential it carries on its own."""
    opts = options or VerifyOptions()
    context = CheckContext(options=opts, now=opts.current_time())
    received = ReceivedPresentation.from_bytes(raw)
    results = tuple(_run_on_presentation(check, received, context) for check in checks)
    reports = tuple(
        _verify_carried(part, options=opts) for part in presentation_format.split(raw)
    )
    return VerificationReport(format="presentation", checks=results, credentials=reports)


def verify_europass_presentation_bytes(
    raw: bytes, *, options: VerifyOptions | None = None
) -> VerificationReport:
    """A Europass XML presentation: its own seal, then each credential it carries on its own
    (a credential without a seal of its own is verified under the presentation's seal)."""
    opts = options or VerifyOptions()
    context = CheckContext(options=opts, now=opts.current_time())
    root = europass_presentation.presentation_root(raw)
    try:
        seal = presentation_seal(raw, root, context)
    except WalletError as exc:
        seal = SignerEvidence(CheckStatus.FAILED, exc.message)
    except Exception:  # fail closed, as for credential checks
        log.exception("presentation seal check crashed")
        seal = SignerEvidence(CheckStatus.FAILED, internal_error())
    check = context.result(SIGNATURE, seal.status, seal.message, mode=seal.mode, **seal.details)
    reports = []
    for entry in europass_presentation.carried(root):
        try:
            credential = europass_presentation.entry_credential(raw, root, entry)
        except WalletError as exc:
            failed = context.result("format", CheckStatus.FAILED, exc.message)
            reports.append(VerificationReport(format="unknown", checks=(failed,)))
            continue
        reports.append(verify_credential(credential, options=opts))
    if not reports:
        reports.append(VerificationReport(format="unknown", checks=(context.result(
            "format", CheckStatus.FAILED, tr("The presentation carries no credentials.")
        ),)))
    return VerificationReport(
        format="presentation", checks=(check,), issuer=seal.signer, credentials=tuple(reports)
    )


def _verify_carried(raw: bytes, *, options: VerifyOptions) -> VerificationReport:
    try:
        credential = parse_credential(raw)
    except WalletError as exc:
        context = CheckContext(options=options, now=options.current_time())
        failed = context.result("format", CheckStatus.FAILED, exc.message)
        return VerificationReport(format="unknown", checks=(failed,))
    return verify_credential(credential, options=options)


def _run_on_presentation(
    check: PresentationCheck, presentation: ReceivedPresentation, context: CheckContext
) -> CheckResult:
    try:
        return check.run(presentation, context)
    except WalletError as exc:
        return context.result(check.id, CheckStatus.FAILED, exc.message)
    except Exception:  # fail closed, as for credential checks
        log.exception("presentation check %s crashed", check.id)
        return context.result(check.id, CheckStatus.FAILED, internal_error())
