"""A verification record: what was checked, kept as something an HR department can file.

For each file: its name, the SHA-256 of the exact bytes checked, the report (every check with
its sentence, how it ran, the verdict) and what each credential says (its Annex I rows, in the
record's language); for the record: when it was made, the date of the trust material used (the
bundled trusted-list snapshot) and whether Kredo was allowed online. It is written as JSON
(:meth:`VerificationRecord.to_json`, read back by :meth:`VerificationRecord.from_json`) or as a
PDF (:mod:`wallet.share.verification_record_pdf`).

The JSON holds, beside what it reads back (``report``, ``says``), the readable texts a person or
a spreadsheet wants (verdict meaning, check names and sentences in the record's language).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.errors import FormatError
from wallet.share.annex_labels import CHECK_LABEL_KEYS, label, ui_language
from wallet.share.annex_rows import AnnexRow
from wallet.translation import Sentence, tr
from wallet.verify.report import CheckMode, CheckResult, OverallStatus, VerificationReport
from wallet.verify.status_words import no_status_published, not_published_text

RECORD_KIND = "kredo-verification-record"
RECORD_VERSION = 1


@dataclass(frozen=True)
class RecordedFile:
    """One file that was checked: its report (None when it could not be verified, with the
    ``problem``), and per credential (a presentation's in order) the rows of what it says."""

    name: str
    sha256: str | None
    size: int
    report: VerificationReport | None
    problem: str | None = None
    says: tuple[tuple[AnnexRow, ...], ...] = ()

    def credentials(self) -> list[tuple[VerificationReport, tuple[AnnexRow, ...]]]:
        """Each credential's own report with its rows: the file's report for one credential,
        the report of each credential a presentation carries."""
        if self.report is None:
            return []
        reports = self.report.credentials or (self.report,)
        return [
            (report, self.says[number] if number < len(self.says) else ())
            for number, report in enumerate(reports)
        ]


@dataclass(frozen=True)
class VerificationRecord:
    made_at: datetime
    lang: str  # the record's language (cs or en): labels, meanings, check sentences
    trust_snapshot_date: datetime | None
    online: bool
    files: tuple[RecordedFile, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "record": RECORD_KIND,
            "version": RECORD_VERSION,
            "made_at": self.made_at.isoformat(),
            "language": self.lang,
            "trust_snapshot_date": _iso(self.trust_snapshot_date),
            "online": self.online,
            "files": [_file_json(entry, self.lang) for entry in self.files],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VerificationRecord:
        """A record as :meth:`to_json` wrote it; raises :class:`FormatError` for anything else."""
        try:
            if data["record"] != RECORD_KIND or data["version"] != RECORD_VERSION:
                raise ValueError("kind or version")
            snapshot = data["trust_snapshot_date"]
            return cls(
                made_at=datetime.fromisoformat(data["made_at"]),
                lang=ui_language(str(data["language"])),
                trust_snapshot_date=datetime.fromisoformat(snapshot) if snapshot else None,
                online=data["online"] is True,
                files=tuple(_file_from_json(entry) for entry in data["files"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FormatError(
                tr("This is not a verification record Kredo can read."),
                details=type(exc).__name__,
            ) from None


# --- readable texts ----------------------------------------------------------------------


def verdict_label(status: OverallStatus, lang: str) -> str:
    """The verdict's name in ``lang`` (its code where no label names it yet)."""
    try:
        return label(f"status_{status.value}", lang)
    except KeyError:
        return status.value


def verdict_meaning(status: OverallStatus, lang: str) -> str:
    """What the verdict means in plain words, and what to do, in ``lang``."""
    meanings = {
        "verified": tr(
            "The signature or seal is proven, the issuer is one Kredo trusts, and no check "
            "failed: the credential is genuine and unchanged since it was issued."
        ),
        "partially_verified": tr(
            "The signature or seal is proven and no check failed, but not everything could "
            "be confirmed (for example, the issuer is on no list Kredo has, or the revocation "
            "status could not be checked offline). Check the points marked below before you "
            "rely on it."
        ),
        "indeterminate": tr(
            "The signature or seal itself could not be checked, so nothing is proven either "
            "way: this is not a pass and not a sign of forgery. Ask for the credential in "
            "another form, or verify it again online."
        ),
        "failed": tr(
            "A check proved something wrong (the credential was altered, revoked, expired, "
            "presented by someone else, or its seal does not lead to a trusted authority). "
            "Do not rely on this credential."
        ),
    }
    meaning = meanings.get(status.value) or tr(
        "Kredo's verdict is “{verdict}”; each check below says what it found.",
        verdict=status.value,
    )
    return meaning.localized(lang)


def check_name(check: CheckResult, lang: str) -> str:
    key = CHECK_LABEL_KEYS.get(check.id)
    return label(key, lang) if key else check.id


def check_result(check: CheckResult, lang: str) -> str:
    """The check's outcome in ``lang``: "not published" for a status nobody publishes (OK for
    the verdict, but nothing was confirmed), else its status."""
    if no_status_published(check):
        return not_published_text().localized(lang)
    return label(f"result_{check.status.value}", lang)


def check_mode_text(check: CheckResult, lang: str) -> str:
    """How the check ran, in ``lang``."""
    modes = {
        CheckMode.OFFLINE: tr("offline"),
        CheckMode.CACHE: tr("from the cache"),
        CheckMode.NETWORK: tr("online"),
    }
    mode = modes.get(check.mode)
    return mode.localized(lang) if mode is not None else str(check.mode.value)


def in_language(text: str, lang: str) -> str:
    """A core sentence in ``lang``, whatever language Kredo speaks now."""
    return text.localized(lang) if isinstance(text, Sentence) else text


# --- JSON --------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _checks_json(checks: tuple[CheckResult, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": check.id,
            "name": check_name(check, lang),
            "status": check.status.value,
            "result": check_result(check, lang),
            "sentence": in_language(check.message, lang),
            "mode": check.mode.value,
        }
        for check in checks
    ]


def _file_json(entry: RecordedFile, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"file": entry.name, "sha256": entry.sha256, "size": entry.size}
    report = entry.report
    if report is None:
        return {**out, "verdict": None, "problem": entry.problem}
    out.update(
        verdict=report.status.value,
        verdict_label=verdict_label(report.status, lang),
        verdict_meaning=verdict_meaning(report.status, lang),
        checks=_checks_json(report.checks, lang) if report.credentials else [],
        credentials=[
            {
                "verdict": nested.status.value,
                "format": nested.format,
                "issuer": nested.issuer.name if nested.issuer else None,
                "checks": _checks_json(nested.checks, lang),
                "says": [_row_json(row) for row in rows],
            }
            for nested, rows in entry.credentials()
        ],
        report=report.to_json(),
    )
    return out


def _row_json(row: AnnexRow) -> dict[str, Any]:
    return {"key": row.key, "label": row.label, "value": row.value, "mandatory": row.mandatory}


def _file_from_json(data: Mapping[str, Any]) -> RecordedFile:
    report = data.get("report")
    credentials = data.get("credentials") or []
    return RecordedFile(
        name=str(data["file"]),
        sha256=data["sha256"] if isinstance(data["sha256"], str) else None,
        size=int(data["size"]),
        report=VerificationReport.from_json(report) if isinstance(report, Mapping) else None,
        problem=data.get("problem"),
        says=tuple(
            tuple(
                AnnexRow(str(row["key"]), str(row["label"]), row["value"],
                         row["mandatory"] is True)
                for row in credential["says"]
            )
            for credential in credentials
        ),
    )
