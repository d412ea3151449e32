"""1EdTech Revocation List (Open Badges 3.0 / CLR 2.0, "1EdTech Revocation List Status
Method"): the entry's ``id`` is a URL answering a JSON ``RevocationList`` whose
``revokedCredentials`` name each revoked credential by its ``id``.

The list is plain JSON, unsigned: its authenticity rests on the https connection alone,
and the outcome says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.errors import WalletError
from wallet.json_input import load_json_object
from wallet.status.list_credential import issuer_id
from wallet.status.outcome import StatusListError, StatusState
from wallet.translation import tr

ENTRY_TYPE = "1EdTechRevocationList"
ACCEPT = "application/json"
# A list naming more credentials than this is not a list Kredo will scan.
MAX_REVOKED_ENTRIES = 1_000_000


def revocation_list_url(entry: Mapping[str, Any]) -> str:
    url = entry.get("id")
    if not isinstance(url, str) or not url:
        raise StatusListError(
            StatusState.FAILED, tr("The credential's revocation entry does not name a list.")
        )
    return url


def read_revocation_list(
    body: bytes, *, credential_id: str | None, credential_issuer: str | None
) -> tuple[StatusState, str, tuple[str, ...]]:
    """(state, sentence, warnings) for one credential against a fetched list."""
    try:
        revocation_list = load_json_object(body, what=tr("The issuer's revocation list"))
    except WalletError as exc:
        raise StatusListError(StatusState.FAILED, exc.message) from None
    revoked = revocation_list.get("revokedCredentials")
    if not isinstance(revoked, list) or len(revoked) > MAX_REVOKED_ENTRIES:
        raise StatusListError(
            StatusState.FAILED,
            tr("The issuer's revocation list has no list of revoked credentials."),
        )
    if credential_id is None:
        return (
            StatusState.UNKNOWN,
            tr(
                "The credential has no id, so it cannot be looked up in the issuer's "
                "revocation list."
            ),
            (),
        )
    warnings: tuple[str, ...] = ()
    list_issuer = issuer_id(revocation_list)
    if credential_issuer and list_issuer and list_issuer != credential_issuer:
        warnings = (
            tr("The revocation list was published by someone other than the credential's issuer."),
        )
    for item in revoked:
        if isinstance(item, Mapping) and item.get("id") == credential_id:
            return StatusState.REVOKED, tr("The issuer has revoked this credential."), warnings
    return (
        StatusState.OK,
        tr(
            "The issuer's revocation list does not list this credential (the list is unsigned; "
            "it came over a secure connection)."
        ),
        warnings,
    )
