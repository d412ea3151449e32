"""The verification report: independent checks, each with a sentence, never a bare bool."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet.check_status import CheckStatus
from wallet.errors import StoreError
from wallet.translation import Sentence, sentence_from_json, tr

__all__ = [
    "CHECK_IDS",
    "CheckMode",
    "CheckResult",
    "CheckStatus",
    "IssuerInfo",
    "OverallStatus",
    "VerificationReport",
    "sentence_json",
]


def sentence_json(name: str, value: object) -> dict[str, Any]:
    """``{name}_i18n``: what shows a translated sentence again in another language."""
    return {f"{name}_i18n": value.to_json()} if isinstance(value, Sentence) else {}


def _saved_sentence(data: Mapping[str, Any], name: str) -> str | None:
    """A saved sentence again, in the active language where its template was kept."""
    text = data.get(name)
    spec = data.get(f"{name}_i18n")
    if isinstance(spec, Mapping) and isinstance(spec.get("template"), str):
        try:
            return sentence_from_json(spec)
        except (KeyError, TypeError, ValueError):
            pass  # a damaged template: the text as saved
    return text if isinstance(text, str) else None


def _bad_report(what: str) -> StoreError:
    return StoreError(tr("A saved verification report is damaged."), details=what)


class CheckMode(enum.StrEnum):
    """How a check ran: a skipped online check is never shown as a pass."""

    OFFLINE = "offline"
    CACHE = "cache"
    NETWORK = "network"


class OverallStatus(enum.StrEnum):
    """The verdict, saying no more than was proven (after ETSI EN 319 102-1's PASSED /
    INDETERMINATE / FAILED; ADR 0010).

    ``indeterminate`` ("could not be checked"): the signature or seal itself was not proven
    (an unsupported suite, a key or revocation data not available offline); nothing is proven
    wrong either. ``partially_verified``: the signature is proven, something else is not.
    """

    VERIFIED = "verified"
    PARTIALLY_VERIFIED = "partially_verified"
    INDETERMINATE = "indeterminate"
    FAILED = "failed"

    @property
    def exit_code(self) -> int:
        return _EXIT_CODES[self]

    @property
    def severity(self) -> int:
        """Worse verdicts weigh more: verified < partially verified < indeterminate < failed."""
        return _SEVERITY[self]

    @classmethod
    def worst(cls, statuses: Iterable[OverallStatus]) -> OverallStatus:
        """The worst of ``statuses`` (``verified`` when there are none)."""
        return max(statuses, key=lambda status: status.severity, default=cls.VERIFIED)


_EXIT_CODES = {
    OverallStatus.VERIFIED: 0,
    OverallStatus.PARTIALLY_VERIFIED: 3,
    OverallStatus.INDETERMINATE: 4,
    OverallStatus.FAILED: 1,
}
_SEVERITY = {
    OverallStatus.VERIFIED: 0,
    OverallStatus.PARTIALLY_VERIFIED: 1,
    OverallStatus.INDETERMINATE: 2,
    OverallStatus.FAILED: 3,
}
# The checks that prove the signature or seal itself: a credential's ``signature``, a
# presentation's ``holder`` proof. Skipped, they leave the verdict indeterminate.
_SIGNATURE_CHECKS = frozenset({"signature", "holder"})


CHECK_IDS = ("format", "signature", "issuer", "validity", "status", "holder", "accreditation")


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: CheckStatus
    message: str
    mode: CheckMode = CheckMode.OFFLINE
    checked_at: datetime | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status.value,
            "message": self.message,
            "mode": self.mode.value,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "details": dict(self.details),
            **sentence_json("message", self.message),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CheckResult:
        """A check as :meth:`to_json` saved it; its sentence follows the active language."""
        try:
            checked_at = data.get("checked_at")
            details = data.get("details")
            return cls(
                id=str(data["id"]),
                status=CheckStatus(data["status"]),
                message=_saved_sentence(data, "message") or "",
                mode=CheckMode(data.get("mode") or CheckMode.OFFLINE),
                checked_at=datetime.fromisoformat(checked_at) if checked_at else None,
                details=dict(details) if isinstance(details, Mapping) else {},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad_report(f"check: {type(exc).__name__}") from None


@dataclass(frozen=True)
class IssuerInfo:
    """Who signed, and whether anyone Kredo trusts vouches for them."""

    name: str | None = None
    identifier: str | None = None  # DID, URL, or eSeal organisation identifier
    domain: str | None = None
    country: str | None = None
    awarding_body: str | None = None  # when it differs from the signer
    trusted: bool = False
    trust_source: str | None = None  # "EU trusted list (CZ)", "user", "registry: ..."

    def to_json(self) -> dict[str, Any]:
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {**fields, **sentence_json("trust_source", self.trust_source)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IssuerInfo:
        def text(name: str) -> str | None:
            value = data.get(name)
            return value if isinstance(value, str) else None

        return cls(
            name=text("name"),
            identifier=text("identifier"),
            domain=text("domain"),
            country=text("country"),
            awarding_body=text("awarding_body"),
            trusted=data.get("trusted") is True,
            trust_source=_saved_sentence(data, "trust_source"),
        )


def _unproven(check: CheckResult) -> bool:
    """A signature or holder proof that is there but was not checked. A presentation its
    holder did not sign has no proof to leave unchecked: that is only something unconfirmed."""
    return check.status is CheckStatus.SKIPPED and check.details.get("unsigned") is not True


@dataclass(frozen=True)
class VerificationReport:
    format: str
    checks: tuple[CheckResult, ...]
    issuer: IssuerInfo | None = None
    credentials: tuple[VerificationReport, ...] = ()  # for presentations

    @property
    def status(self) -> OverallStatus:
        """Worked out from the checks (never stored): for a presentation, the worst of its
        own checks and of every credential it carries."""
        return OverallStatus.worst((self._own_status(), *(r.status for r in self.credentials)))

    def _own_status(self) -> OverallStatus:
        statuses = [c.status for c in self.checks]
        # 1. Something proven wrong: failed.
        if CheckStatus.FAILED in statuses:
            return OverallStatus.FAILED
        # 2. The signature or seal itself not proven (or never checked): indeterminate.
        proving = [c for c in self.checks if c.id in _SIGNATURE_CHECKS]
        if not proving or any(_unproven(c) for c in proving):
            return OverallStatus.INDETERMINATE
        # 3. Proven, but something else unconfirmed: partially verified.
        trusted = self.issuer is not None and self.issuer.trusted
        if CheckStatus.SKIPPED in statuses or (not trusted and not self.credentials):
            return OverallStatus.PARTIALLY_VERIFIED
        return OverallStatus.VERIFIED

    def check(self, check_id: str) -> CheckResult | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status.value,
            "format": self.format,
            "checks": [c.to_json() for c in self.checks],
            "issuer": self.issuer.to_json() if self.issuer else None,
        }
        if self.credentials:
            out["credentials"] = [r.to_json() for r in self.credentials]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VerificationReport:
        """A report as :meth:`to_json` saved it (the wallet keeps one per credential).

        The verdict is worked out again from the checks, never read from the saved text.
        """
        if not isinstance(data, Mapping):
            raise _bad_report("not an object")
        checks = data.get("checks")
        nested = data.get("credentials") or []
        issuer = data.get("issuer")
        if not isinstance(checks, list) or not isinstance(nested, list):
            raise _bad_report("checks or credentials are not lists")
        if not all(isinstance(c, Mapping) for c in checks + nested):
            raise _bad_report("a check or credential is not an object")
        return cls(
            format=str(data.get("format") or ""),
            checks=tuple(CheckResult.from_json(c) for c in checks),
            issuer=IssuerInfo.from_json(issuer) if isinstance(issuer, Mapping) else None,
            credentials=tuple(cls.from_json(r) for r in nested),
        )
