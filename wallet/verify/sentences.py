"""Putting sentences from other layers together without losing their translations.

A check's message is often made of sentences found elsewhere (a proof's problems, a network
error). Joined with ``" ".join`` or lower-cased with ``str.lower`` they would become plain
text in one language; these helpers keep them :class:`~wallet.translation.Sentence`\\ s, so a
saved report can still be shown in the other language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wallet.translation import Sentence, tr

# Sentences that begin with a name keep its capital letter after a colon.
_NAMES = ("Kredo",)


def first_sentences(sentences: Sequence[str]) -> str:
    """The first two of ``sentences`` as one message ("" when there are none)."""
    if not sentences:
        return ""
    if len(sentences) == 1:
        return sentences[0]
    return tr("{first} {second}", first=sentences[0], second=sentences[1])


class _Clause(Sentence):
    """A sentence following a colon inside another one: a small first letter, in any language.

    Made like a :class:`Sentence` (so copies and pickles rebuild it); its template, fields and
    saved form are those of the sentence it is made from.
    """

    _sentence: Sentence

    def __new__(cls, *args: Any, **kwargs: Any) -> _Clause:
        sentence = Sentence(*args, **kwargs)
        made = str.__new__(cls, _lower_first(sentence))
        made._sentence = sentence
        return made

    def __getattr__(self, name: str) -> Any:
        # ``template``, ``fields`` … are the sentence's (instance attributes, not set here).
        return getattr(self._sentence, name)

    def localized(self, lang: str) -> str:
        return _lower_first(self._sentence.localized(lang))


def as_clause(sentence: str) -> str:
    """``sentence`` made to follow a colon inside another sentence."""
    if not isinstance(sentence, Sentence):
        return _lower_first(sentence)
    args, kwargs = sentence.__getnewargs_ex__()
    return _Clause(*args, **kwargs)


def _lower_first(sentence: str) -> str:
    if sentence.startswith(_NAMES):
        return sentence
    if len(sentence) > 1 and sentence[0].isupper() and not sentence[1].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence
