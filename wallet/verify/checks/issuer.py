"""``issuer``: who signed, and whether anyone Kredo trusts vouches for them."""

from __future__ import annotations

from dataclasses import replace

from wallet.model import Credential
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckResult, CheckStatus


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
                "Who issued this credential was not confirmed, because its "
                "signature could not be checked.",
            )
        if signer is None or signature is CheckStatus.FAILED:
            return context.result(
                self.id,
                CheckStatus.WARNING,
                "Who issued this credential cannot be confirmed, because its "
                "signature did not verify.",
            )
        # 2. The user's own list of trusted issuers, then the bundled registries.
        trust = context.options.trust
        if signer.identifier and signer.identifier in context.options.trusted_issuers:
            signer = replace(signer, trusted=True, trust_source="trusted by you")
        elif signer.identifier and not signer.trusted and trust is not None:
            decision = trust.issuer_trust(signer.identifier)
            if decision.trusted:
                signer = replace(
                    signer,
                    trusted=True,
                    trust_source=decision.source,
                    name=signer.name or decision.name,
                )
        if awarding_name and awarding_name != signer.name:
            signer = replace(signer, awarding_body=awarding_name)
        context.signer = signer
        who = signer.name or signer.identifier or "an unnamed issuer"
        extra = (
            f" The awarding body named in it is {awarding_name}." if signer.awarding_body else ""
        )
        if signer.trusted:
            return context.result(
                self.id,
                CheckStatus.OK,
                f"Issued by {who}, {signer.trust_source}.{extra}",
                **signer.to_json(),
            )
        # The seal's CA may be listed while the proof of *when* it sealed is not vouched for.
        note = context.signer_evidence.get("issuer_note")
        message = (
            f"Signed by {who}, who is not confirmed as a trusted issuer. {note}"
            if note
            else f"Signed by {who}, who is not on any trusted list or registry Kredo knows."
        )
        return context.result(
            self.id, CheckStatus.WARNING, f"{message}{extra}", **signer.to_json()
        )
