"""An Open Badges 3.0 credential read as a badge: what a badge reader looks for beyond the
Annex I elements of :class:`wallet.model.MicroCredentialView`.

The achievement's type (``achievementType``, a word like ``Diploma`` or ``ext:…``), its
criteria (a narrative and/or a page), its alignments to frameworks, and the issuer's profile
(name, web, e-mail, image). Pictures are kept only when the credential carries them
(``data:`` URLs): a picture by URL would have to be fetched, which a wallet must not do on
its own, so its address is kept as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.formats.vc_jwt import credential_with_jwt_claims
from wallet.formats.vc_view import organisation_from
from wallet.formats.vc_view_values import image_from
from wallet.json_values import as_list, first_object, lang_text, plain_string
from wallet.model import Credential, CredentialFormat, Image, LangText, Organisation

OPEN_BADGE_3_NAME = "Open Badge 3.0"  # a name in every language, like "Open Badges 2.0"
_OB3_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
_OB3_CONTEXT = "purl.imsglobal.org/spec/ob/v3p0"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class BadgeAlignment:
    """One ``Alignment``: a framework item the achievement aligns with (urls are text)."""

    name: LangText | None
    url: str | None
    framework: str | None
    code: str | None
    kind: str | None  # targetType, in words


@dataclass(frozen=True)
class BadgeView:
    achievement_type: str | None  # in words: "Diploma", "Micro Credential"
    criteria: LangText | None
    criteria_url: str | None
    alignments: tuple[BadgeAlignment, ...]
    issuer: Organisation | None
    issuer_image_url: str | None  # a profile picture by address only: shown as text
    image: Image | None  # the achievement's (or the credential's) picture, carried inline
    image_url: str | None  # a picture by address only: shown as text, never fetched


def credential_object(credential: Credential) -> dict[str, Any] | None:
    """The W3C credential object of a VC (a VC-JWT's ``vc`` claim with the JWT claims)."""
    document = credential.document
    if not isinstance(document, dict):
        return None
    if credential.format is CredentialFormat.VC_JSONLD:
        return document
    if credential.format is CredentialFormat.VC_JWT:
        vc_claim = document.get("vc")
        if isinstance(vc_claim, dict):
            return credential_with_jwt_claims(vc_claim, document)
        return credential_with_jwt_claims(document, document, only_missing=True)
    return None


def is_open_badge(doc: dict[str, Any]) -> bool:
    """An OB 3.0 credential: its type says so, or it uses the OB 3.0 context and an
    ``achievement``."""
    types = {t for t in as_list(doc.get("type")) if isinstance(t, str)}
    if types & _OB3_TYPES:
        return True
    contexts = [c for c in as_list(doc.get("@context")) if isinstance(c, str)]
    subject = first_object(doc.get("credentialSubject")) or {}
    return any(_OB3_CONTEXT in c for c in contexts) and "achievement" in subject


def badge_view(credential: Credential) -> BadgeView | None:
    """The badge facts of an Open Badge 3.0 credential; ``None`` for any other credential."""
    doc = credential_object(credential)
    if doc is None or not is_open_badge(doc):
        return None
    subject = first_object(doc.get("credentialSubject")) or {}
    achievement = first_object(subject.get("achievement")) or {}
    language = plain_string(doc.get("inLanguage")) or plain_string(achievement.get("inLanguage"))
    criteria = first_object(achievement.get("criteria")) or {}
    issuer_profile = first_object(doc.get("issuer"))
    image, image_url = _picture(achievement.get("image") or doc.get("image"))
    _, issuer_image_url = _picture(issuer_profile.get("image") if issuer_profile else None)
    return BadgeView(
        achievement_type=words_of(plain_string(achievement.get("achievementType"))),
        criteria=lang_text(criteria.get("narrative"), language=language),
        criteria_url=plain_string(criteria.get("id")),
        alignments=tuple(_alignment(a, language) for a in as_list(achievement.get("alignment"))
                         if isinstance(a, dict)),
        issuer=organisation_from(doc.get("issuer"), language=language),
        issuer_image_url=issuer_image_url,
        image=image,
        image_url=image_url,
    )


def words_of(term: str | None) -> str | None:
    """A vocabulary term in words: ``ext:MicroCredential`` → ``Micro Credential``."""
    if term is None:
        return None
    bare = term.rsplit("#", 1)[-1].rsplit("/", 1)[-1].split(":", 1)[-1]
    spaced = _CAMEL.sub(" ", bare).replace("_", " ").strip()
    return spaced or term


def _picture(value: Any) -> tuple[Image | None, str | None]:
    """A picture carried inline, or the address of one that is not (never fetched)."""
    image = image_from(value)
    if image is None:
        return None, None
    if image.data is not None:
        return image, None
    return None, image.url


def _alignment(alignment: dict[str, Any], language: str | None) -> BadgeAlignment:
    return BadgeAlignment(
        name=lang_text(alignment.get("targetName"), language=language),
        url=plain_string(alignment.get("targetUrl")),
        framework=plain_string(alignment.get("targetFramework")),
        code=plain_string(alignment.get("targetCode")),
        kind=words_of(plain_string(alignment.get("targetType"))),
    )
