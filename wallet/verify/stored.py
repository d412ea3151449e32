"""Verify a credential kept in the wallet and remember the outcome for the list's status chip."""

from __future__ import annotations

import json

from wallet.formats import parse_credential
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_credential
from wallet.verify.list_state import list_state
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport


def verify_stored(
    repository: CredentialRepository, credential_id: int, *, options: VerifyOptions
) -> VerificationReport:
    stored = repository.get(credential_id)
    report = verify_credential(parse_credential(stored.raw), options=options)
    repository.save_verification(
        stored.id,
        status=list_state(report).value,
        report_json=json.dumps(report.to_json()),
        mode="network" if options.online else "offline",
    )
    return report
