"""What any Verifiable Credential carries, as labelled rows: for credentials that are not
about learning (a work permit, a resident card, an alumni card) and so have no Annex I
elements to show.

The credential subject's claims become rows in document order, labelled by their names in
words (``birthCountry`` → ``Birth country``); a nested object becomes a heading row with its
claims one level deeper. A picture carried inline (``data:`` URL) is kept as an
:class:`~wallet.model.Image`, never as the URL text; a picture by address is kept as text and
never fetched. Depth and row count are bounded: a credential cannot make the view endless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wallet.formats.vc_view_values import image_from
from wallet.json_values import as_list
from wallet.model import Image

MAX_DEPTH = 6
MAX_ROWS = 400
_GENERIC_TYPES = frozenset({"VerifiableCredential", "VerifiableAttestation"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class ClaimRow:
    """One claim: its name in words, its value as text (``None`` for the heading of a nested
    object or for a picture), how deep it is nested, the picture it carries, if any, and its
    term as the credential writes it (``givenName``), by which a face can name it in the
    reader's language (``label`` is the fallback)."""

    label: str
    value: str | None
    depth: int = 0
    image: Image | None = None
    key: str = ""


def type_words(types: tuple[str, ...]) -> tuple[str, ...]:
    """A credential's own types in words, without the generic ``VerifiableCredential``:
    ``EmploymentAuthorizationDocumentCredential`` → ``Employment Authorization Document
    Credential``."""
    return tuple(name_in_words(t) for t in types if t not in _GENERIC_TYPES)


def name_in_words(name: str) -> str:
    """A JSON-LD term in words, first letter capital: ``lprCategory`` → ``Lpr category``,
    ``ext:QualityAssurance`` → ``Quality assurance``."""
    bare = name.rsplit("#", 1)[-1].rsplit("/", 1)[-1].split(":", 1)[-1] or name
    words = _CAMEL.sub(" ", bare).replace("_", " ").split()
    if not words:
        return name
    head, *rest = words
    tail = [w if w.isupper() and len(w) > 1 else w.lower() for w in rest]
    return " ".join([head[:1].upper() + head[1:], *tail])


def subject_claims(credential: dict[str, Any]) -> tuple[ClaimRow, ...]:
    """The rows of every ``credentialSubject`` (the subject's own ``type`` heads them)."""
    rows: list[ClaimRow] = []
    for subject in as_list(credential.get("credentialSubject")):
        if isinstance(subject, dict):
            _object_rows(subject, 0, rows)
    return tuple(rows[:MAX_ROWS])


def _object_rows(obj: dict[str, Any], depth: int, rows: list[ClaimRow]) -> None:
    for key, value in obj.items():
        if len(rows) >= MAX_ROWS:
            return
        if not isinstance(key, str) or key.startswith("@"):
            continue
        if key == "type":
            types = [t for t in as_list(value) if isinstance(t, str)]
            if types:
                rows.append(ClaimRow(name_in_words(key), ", ".join(map(name_in_words, types)),
                                     depth, key=key))
            continue
        _value_rows(key, value, depth, rows)


def _value_rows(key: str, value: Any, depth: int, rows: list[ClaimRow]) -> None:
    label = name_in_words(key)
    items = as_list(value)
    nested = [item for item in items if isinstance(item, dict)]
    plain = [_scalar(item) for item in items if not isinstance(item, dict | list)]
    pictures = [image for text in plain if text and (image := _inline_picture(text))]
    texts = [t for t in plain if t is not None and not t.startswith("data:")]
    if pictures:
        rows.extend(ClaimRow(label, None, depth, image=p, key=key) for p in pictures)
    if texts:
        rows.append(ClaimRow(label, ", ".join(texts), depth, key=key))
    for item in nested:
        if depth + 1 >= MAX_DEPTH:
            rows.append(ClaimRow(label, "…", depth, key=key))
            continue
        lang_value = _language_value(item)
        if lang_value is not None:
            rows.append(ClaimRow(label, lang_value, depth, key=key))
            continue
        rows.append(ClaimRow(label, None, depth, key=key))
        _object_rows(item, depth + 1, rows)


def _language_value(item: dict[str, Any]) -> str | None:
    """A JSON-LD value object (``{"@value": …, "@language": …}``) is a value, not a heading."""
    value = item.get("@value")
    return _scalar(value) if value is not None and not isinstance(value, dict | list) else None


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _inline_picture(text: str) -> Image | None:
    if not text.startswith("data:"):
        return None
    image = image_from(text, role="claim")
    return image if image is not None and image.data is not None else None

