"""Claim labels from SD-JWT VC Type Metadata (IETF SD-JWT VC, "Type Metadata").

Kredo bundles the type metadata of the credential types it renders (``resources/eudi``, with
its source) and never fetches one: the EUDI reference issuer's metadata for the learning
credential ``urn:eu.europa.ec.eudi:learning:credential:1``. For each top-level claim a
credential discloses, the metadata's ``display`` gives its label per language; Kredo keeps
the Czech and English labels where the metadata has them, else the English one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any

from wallet.bundled_resources import resource_path
from wallet.model import LangText

LEARNING_CREDENTIAL_VCT = "urn:eu.europa.ec.eudi:learning:credential:1"
_BUNDLED = {LEARNING_CREDENTIAL_VCT: ("eudi", "learning-credential-type-metadata.json")}
_WANTED_LANGUAGES = ("cs", "en")
# Claims about the token itself, not about the learning: not shown as the credential's elements.
_TECHNICAL = frozenset({"jti", "iat", "exp", "nbf", "vct", "iss", "cnf", "status", "sub"})


@functools.cache
def _metadata(vct: str) -> Mapping[str, Any] | None:
    parts = _BUNDLED.get(vct)
    if parts is None:
        return None
    loaded: Mapping[str, Any] = json.loads(resource_path(*parts).read_text(encoding="utf-8"))
    return loaded


def type_name(vct: str | None) -> LangText | None:
    """The credential type's display name ("Learning Credential"), or None when unknown."""
    metadata = _metadata(vct) if vct else None
    return _labels(metadata.get("display"), "name") if metadata else None


def claim_labels(vct: str | None, claims: Mapping[str, Any]) -> tuple[tuple[str, LangText], ...]:
    """(claim name, label) for each top-level claim of ``claims`` the metadata describes, in
    the metadata's order; technical JWT claims are left out."""
    metadata = _metadata(vct) if vct else None
    if metadata is None:
        return ()
    found: list[tuple[str, LangText]] = []
    for claim in metadata.get("claims") or ():
        path = claim.get("path") if isinstance(claim, Mapping) else None
        if not isinstance(path, list) or len(path) != 1 or not isinstance(path[0], str):
            continue
        name = path[0]
        if name in _TECHNICAL or claims.get(name) in (None, "", [], {}):
            continue
        label = _labels(claim.get("display"), "label")
        if label is not None:
            found.append((name, label))
    return tuple(found)


def _labels(display: Any, key: str) -> LangText | None:
    if not isinstance(display, list):
        return None
    by_language: dict[str, str] = {
        str(d.get("lang") or d.get("locale") or "").lower().split("-")[0]: str(d[key])
        for d in display
        if isinstance(d, Mapping) and isinstance(d.get(key), str)
    }
    wanted = {lang: by_language[lang] for lang in _WANTED_LANGUAGES if lang in by_language}
    return LangText.from_values(wanted or by_language)
