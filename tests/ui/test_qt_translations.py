"""Qt's own words follow the interface language: a Czech interface gets Czech file dialogs
("Hledat v:", "Soubory typu:") and Czech standard buttons, from Qt's catalogue (qtbase_cs) and,
where that catalogue has gaps, from Kredo's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from ui.i18n import Translation, qt_translations_dir


@pytest.fixture
def translation(qapp: QApplication) -> Iterator[Translation]:
    translation = Translation(qapp)
    yield translation
    translation.use("en")


def _file_dialog_labels(qtbot: QtBot) -> dict[str, str]:
    """The labels of Qt's own file dialog (the one used where the desktop offers none)."""
    dialog = QFileDialog(None, "Import credentials")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


def _message_box_buttons(qtbot: QtBot) -> list[str]:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Cancel)
    return sorted(button.text() for button in box.buttons())


def test_qt_ships_its_czech_catalogue_where_kredo_looks() -> None:
    # The source run and the frozen build both read it from PySide6's translations folder.
    assert (Path(qt_translations_dir()) / "qtbase_cs.qm").is_file()


def test_a_czech_interface_has_czech_file_dialogs_and_buttons(
    qtbot: QtBot, translation: Translation
) -> None:
    # GIVEN the interface switched to Czech
    translation.use("cs")
    # WHEN Qt's file dialog is built
    labels = _file_dialog_labels(qtbot)
    # THEN every label is Czech, including the two Qt's own catalogue lacks
    assert labels["lookInLabel"] == "&Hledat v:"
    assert labels["fileNameLabel"] == "Název &souboru:"
    assert labels["fileTypeLabel"] == "Soubory &typu:"
    # AND a message box's standard buttons are Czech
    assert _message_box_buttons(qtbot) == ["&Ano", "&Ne", "Zrušit"]


def test_back_in_english_qt_speaks_english_again(
    qtbot: QtBot, translation: Translation
) -> None:
    # GIVEN a Czech interface WHEN the learner switches to English
    translation.use("cs")
    translation.use("en")
    # THEN Qt's dialogs and buttons are English again: no Czech translator is left behind
    labels = _file_dialog_labels(qtbot)
    assert labels["lookInLabel"] == "&Look in:"
    assert labels["fileTypeLabel"] == "Files of &type:"
    assert _message_box_buttons(qtbot) == ["&No", "&Yes", "Cancel"]
