"""Turn what a person types into a safe FTS5 query.

Every word becomes a quoted string (quotes doubled), so FTS5 operators and syntax in user
text (``AND``, ``*``, ``"``, ``:``, ``-``, parentheses) are searched for, never executed. The
last word is a prefix query, for instant search while typing.
"""

from __future__ import annotations

# Input longer than this is cut: nobody types it, and FTS cost grows with terms.
_MAX_QUERY_CHARS = 500
_MAX_TERMS = 32


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or ``None`` when nothing searchable remains."""
    words = [w for w in text[:_MAX_QUERY_CHARS].split() if any(ch.isalnum() for ch in w)]
    words = words[:_MAX_TERMS]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
