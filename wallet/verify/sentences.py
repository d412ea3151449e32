"""Putting sentences from other layers together without losing their translations.

A check's message is often made of sentences found elsewhere (a proof's problems, a network
error). Joined with ``" ".join`` they would become plain text in one language; joined here they
stay a :class:`~wallet.translation.Sentence`, so a saved report can still be shown in either
language.

A sentence from elsewhere always follows a full stop, never a colon: a small first letter
after a colon would not survive a saved report, which keeps only templates and fields.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.translation import tr


def first_sentences(sentences: Sequence[str]) -> str:
    """The first two of ``sentences`` as one message ("" when there are none)."""
    if not sentences:
        return ""
    if len(sentences) == 1:
        return sentences[0]
    return tr("{first} {second}", first=sentences[0], second=sentences[1])
