"""An issuer as a person reads it in the sidebar and on the cards: its name when the
credential gives one (the list keeps it from import), and only when it gives none, its
identifier made short enough to read: a web address by its host and path, a DID by its method
and the ends of its key. The full identifier is the tooltip."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

from wallet.model import LangText
from wallet.store.records import CredentialSummary

_DID_KEEP = 6  # characters kept at each end of a long DID's method-specific part
_DID_SHORT = 24


def is_identifier(text: str) -> bool:
    """A DID, URL or URN rather than a name."""
    lowered = text.strip().lower()
    return lowered.startswith(("did:", "http://", "https://", "urn:"))


def issuer_label(text: str) -> str:
    """``text`` itself when it is a name; a readable short form of an identifier."""
    if not is_identifier(text):
        return text
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        parts = urllib.parse.urlsplit(text)
        return (parts.netloc + parts.path.rstrip("/")) or text
    if lowered.startswith("did:"):
        method, _, rest = text[4:].partition(":")
        if len(rest) > _DID_SHORT:
            rest = f"{rest[:_DID_KEEP]}…{rest[-_DID_KEEP:]}"
        return f"did:{method}:{rest}"
    return text


@dataclass(frozen=True)
class IssuerEntry:
    """One issuer of the sidebar: ``key`` is what the list filters by (the one string the
    store keeps), ``names`` its name in every language a credential gave."""

    key: str
    names: LangText | None = None

    def full_text(self, lang: str) -> str:
        """Its name in ``lang`` (else English, else any); else its identifier, whole."""
        return self.names.pick(lang) if self.names else self.key

    def text(self, lang: str) -> str:
        """:meth:`full_text`, an identifier made short enough to read."""
        return issuer_label(self.full_text(lang))


def issuer_entries(rows: Iterable[CredentialSummary]) -> list[IssuerEntry]:
    """The issuers of ``rows``, once each, with the most languages any of their rows gave."""
    found: dict[str, LangText | None] = {}
    for row in rows:
        key = row.index.issuer_name
        if not key:
            continue
        names = row.index.issuer_names
        known = found.get(key)
        if key not in found or (names is not None and
                                (known is None or len(names.values) > len(known.values))):
            found[key] = names
    return [IssuerEntry(key, names) for key, names in found.items()]
