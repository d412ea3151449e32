"""A stored credential as the faces use it: the stored record, its parsed form, its last verdict.

Every use case that starts from "credential number N in the wallet" starts here, so parsing
the stored bytes and reading the saved report happen in one place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from wallet.errors import WalletError
from wallet.formats import parse_credential
from wallet.model import Credential
from wallet.store.records import StoredCredential, VerificationRecord
from wallet.store.repository import CredentialRepository
from wallet.verify.report import VerificationReport


@dataclass(frozen=True)
class LoadedCredential:
    """A credential from the wallet, parsed, with the verification the wallet last saved."""

    stored: StoredCredential
    credential: Credential
    verification: VerificationRecord | None

    @property
    def id(self) -> int:
        return self.stored.id

    @property
    def report(self) -> VerificationReport | None:
        """The last saved report, its sentences in the active language (None if never checked
        or if the saved copy cannot be read: the credential is then shown as not yet checked)."""
        if self.verification is None:
            return None
        try:
            return VerificationReport.from_json(json.loads(self.verification.report_json))
        except (ValueError, WalletError):
            return None


def load_credential(repository: CredentialRepository, credential_id: int) -> LoadedCredential:
    """Credential ``credential_id`` parsed from its stored bytes, with its last verdict."""
    stored = repository.get(credential_id)
    return LoadedCredential(
        stored, parse_credential(stored.raw), repository.latest_verification(credential_id)
    )


def load_credentials(
    repository: CredentialRepository, credential_ids: Iterable[int]
) -> list[LoadedCredential]:
    return [load_credential(repository, credential_id) for credential_id in credential_ids]


def parsed_credential(repository: CredentialRepository, credential_id: int) -> Credential:
    """Only the parsed credential, for use cases that need neither record nor verdict."""
    return parse_credential(repository.get(credential_id).raw)


PICTURE_ROLES = ("badge", "page", "logo")  # the picture that stands for a credential, by role


def credential_picture(repository: CredentialRepository, credential_id: int) -> bytes | None:
    """The encoded picture that stands for a credential on its card (a badge image, else the
    first page of an EDC, else a logo), if it carries one."""
    images = parsed_credential(repository, credential_id).view.images
    for role in PICTURE_ROLES:
        for picture in images:
            if picture.role == role and picture.data is not None:
                return picture.data
    return None
