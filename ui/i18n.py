"""Interface language: Czech and English. Translations are Qt ``.qm`` catalogues in
``resources/translations``, built by ``packaging/fill_translations.py`` (``make``)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wallet.bundled_resources import resource_path
from wallet.translation import set_language

LANGUAGES = ("cs", "en")


def system_language() -> str:
    return "cs" if QLocale.system().language() == QLocale.Language.Czech else "en"


class Translation:
    """Installs Kredo's and Qt's own translators for one language; swap with ``use``."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, lang: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = lang if lang in LANGUAGES else "en"
        set_language(self.language)  # the core's sentences (errors, checks) follow
        QLocale.setDefault(QLocale(QLocale.Language.Czech if self.language == "cs"
                                   else QLocale.Language.English))
        ours = QTranslator(self._app)  # English has one too: its plural forms
        if ours.load(str(resource_path("translations", f"kredo_{self.language}.qm"))):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        if self.language == "en":
            return
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
