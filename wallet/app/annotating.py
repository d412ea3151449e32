"""The learner's own words on a credential: a note and tags (the credential is never changed)."""

from __future__ import annotations

from collections.abc import Iterable

from wallet.app.credentials import LoadedCredential, load_credential
from wallet.store.repository import CredentialRepository


def save_note_and_tags(
    repository: CredentialRepository, credential_id: int, note: str | None, tags: Iterable[str]
) -> LoadedCredential:
    """Keep ``note`` (blank: none) and exactly ``tags`` (blank ones dropped); the credential
    as it is now."""
    wanted = {tag.strip() for tag in tags if tag.strip()}
    had = set(repository.get(credential_id).tags)
    repository.set_note(credential_id, note.strip() if note and note.strip() else None)
    if had - wanted:
        repository.untag(credential_id, sorted(had - wanted))
    if wanted - had:
        repository.tag(credential_id, sorted(wanted - had))
    return load_credential(repository, credential_id)
