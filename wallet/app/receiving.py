"""Receiving credentials from an issuer (OpenID4VCI): the last step, storing what was confirmed.

The protocol steps (preview, redeem, deferred) live in :mod:`wallet.issuance`; this module
joins them to the wallet.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.app.importing import CredentialSink, ImportOutcome, import_bytes
from wallet.issuance import ReceivedCredential


def store_received(
    sink: CredentialSink, received: Sequence[ReceivedCredential], *, source: str
) -> list[ImportOutcome]:
    """Import the confirmed credentials exactly as received; unreadable ones are reported."""
    outcomes: list[ImportOutcome] = []
    for item in received:
        if item.credential is None:
            outcomes.append(ImportOutcome(source=source, status="error", error=item.error))
            continue
        outcomes += import_bytes(sink, item.raw, source=source)
    return outcomes
