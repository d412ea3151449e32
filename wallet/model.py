"""The normalised view of a credential, whatever format it came in.

:class:`Credential` keeps the raw bytes exactly as received (seals and JWTs sign those
bytes) next to the parsed document and a :class:`MicroCredentialView` that carries the
elements of Annex I of the Council Recommendation of 16 June 2022 on micro-credentials.
Missing elements are ``None`` (or empty), never guessed.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet.errors import MalformedCredential
from wallet.translation import tr

# Fallback order after the requested language.
_FALLBACK_LANGUAGES = ("en",)
# Key for text that carries no language tag.
NO_LANGUAGE = "und"


class CredentialFormat(enum.StrEnum):
    """Every format Kredo imports. The value is stored in the database: never rename one."""

    EDC_SEALED = "edc-jades"  # JAdES-sealed European Digital Credential (ELM v3)
    EDC_JSONLD = "edc-jsonld"  # unsealed ELM v3 JSON-LD (also the {"credential": ...} wrapper)
    EDC_XML = "edc-xml"  # legacy europassCredential XML (ELM v1/v2), XAdES
    VC_JSONLD = "vc-jsonld"  # W3C VC 1.1/2.0 JSON-LD, Open Badges 3.0 with Data Integrity
    VC_JWT = "vc-jwt"  # VC-JWT (1.1 `vc` claim, 2.0 vc+jwt), OB 3.0 JWT
    SD_JWT_VC = "sd-jwt-vc"  # SD-JWT VC, e.g. the EUDI learning credential
    OB2 = "ob2"  # Open Badges 2.0 signed (JWS) or hosted assertion

    @property
    def label(self) -> str:
        return _FORMAT_LABELS[self]

    @property
    def short_label(self) -> str:
        return _SHORT_LABELS[self]

    @property
    def display_name(self) -> str:
        """The format's name for a person, in the active language (``label`` is English)."""
        return _display_name(self)


def _display_name(credential_format: CredentialFormat) -> str:
    if credential_format is CredentialFormat.EDC_SEALED:
        return tr("European Digital Credential (sealed)")
    if credential_format is CredentialFormat.EDC_JSONLD:
        return tr("European Digital Credential (unsealed)")
    if credential_format is CredentialFormat.EDC_XML:
        return tr("Europass credential (XML, ELM v1/v2)")
    if credential_format is CredentialFormat.VC_JSONLD:
        return tr("W3C Verifiable Credential (JSON-LD)")
    if credential_format is CredentialFormat.VC_JWT:
        return tr("W3C Verifiable Credential (JWT)")
    if credential_format is CredentialFormat.SD_JWT_VC:
        return tr("SD-JWT Verifiable Credential")
    return credential_format.label  # "Open Badges 2.0" is a name in every language


_FORMAT_LABELS = {
    CredentialFormat.EDC_SEALED: "European Digital Credential (sealed)",
    CredentialFormat.EDC_JSONLD: "European Digital Credential (unsealed)",
    CredentialFormat.EDC_XML: "Europass credential (XML, ELM v1/v2)",
    CredentialFormat.VC_JSONLD: "W3C Verifiable Credential (JSON-LD)",
    CredentialFormat.VC_JWT: "W3C Verifiable Credential (JWT)",
    CredentialFormat.SD_JWT_VC: "SD-JWT Verifiable Credential",
    CredentialFormat.OB2: "Open Badges 2.0",
}


_SHORT_LABELS = {
    CredentialFormat.EDC_SEALED: "EDC (sealed)",
    CredentialFormat.EDC_JSONLD: "EDC",
    CredentialFormat.EDC_XML: "Europass XML",
    CredentialFormat.VC_JSONLD: "VC (JSON-LD)",
    CredentialFormat.VC_JWT: "VC-JWT",
    CredentialFormat.SD_JWT_VC: "SD-JWT VC",
    CredentialFormat.OB2: "Open Badges 2.0",
}


@dataclass(frozen=True)
class LangText:
    """Text in one or more languages: ``{"en": "Basics", "cs": "Základy"}``.

    Keys are lower-case language codes (ISO 639-1 where the source has one; ``und`` for
    untagged text). Sources that hold several strings for one language are joined with a
    newline by :meth:`from_values`.
    """

    values: Mapping[str, str]

    def __post_init__(self) -> None:
        if not self.values:
            raise MalformedCredential(tr("A text value has no content in any language."))

    @classmethod
    def plain(cls, text: str) -> LangText:
        return cls({NO_LANGUAGE: text})

    @classmethod
    def from_values(cls, values: Mapping[str, str | Iterable[str]]) -> LangText | None:
        """Build from a language map whose values are strings or lists of strings.

        Returns ``None`` when nothing non-empty remains.
        """
        cleaned: dict[str, str] = {}
        for lang, value in values.items():
            texts = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
            joined = "\n".join(t.strip() for t in texts if t and t.strip())
            if joined:
                cleaned[normalise_language(lang)] = joined
        return cls(cleaned) if cleaned else None

    def pick(self, lang: str) -> str:
        """The best text for ``lang``: requested → English → untagged → any."""
        wanted = normalise_language(lang)
        for candidate in (wanted, *_FALLBACK_LANGUAGES, NO_LANGUAGE):
            if candidate in self.values:
                return self.values[candidate]
        return next(iter(self.values.values()))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(k for k in self.values if k != NO_LANGUAGE))

    def to_json(self) -> dict[str, str]:
        return dict(self.values)


_ISO639_2_TO_1 = {
    "ces": "cs",
    "cze": "cs",
    "eng": "en",
    "slk": "sk",
    "slo": "sk",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "pol": "pl",
    "por": "pt",
    "nld": "nl",
    "dut": "nl",
    "hun": "hu",
    "swe": "sv",
    "fin": "fi",
    "dan": "da",
    "ell": "el",
    "gre": "el",
    "ron": "ro",
    "rum": "ro",
    "bul": "bg",
    "hrv": "hr",
    "slv": "sl",
    "est": "et",
    "lav": "lv",
    "lit": "lt",
    "mlt": "mt",
    "gle": "ga",
}


def normalise_language(code: str) -> str:
    """``en-GB`` → ``en``; ``CES`` → ``cs``; empty → ``und``."""
    base = code.strip().lower().replace("_", "-").split("-")[0]
    if not base:
        return NO_LANGUAGE
    return _ISO639_2_TO_1.get(base, base)


@dataclass(frozen=True)
class Organisation:
    """An awarding body, issuer or sealer."""

    name: LangText | None = None
    identifier: str | None = None  # URI, DID, or legal identifier (e.g. VAT, IČO, eIDAS id)
    legal_identifiers: tuple[str, ...] = ()
    country: LangText | None = None  # country or region; a code like "CZ" goes in as plain text
    homepage: str | None = None
    email: str | None = None
    logo: Image | None = None


@dataclass(frozen=True)
class Image:
    """A picture carried by the credential: badge image or an EDC official page."""

    media_type: str  # "image/png", "image/svg+xml", "image/jpeg"
    data: bytes | None = None  # inline content; None when only a URL is known
    url: str | None = None
    language: str | None = None  # for per-language EDC pages
    role: str = "badge"  # "badge" | "page" | "logo"
    page: int | None = None


@dataclass(frozen=True)
class MicroCredentialView:
    """Annex I elements and the other facts a learner or an employer looks for.

    Mandatory Annex I elements: learner identification, title, country/region of the issuer,
    awarding body, date of issue, learning outcomes, notional workload, level, type of
    assessment, form of participation, quality assurance. Optional: prerequisites,
    supervision and identity verification, grade, integration/stackability, further
    information.
    """

    # learner identification
    learner_name: LangText | None = None
    learner_identifier: str | None = None
    learner_birth_date: str | None = None
    # title and description
    title: LangText | None = None
    description: LangText | None = None
    # who awards and who signs
    awarding_body: Organisation | None = None
    issuer: Organisation | None = None  # the signer/sealer (EDC: the sealing organisation)
    issuer_country: LangText | None = None
    # dates, always aware: one without an offset is UTC (wallet.json_values.parse_datetime)
    issued: datetime | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    awarded: datetime | None = None
    # content
    learning_outcomes: tuple[LangText, ...] = ()
    ects: float | None = None
    workload_hours: float | None = None
    eqf_level: int | None = None
    nqf_level: LangText | None = None
    assessment: LangText | None = None  # type of assessment
    participation: LangText | None = None  # form of participation (online, onsite, blended)
    quality_assurance: LangText | None = None
    # optional Annex I elements
    prerequisites: LangText | None = None
    supervision: LangText | None = None  # supervision and identity verification
    grade: LangText | None = None
    integration: LangText | None = None  # integration / stackability options
    further_information: LangText | None = None
    # identity of the credential itself
    credential_id: str | None = None
    types: tuple[str, ...] = ()
    field_of_study: LangText | None = None
    images: tuple[Image, ...] = ()
    languages: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (language maps as objects, dates ISO 8601, images without data)."""
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            out[name] = _jsonable(getattr(self, name))
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, LangText):
        return value.to_json()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Image):
        return {
            "media_type": value.media_type,
            "url": value.url,
            "language": value.language,
            "role": value.role,
            "page": value.page,
            "bytes": len(value.data) if value.data is not None else None,
        }
    if isinstance(value, Organisation):
        return {name: _jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Credential:
    """One credential: raw bytes exactly as received, its format, parsed form and view.

    Build it only through a format module's ``parse`` (which checks its invariants); the
    ``raw`` bytes are what the store keeps and what signatures are checked over.
    """

    raw: bytes
    format: CredentialFormat
    document: Any  # parsed form: the credential JSON object (EDC: the decoded payload),
    # the JWT payload claims, or an lxml-free dict of fields for XML
    view: MicroCredentialView
    media_type: str = "application/json"
    # When ``raw`` is a container (baked badge image, ``{"credential": ...}`` upload wrapper):
    # the credential bytes found inside it, which are what its signature covers.
    inner: bytes | None = None
    extras: Mapping[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """sha-256 hex of the raw bytes: the key for duplicate detection."""
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def signed_bytes(self) -> bytes:
        """The bytes the credential's signature is over (inner credential of a container)."""
        return self.inner if self.inner is not None else self.raw

    @property
    def title(self) -> str | None:
        return self.view.title.pick("en") if self.view.title else None
