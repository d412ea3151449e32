"""The sharing history: every time credentials left the wallet, when, how, to whom, and (for
answers to online verifiers) which claims. It lives only in the encrypted wallet, goes into
backups, and the learner can export it as JSON or delete entries.

Each entry is a row of the wallet's share log; what a row cannot hold in columns (the
verifier as its certificate or DID named it, the title and claims of each credential as they
were when shared) is kept as JSON in ``details_json``, written and read only here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from wallet.errors import CredentialNotFound, ExportError, StoreError
from wallet.store.records import ShareRecord
from wallet.store.repository import CredentialRepository
from wallet.translation import tr

DETAILS_VERSION = 1


@dataclass(frozen=True)
class SharedVerifier:
    """Whom an online answer went to, as far as Kredo could tell."""

    client_id: str
    name: str
    confirmed: bool
    response_host: str


@dataclass(frozen=True)
class SharedCredential:
    """A credential as it was shared: ``claims`` the SD-JWT claims disclosed (None: whole)."""

    credential_id: int | None  # None: no longer in the wallet
    title: str
    format: str
    claims: tuple[str, ...] | None = None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    shared_at: str
    form: str
    recipient: str | None
    credentials: tuple[SharedCredential, ...]
    verifier: SharedVerifier | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def record_share(
    repository: CredentialRepository,
    credentials: Sequence[SharedCredential],
    *,
    form: str,
    recipient: str | None,
    verifier: SharedVerifier | None = None,
) -> int:
    """Log a share with its details; returns the entry's id."""
    details = {"version": DETAILS_VERSION,
               "verifier": asdict(verifier) if verifier is not None else None,
               "credentials": [asdict(c) for c in credentials]}
    ids = [c.credential_id for c in credentials if c.credential_id is not None]
    return repository.log_share(ids, form=form, recipient=recipient,
                                details_json=json.dumps(details, ensure_ascii=False))


def history(repository: CredentialRepository) -> list[HistoryEntry]:
    """Every entry, newest first."""
    return [_entry(repository, record) for record in repository.share_log()]


def delete_entries(repository: CredentialRepository, entry_ids: Iterable[int]) -> int:
    """Forget these entries; an id that is not in the history is an error naming it."""
    wanted = sorted(set(entry_ids))
    known = {record.id for record in repository.share_log()}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise StoreError(tr("The sharing history has no entry {id}.", id=unknown[0]))
    return repository.delete_shares(wanted)


def history_json(entries: Sequence[HistoryEntry]) -> str:
    """The export: a JSON document a person or a program can read."""
    return json.dumps({"sharing_history": [e.to_json() for e in entries]}, ensure_ascii=False,
                      indent=2) + "\n"


def write_history(path: Path, entries: Sequence[HistoryEntry]) -> None:
    """Save the export (:func:`history_json`) to ``path``."""
    try:
        path.write_text(history_json(entries), encoding="utf-8")
    except OSError as exc:
        raise ExportError(tr("The sharing history could not be saved to {name}.",
                             name=path.name), details=str(exc)) from None


def _entry(repository: CredentialRepository, record: ShareRecord) -> HistoryEntry:
    details = _details(record.details_json)
    if details is None:
        credentials = tuple(_looked_up(repository, i) for i in record.credential_ids)
        verifier = None
    else:
        credentials = tuple(_shared(c, set(record.credential_ids))
                            for c in details.get("credentials", []) if isinstance(c, dict))
        raw = details.get("verifier")
        verifier = _verifier(raw) if isinstance(raw, dict) else None
    return HistoryEntry(record.id, record.shared_at, record.form, record.recipient,
                        credentials, verifier)


def _details(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _shared(raw: dict[str, Any], still_there: set[int]) -> SharedCredential:
    credential_id = raw.get("credential_id")
    claims = raw.get("claims")
    return SharedCredential(
        credential_id=credential_id if isinstance(credential_id, int)
        and credential_id in still_there else None,
        title=str(raw.get("title") or ""), format=str(raw.get("format") or ""),
        claims=tuple(str(c) for c in claims) if isinstance(claims, list) else None,
    )


def _verifier(raw: dict[str, Any]) -> SharedVerifier:
    return SharedVerifier(client_id=str(raw.get("client_id") or ""),
                          name=str(raw.get("name") or ""),
                          confirmed=raw.get("confirmed") is True,
                          response_host=str(raw.get("response_host") or ""))


def _looked_up(repository: CredentialRepository, credential_id: int) -> SharedCredential:
    try:
        stored = repository.get(credential_id)
    except CredentialNotFound:
        return SharedCredential(None, tr("(a credential since deleted)"), "")
    title = stored.index.title.pick("en") if stored.index.title else ""
    return SharedCredential(credential_id, title or stored.format.display_name,
                            stored.format.value)
