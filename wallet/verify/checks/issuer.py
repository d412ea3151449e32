"""``issuer``: who signed, and whether anyone Kredo trusts vouches for them."""

from __future__ import annotations

from dataclasses import replace

from wallet.model import Credential
from wallet.translation import tr
from wallet.trust import USER_SOURCE
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckResult, CheckStatus, IssuerInfo


class IssuerCheck:
    id = "issuer"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        signer = context.signer
        awarding = credential.view.awarding_body
        awarding_name = awarding.name.pick("en") if awarding and awarding.name else None
        # 1. Without a valid signature, nobody is proven to have issued it.
        signature = context.signer_evidence.get("signature_status")
        if signature is CheckStatus.SKIPPED:
            return context.result(
                self.id,
                CheckStatus.SKIPPED,
                tr(
                    "Who issued this credential was not confirmed, because its signature "
                    "could not be checked."
                ),
            )
        if signer is None or signature is CheckStatus.FAILED:
            return context.result(
                self.id,
                CheckStatus.WARNING,
                tr(
                    "Who issued this credential cannot be confirmed, because its signature "
                    "did not verify."
                ),
            )
        # 2. The user's own list of trusted issuers, then the bundled registries.
        trust = context.options.trust
        if signer.identifier and signer.identifier in context.options.trusted_issuers:
            signer = replace(signer, trusted=True, trust_source=_trusted_by_you())
        elif signer.identifier and not signer.trusted and trust is not None:
            decision = trust.issuer_trust(signer.identifier)
            if decision.trusted:
                signer = replace(
                    signer,
                    trusted=True,
                    trust_source=(
                        _trusted_by_you() if decision.source == USER_SOURCE else decision.source
                    ),
                    name=signer.name or decision.name,
                )
        if awarding_name and awarding_name != signer.name:
            signer = replace(signer, awarding_body=awarding_name)
        context.signer = signer
        who = signer.name or signer.identifier or tr("an unnamed issuer")
        if signer.trusted:
            message = tr(
                "Issued by {issuer}, {source}.", issuer=who, source=signer.trust_source or ""
            )
            return context.result(
                self.id, CheckStatus.OK, _with_awarding_body(message, signer), **signer.to_json()
            )
        # The seal's CA may be listed while the proof of *when* it sealed is not vouched for.
        note = context.signer_evidence.get("issuer_note")
        message = (
            tr(
                "Signed by {issuer}, who is not confirmed as a trusted issuer. {note}",
                issuer=who,
                note=note,
            )
            if note
            else tr(
                "Signed by {issuer}, who is not on any trusted list or registry Kredo knows.",
                issuer=who,
            )
        )
        return context.result(
            self.id, CheckStatus.WARNING, _with_awarding_body(message, signer), **signer.to_json()
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
