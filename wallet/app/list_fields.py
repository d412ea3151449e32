"""What the credential list keeps beyond the store's own reading of a credential: the view
kind (micro-credential, Open Badge, generic), which only the format parsers can tell, and the
issuer's name in every language for rows stored before the list kept them (schema v5).

Rows written by an older Kredo, or restored from an older backup, wait with no view kind;
:func:`describe_stored` reads their stored bytes again and fills them in, one row per write,
so an interrupted run simply continues the next time the wallet is opened.
"""

from __future__ import annotations

from wallet.errors import WalletError
from wallet.formats import parse_credential
from wallet.formats.view_kind import view_kind
from wallet.model import Credential
from wallet.store.index_fields import list_description
from wallet.store.records import ListDescription
from wallet.store.repository import CredentialRepository

UNREADABLE_KIND = ""  # stored bytes that no longer parse: nothing more is known of them


def stored_view_kind(credential: Credential) -> str:
    """The view kind as the list stores it (a ``ViewKind`` value)."""
    return view_kind(credential).value


def describe_stored(repository: CredentialRepository) -> int:
    """Describe every row that waits for it; returns how many were described."""
    described = 0
    for credential_id in repository.undescribed_ids():
        try:
            credential = parse_credential(repository.get(credential_id).raw)
        except WalletError:
            # Its one-string issuer stays what the list shows; it is not tried again.
            repository.describe(credential_id, ListDescription(None, UNREADABLE_KIND))
        else:
            repository.describe(credential_id,
                                list_description(credential, stored_view_kind(credential)))
        described += 1
    return described
