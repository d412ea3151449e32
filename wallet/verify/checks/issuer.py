"""``issuer``: who signed, and whether anyone Kredo trusts vouches for them."""

from __future__ import annotations

from dataclasses import replace

from wallet.model import Credential
from wallet.translation import tr
from wallet.trust import USER_SOURCE
from wallet.verify.checks.base import VerifyContext
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckResult, CheckStatus, IssuerInfo


def judge_issuer(
    credential: Credential, evidence: SignerEvidence, options: VerifyOptions
) -> IssuerInfo | None:
    """The signer, with the trust the user's list or a registry grants it.

    Only a signer the signature proved is judged; the awarding body the credential names is
    added where it is not the signer.
    """
    signer = evidence.signer
    if signer is None or not evidence.proven:
        return signer
    # 1. The user's own list of trusted issuers, then the bundled registries.
    if signer.identifier and signer.identifier in options.trusted_issuers:
        signer = replace(signer, trusted=True, trust_source=_trusted_by_you())
    elif signer.identifier and not signer.trusted and options.trust is not None:
        decision = options.trust.issuer_trust(signer.identifier)
        if decision.trusted:
            signer = replace(
                signer,
                trusted=True,
                trust_source=(
                    _trusted_by_you() if decision.source == USER_SOURCE else decision.source
                ),
                name=signer.name or decision.name,
            )
    # 2. The awarding body, where the credential names another than the signer.
    awarding = credential.view.awarding_body
    awarding_name = awarding.name.pick("en") if awarding and awarding.name else None
    if awarding_name and awarding_name != signer.name:
        signer = replace(signer, awarding_body=awarding_name)
    return signer


class IssuerCheck:
    id = "issuer"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        evidence = context.evidence
        # 1. Without a valid signature, nobody is proven to have issued it.
        if evidence.status is CheckStatus.SKIPPED:
            return context.result(
                self.id,
                CheckStatus.SKIPPED,
                evidence.issuer_note
                or tr(
                    "Who issued this credential was not confirmed, because its signature "
                    "could not be checked."
                ),
            )
        signer = context.issuer
        if evidence.details.get("unsigned") is True:
            return context.result(
                self.id,
                CheckStatus.WARNING,
                tr("Who issued this credential cannot be confirmed, because it carries no "
                   "signature or seal."),
            )
        if signer is None or evidence.status is CheckStatus.FAILED:
            return context.result(
                self.id,
                CheckStatus.WARNING,
                tr(
                    "Who issued this credential cannot be confirmed, because its signature "
                    "did not verify."
                ),
            )
        # 2. Trusted by the user, a registry or a trusted list (judged by the engine).
        who = signer.name or signer.identifier or tr("an unnamed issuer")
        if signer.trusted:
            message = tr(
                "Issued by {issuer}, {source}.", issuer=who, source=signer.trust_source or ""
            )
            return context.result(
                self.id, CheckStatus.OK, _with_awarding_body(message, signer), **signer.to_json()
            )
        # 3. Not trusted; the seal's CA may be listed while the proof of *when* it sealed is
        #    not vouched for.
        return context.result(
            self.id,
            CheckStatus.WARNING,
            _with_awarding_body(_untrusted(who, evidence.issuer_note), signer),
            **signer.to_json(),
        )


def _untrusted(who: str, note: str | None) -> str:
    if note:
        return tr(
            "Signed by {issuer}, who is not confirmed as a trusted issuer. {note}",
            issuer=who,
            note=note,
        )
    return tr(
        "Signed by {issuer}, who is not on any trusted list or registry Kredo knows.",
        issuer=who,
    )


def _trusted_by_you() -> str:
    """The trust source of an issuer on the user's own list."""
    return tr("trusted by you")


def _with_awarding_body(message: str, signer: IssuerInfo) -> str:
    """The message, and the awarding body the credential names when it is not the signer."""
    if not signer.awarding_body:
        return message
    return tr(
        "{message} The awarding body named in it is {awarding_body}.",
        message=message,
        awarding_body=signer.awarding_body,
    )
