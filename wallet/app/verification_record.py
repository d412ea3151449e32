"""Save what was checked as a verification record an HR department can file (PDF or JSON).

The record (:class:`wallet.share.verification_record.VerificationRecord`) names each file by
the SHA-256 of the exact bytes checked, gives the time, the date of the trust material the
checks used, every check with its sentence, the verdict with its plain meaning and what each
credential says (its Annex I rows), in cs or en.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from wallet.app.verifying import BatchOutcome, VerifyRequest, verify_options
from wallet.errors import WalletError
from wallet.export.file_output import write_file
from wallet.share.annex_labels import ui_language
from wallet.share.annex_rows import annex_rows
from wallet.share.verification_record import RecordedFile, VerificationRecord
from wallet.share.verification_record_pdf import verification_record_pdf
from wallet.translation import tr

RECORD_SUFFIXES = (".pdf", ".json")


def check_record_name(path: Path) -> None:
    """Refuse, before any work, a record file name that is neither ``.pdf`` nor ``.json``."""
    if path.suffix.lower() not in RECORD_SUFFIXES:
        raise WalletError(tr("A verification record is a .pdf or a .json file, not “{name}”.",
                             name=path.name))


def verification_record(
    outcomes: Sequence[BatchOutcome], *, lang: str, request: VerifyRequest,
    made_at: datetime | None = None,
) -> VerificationRecord:
    """The record of ``outcomes``, verified as ``request`` asked with the bundled trust."""
    language = ui_language(lang)
    trust = verify_options(request).trust
    return VerificationRecord(
        made_at=made_at or datetime.now(UTC).replace(microsecond=0),
        lang=language,
        trust_snapshot_date=trust.snapshot_date if trust is not None else None,
        online=request.online,
        files=tuple(_recorded(outcome, language) for outcome in outcomes),
    )


def _recorded(outcome: BatchOutcome, lang: str) -> RecordedFile:
    return RecordedFile(
        name=outcome.name,
        sha256=outcome.sha256,
        size=len(outcome.raw),
        report=outcome.report,
        problem=outcome.problem,
        says=tuple(
            tuple(annex_rows(view, lang)) if view is not None else ()
            for view in outcome.views
        ),
    )


def record_bytes(record: VerificationRecord, suffix: str) -> bytes:
    """The record as a ``.pdf`` file, else as JSON."""
    if suffix.lower() == ".pdf":
        return verification_record_pdf(record)
    text = json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def save_verification_record(
    outcomes: Sequence[BatchOutcome], path: Path, *, lang: str, request: VerifyRequest
) -> VerificationRecord:
    """Write the record of ``outcomes`` to ``path`` (PDF or JSON, by its name)."""
    check_record_name(path)
    record = verification_record(outcomes, lang=lang, request=request)
    write_file(path, record_bytes(record, path.suffix))
    return record
