"""The rows the repository hands out: frozen, Qt-free, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from wallet.model import CredentialFormat, LangText


@dataclass(frozen=True)
class AddResult:
    id: int
    duplicate: bool  # True: the same bytes were already stored under ``id``


@dataclass(frozen=True)
class IndexFields:
    """What the list view and search need, taken from the credential's view at import."""

    title: LangText | None = None
    issuer_name: str | None = None  # one string (English first): the key the list filters by
    # The awarding body's (else the issuer's) name in every language the credential gives;
    # None when it gives none, or for a row not yet described (see ``view_kind``).
    issuer_names: LangText | None = None
    issued: str | None = None  # ISO 8601 as the source gave it
    subject_name: str | None = None
    ects: float | None = None
    eqf_level: int | None = None
    # The template that shows it (``wallet.formats.view_kind.ViewKind`` value). None: the row
    # was stored before schema v5 and waits to be described from its bytes; "": its bytes no
    # longer parse, so nothing more is known.
    view_kind: str | None = None

    def issuer_text(self, lang: str) -> str | None:
        """The issuer's name in ``lang`` (else English, else any), else its one string."""
        return self.issuer_names.pick(lang) if self.issuer_names else self.issuer_name


@dataclass(frozen=True)
class ListDescription:
    """What only a parsed credential tells the list: written when a row is described again."""

    issuer_names: LangText | None
    view_kind: str


@dataclass(frozen=True)
class SearchText:
    """Text indexed for full-text search, all languages joined."""

    title: str = ""
    issuer: str = ""
    subject: str = ""
    description: str = ""
    outcomes: str = ""


@dataclass(frozen=True)
class CredentialSummary:
    """One row of the credential list."""

    id: int
    format: CredentialFormat
    index: IndexFields
    imported_at: str
    tags: tuple[str, ...]
    verification_status: str | None = None  # of the latest check; None: never checked


@dataclass(frozen=True)
class StoredCredential:
    """Everything stored about one credential; ``raw`` is exactly the bytes imported."""

    id: int
    raw: bytes = field(repr=False)
    format: CredentialFormat
    media_type: str
    content_hash: str
    imported_at: str
    source: str
    index: IndexFields
    note: str | None
    tags: tuple[str, ...]
    collections: tuple[str, ...]


@dataclass(frozen=True)
class Collection:
    """A learner's collection of credentials. Its totals are the app layer's
    (``wallet.app.stacks``): only it knows copies of one credential and failed ones."""

    id: int
    name: str
    created_at: str
    credential_ids: tuple[int, ...]


@dataclass(frozen=True)
class HolderKey:
    id: int
    did: str
    private_key: bytes = field(repr=False)
    key_type: str
    label: str | None
    created_at: str


@dataclass(frozen=True)
class VerificationRecord:
    credential_id: int
    checked_at: str
    status: str
    report_json: str
    mode: str


@dataclass(frozen=True)
class CredentialDump:
    """One credential with everything attached to it, as a backup carries it."""

    raw: bytes = field(repr=False)
    format: CredentialFormat
    media_type: str
    imported_at: str
    source: str
    index: IndexFields
    search_text: SearchText = field(repr=False)
    note: str | None
    tags: tuple[str, ...]
    collections: tuple[str, ...]
    verifications: tuple[VerificationRecord, ...] = ()


@dataclass(frozen=True)
class ShareRecord:
    """One entry of the local share log: what was shared, when, how, with whom."""

    id: int
    shared_at: str
    form: str  # presentation, qr, pdf, clipboard, europass, openid4vp
    recipient: str | None
    credential_ids: tuple[int, ...]
    details_json: str | None = None  # what else the app layer recorded (wallet.app.history)


@dataclass(frozen=True)
class RevocationRecord:
    """An OCSP response or CRL kept for seals: DER as served, usable until ``next_update``."""

    key: str
    der: bytes = field(repr=False)
    next_update: datetime
