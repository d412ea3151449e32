"""Languages by name, not by code, in the interface language: ``cs`` is "Czech" in the
English interface and "čeština" in the Czech one; ``und`` (ISO 639-2: not stated) is
"Unspecified". English names come from QLocale; Czech names of the EU's languages (and a few
neighbours) from the table below, other languages by their own name (QLocale's native name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from wallet.model import NO_LANGUAGE, normalise_language

_CZECH_NAMES = {
    "bg": "bulharština", "cs": "čeština", "da": "dánština", "de": "němčina", "el": "řečtina",
    "en": "angličtina", "es": "španělština", "et": "estonština", "fi": "finština",
    "fr": "francouzština", "ga": "irština", "hr": "chorvatština", "hu": "maďarština",
    "is": "islandština", "it": "italština", "lt": "litevština", "lv": "lotyština",
    "mt": "maltština", "nl": "nizozemština", "no": "norština", "nb": "norština", "pl": "polština",
    "pt": "portugalština", "ro": "rumunština", "ru": "ruština", "sk": "slovenština",
    "sl": "slovinština", "sv": "švédština", "uk": "ukrajinština",
}


def language_name(code: str, ui_lang: str) -> str:
    """``code`` (ISO 639-1, or ``und``) named in the interface language ``ui_lang``."""
    base = normalise_language(code)
    if base == NO_LANGUAGE:
        return QCoreApplication.translate("LanguageNames", "Unspecified")
    if normalise_language(ui_lang) == "cs" and base in _CZECH_NAMES:
        return _CZECH_NAMES[base]
    locale = QLocale(base)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage) or (
            locale.name().split("_")[0] != base):
        return code  # Qt does not know the language: its code is all there is
    if normalise_language(ui_lang) == "cs":
        return locale.nativeLanguageName() or code
    return QLocale.languageToString(locale.language())
