"""``status``: revocation and suspension (BitstringStatusList, StatusList2021,
RevocationList2020, 1EdTech revocation lists, IETF token status lists)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.model import Credential
from wallet.verify.checks.base import VerifyContext
from wallet.verify.report import CheckMode, CheckResult, CheckStatus


def status_entries(document: Any) -> list[Mapping[str, Any]]:
    """Every status entry a credential declares, whatever the format calls it."""
    if not isinstance(document, Mapping):
        return []
    found: list[Mapping[str, Any]] = []
    for key in ("credentialStatus", "status"):
        value = document.get(key)
        items = value if isinstance(value, list) else [value]
        found.extend(item for item in items if isinstance(item, Mapping))
    vc = document.get("vc")
    if isinstance(vc, Mapping):
        found.extend(status_entries(vc))
    return found


class StatusCheck:
    id = "status"

    def applies_to(self, credential: Credential) -> bool:
        return True

    def run(self, credential: Credential, context: VerifyContext) -> CheckResult:
        entries = status_entries(credential.document)
        if not entries:
            return context.result(
                self.id,
                CheckStatus.OK,
                "The issuer publishes no revocation status for this credential.",
            )
        kinds = sorted({str(e.get("type", "status list")) for e in entries})
        if not context.options.online:
            # Offline: never claim "not revoked" without looking at the list.
            return context.result(
                self.id,
                CheckStatus.SKIPPED,
                "Revocation was not checked: it needs the issuer's status list online.",
                mode=CheckMode.OFFLINE,
                types=kinds,
            )
        return context.result(
            self.id,
            CheckStatus.SKIPPED,
            "Revocation was not checked: this Kredo version cannot fetch status lists yet.",
            mode=CheckMode.NETWORK,
            types=kinds,
        )
