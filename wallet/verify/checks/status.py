"""``status``: revocation and suspension (BitstringStatusList, StatusList2021,
RevocationList2020, 1EdTech revocation lists, IETF token status lists; for Open Badges 2.0,
the hosted copy's ``revoked`` flag or the issuer's revocation list).

Offline the check is ``skipped``, never ``ok``: nobody looked at the issuer's list.

When the issuer publishes no status at all, the check is ``ok`` (there is nothing to confirm,
so the verdict is not lowered) with ``published: False`` in its details: every face shows it
as "not published", never as a tick (``wallet.verify.status_words.no_status_published``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.model import Credential, CredentialFormat
from wallet.status import check_status_entries
from wallet.translation import tr
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckMode, CheckResult, CheckStatus


def _status_document(credential: Credential) -> Mapping[str, Any]:
    # JSON-LD credentials, VC-JWT payloads (``vc`` claim) and SD-JWT VC claims alike.
    return credential.document if isinstance(credential.document, Mapping) else {}


class StatusCheck:
    id = "status"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        if credential.format is CredentialFormat.OB2:
            return self._open_badge_2(context)
        outcomes = check_status_entries(
            _status_document(credential),
            online=context.options.online,
            now=context.now,
            documents=context.options.documents,
        )
        if not outcomes:
            return context.result(
                self.id,
                CheckStatus.OK,
                tr("The issuer publishes no revocation status for this credential."),
                published=False,
            )
        mode = CheckMode(outcomes[0].mode.value)
        details = {
            "entries": [
                {
                    "type": o.entry_type,
                    "purpose": o.purpose,
                    "state": o.state.value,
                    "list": o.list_url,
                    "message": o.message,
                    "warnings": list(o.warnings),
                }
                for o in outcomes
            ]
        }
        states = {o.state.value for o in outcomes}
        worst = next(
            (o for o in outcomes if o.state.value in ("revoked", "suspended", "failed")), None
        )
        if worst is not None:
            return context.result(self.id, CheckStatus.FAILED, worst.message, mode=mode, **details)
        if "unknown" in states:
            unknown = next(o for o in outcomes if o.state.value == "unknown")
            return context.result(
                self.id, CheckStatus.SKIPPED, unknown.message, mode=mode, **details
            )
        warnings = [w for o in outcomes for w in o.warnings]
        if warnings:
            return context.result(self.id, CheckStatus.WARNING, warnings[0], mode=mode, **details)
        return context.result(self.id, CheckStatus.OK, outcomes[0].message, mode=mode, **details)

    def _open_badge_2(self, context: VerifyContext) -> CheckResult:
        """OB 2.0 revocation is learnt from the issuer while verifying the badge itself
        (hosted copy, or the issuer's revocation list); the signature check hands it over."""
        found = context.evidence.revocation
        if found is None:
            return context.result(
                self.id,
                CheckStatus.SKIPPED,
                tr("Whether the issuer revoked this badge was not checked."),
            )
        if not found.published:
            return context.result(
                self.id, found.status, found.message, mode=found.mode, published=False
            )
        return context.result(self.id, found.status, found.message, mode=found.mode)
