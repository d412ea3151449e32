"""Czech and English for the core's sentences: a gettext catalogue in ``resources/locale``.

Every sentence the core shows a person (a :class:`~wallet.errors.WalletError` message, a
verification check's sentence) is written as ``tr("English, with {named} fields", named=value)``.
The result is a :class:`Sentence`: a ``str`` in the active language that also remembers its
English template and fields, so a report saved in Czech can be shown again in English
(:func:`localize`). Templates are collected by ``make translations``
(``packaging/core_catalogue.py``), which keeps ``kredo.po`` and the compiled ``kredo.mo``;
``tests/test_translation.py`` fails on a sentence without Czech.

The language is one process-wide setting: the CLI takes it from the environment, the GUI from
its settings (:func:`set_language`).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import cache
from typing import Any

from wallet.bundled_resources import resource_path

LANGUAGES = ("cs", "en")
DOMAIN = "kredo"

_active = {"language": "en"}


def set_language(lang: str) -> None:
    """Choose the language of every sentence made from now on ("cs" or "en")."""
    _active["language"] = lang if lang in LANGUAGES else "en"


def current_language() -> str:
    return _active["language"]


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """``KREDO_LANG`` first, then the variables gettext reads (``LANGUAGE``, ``LC_ALL`` …)."""
    for name in ("KREDO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            return "cs" if value.split(":")[0].lower().startswith("cs") else "en"
    return "en"


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        DOMAIN, localedir=str(resource_path("locale")), languages=[lang], fallback=True
    )


class Sentence(str):
    """A sentence in the language active when it was made, able to speak another one."""

    template: str
    plural: str | None
    number: int | None
    fields: Mapping[str, str]

    def __new__(
        cls,
        template: str,
        fields: Mapping[str, object],
        *,
        plural: str | None = None,
        count: int | None = None,
    ) -> Sentence:
        kept = {name: value if isinstance(value, Sentence) else str(value)
                for name, value in fields.items()}
        text = _render(template, plural, count, kept, current_language())
        made = super().__new__(cls, text)
        made.template, made.plural, made.number, made.fields = template, plural, count, kept
        return made

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        # copy, deepcopy (dataclasses.asdict) and pickle rebuild the sentence from its parts.
        return (self.template, self.fields), {"plural": self.plural, "count": self.number}

    def localized(self, lang: str) -> str:
        return _render(self.template, self.plural, self.number, self.fields, lang)

    def to_json(self) -> dict[str, Any]:
        """What a saved report keeps to show this sentence again in any language."""
        spec: dict[str, Any] = {"template": self.template}
        if self.plural is not None:
            spec["plural"], spec["count"] = self.plural, self.number
        if self.fields:
            spec["fields"] = {
                name: value.to_json() if isinstance(value, Sentence) else value
                for name, value in self.fields.items()
            }
        return spec


def _render(template: str, plural: str | None, count: int | None,
            fields: Mapping[str, object], lang: str) -> str:
    catalogue = _catalogue(lang)
    if plural is None:
        translated = catalogue.gettext(template)
    else:
        translated = catalogue.ngettext(template, plural, count or 0)
    values = {name: value.localized(lang) if isinstance(value, Sentence) else value
              for name, value in fields.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation whose fields do not match its template: the English never fails.
        english = template if plural is None or count == 1 else plural
        return english.format(**values)


def tr(template: str, /, **fields: object) -> Sentence:
    """A sentence in the active language; ``{name}`` fields are filled from ``fields``."""
    return Sentence(template, fields)


def tr_n(singular: str, plural: str, count: int, /, **fields: object) -> Sentence:
    """A sentence that depends on a number (Czech has three forms); ``{n}`` is the count."""
    return Sentence(singular, {"n": count, **fields}, plural=plural, count=count)


def grouped(number: int) -> str:
    """A count with its thousands marked the reader's way: ``16,777,216`` in English,
    ``16 777 216`` in Czech (a no-break space: there a comma is the decimal sign)."""
    text = f"{number:,}"
    return text.replace(",", "\u00a0") if current_language() == "cs" else text


def sentence_from_json(spec: Mapping[str, Any]) -> Sentence:
    """Rebuild a saved sentence (see :meth:`Sentence.to_json`) in the active language."""
    fields = {
        name: sentence_from_json(value) if isinstance(value, Mapping) else str(value)
        for name, value in (spec.get("fields") or {}).items()
    }
    plural = spec.get("plural")
    count = spec.get("count")
    return Sentence(
        str(spec["template"]),
        fields,
        plural=str(plural) if plural is not None else None,
        count=int(count) if isinstance(count, int) else None,
    )


def localize(text: str, spec: Any, lang: str) -> str:
    """A saved sentence in ``lang``, or ``text`` as saved when it carries no template."""
    if not isinstance(spec, Mapping) or not isinstance(spec.get("template"), str):
        return text
    try:
        return sentence_from_json(spec).localized(lang)
    except (KeyError, TypeError, ValueError):
        return text
