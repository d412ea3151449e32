"""Interface language: Czech and English. Translations are Qt ``.qm`` catalogues in
``resources/translations``, built by ``packaging/fill_translations.py`` (``make``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wallet.bundled_resources import resource_path
from wallet.translation import set_language

LANGUAGES = ("cs", "en")

# Qt's own Czech catalogue (qtbase_cs) predates the mnemonics of the file dialog's labels, so
# "&Look in:" and "Files of &type:" stayed English. Kredo's catalogue carries them in Qt's
# context; Qt asks it when its own catalogue has no answer.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


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
        # Qt's own words (file dialogs, standard buttons) from PySide6's translations folder,
        # which the frozen build carries too (PyInstaller collects qtbase_*.qm with QtCore).
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{self.language}", qt_translations_dir()):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
