"""An issuer as a person reads it in the sidebar and on the cards: its name when the
credential gives one (the list keeps it from import), and only when it gives none, its
identifier made short enough to read: a web address by its host and path, a DID by its method
and the ends of its key. The full identifier is the tooltip."""

from __future__ import annotations

import urllib.parse

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
