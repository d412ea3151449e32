"""Verify a credential kept in the wallet and remember the outcome for the list's status chip.

The application layer (:mod:`wallet.app.verifying`) splits this into its steps for the GUI,
which verifies away from the database worker and remembers the verdict afterwards.
"""

from __future__ import annotations

import json

from wallet.formats import parse_credential
from wallet.store.repository import CredentialRepository
from wallet.verify.engine import verify_credential
from wallet.verify.list_state import list_state
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport


def check_mode(online: bool) -> str:
    """How the checks ran, as the wallet remembers it with the verdict."""
    return "network" if online else "offline"


def save_verdict(
    repository: CredentialRepository, credential_id: int, report: VerificationReport, *,
    online: bool,
) -> None:
    """Keep ``report`` with the credential: the list's status chip and the detail show it."""
    repository.save_verification(
        credential_id,
        status=list_state(report).value,
        report_json=json.dumps(report.to_json()),
        mode=check_mode(online),
    )


def verify_stored(
    repository: CredentialRepository, credential_id: int, *, options: VerifyOptions
) -> VerificationReport:
    stored = repository.get(credential_id)
    report = verify_credential(parse_credential(stored.raw), options=options)
    save_verdict(repository, stored.id, report, online=options.online)
    return report
