"""Who the CV is about: the name the credentials give the learner, or what they type.

The Europass ``PersonName`` needs a given name and a family name apart. EDCs state both
(``credentialSubject.givenName`` / ``familyName``), SD-JWT VCs have ``given_name`` /
``family_name``, some W3C credentials use schema.org's ``givenName`` / ``familyName``. A
full name alone is never split into parts: the learner is asked instead. What the learner
types wins over what the credentials say; the e-mail address comes only from the learner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wallet.errors import ExportError
from wallet.model import Credential, LangText
from wallet.translation import tr, tr_n

_EMAIL = re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+$")
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class CvPerson:
    given_name: str
    family_name: str
    email: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def cv_person(
    credentials: Iterable[Credential],
    *,
    lang: str = "en",
    given_name: str | None = None,
    family_name: str | None = None,
    email: str | None = None,
) -> CvPerson:
    """The CV's person; raises :class:`ExportError` when a name part is known from nowhere."""
    stated = [_subject_names(c, lang) for c in credentials]
    given = _clean(given_name) or next((g for g, _ in stated if g), None)
    family = _clean(family_name) or next((f for _, f in stated if f), None)
    if not given or not family:
        raise ExportError(
            tr(
                "Type your given name and family name for the CV: none of the chosen "
                "credentials states them separately."
            )
        )
    return CvPerson(given_name=given, family_name=family, email=_email(email))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    if len(text) > MAX_NAME_CHARS:
        raise ExportError(
            tr_n(
                "A name of more than {n} character is not a name.",
                "A name of more than {n} characters is not a name.",
                MAX_NAME_CHARS,
            )
        )
    return text or None


def _email(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if not _EMAIL.match(text) or len(text) > 254:
        raise ExportError(tr("“{text}” is not an e-mail address.", text=text[:60]))
    return text


def _subject_names(credential: Credential, lang: str) -> tuple[str | None, str | None]:
    subject = _subject(credential.document)
    if subject is None:
        return None, None
    given = subject.get("givenName", subject.get("given_name"))
    family = subject.get("familyName", subject.get("family_name"))
    return _text(given, lang), _text(family, lang)


def _subject(document: Any) -> Mapping[str, Any] | None:
    if not isinstance(document, Mapping):
        return None
    if "given_name" in document or "family_name" in document:  # SD-JWT VC claims
        return document
    vc = document.get("vc")
    holder = vc if isinstance(vc, Mapping) else document
    subject = holder.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else None
    return subject if isinstance(subject, Mapping) else None


def _text(value: Any, lang: str) -> str | None:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, Mapping):
        texts = LangText.from_values({k: v for k, v in value.items() if isinstance(v, str | list)})
        return _clean(texts.pick(lang)) if texts else None
    return None
