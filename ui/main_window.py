"""The main window: the learner's credentials, searchable, with import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.credential_model import CredentialTableModel
from ui.errors import show_error
from wallet.importer import ImportOutcome, import_paths
from wallet.store.wallet import OpenWallet


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenWallet, lang: str = "en") -> None:
        super().__init__()
        self.opened = opened
        self.setWindowTitle(self.tr("Kredo — micro-credential wallet"))
        self.resize(1000, 640)
        self.setAcceptDrops(True)

        self.model = CredentialTableModel(
            lambda search: opened.repository.list(search=search), lang=lang, parent=self
        )
        self.search = QLineEdit(placeholderText=self.tr("Search credentials…"))
        self.search.setAccessibleName(self.tr("Search credentials"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Credentials"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.empty_hint = QLabel(
            self.tr("Your wallet is empty. Drop credential files here, or use File → Import.")
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_hint)
        self.setCentralWidget(central)
        self._build_menu()
        self.refresh()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        import_action = QAction(self.tr("&Import…"), self)
        import_action.setShortcut(QKeySequence.StandardKey.Open)
        import_action.triggered.connect(self._choose_files)
        file_menu.addAction(import_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search.setFocus)
        self.addAction(find)

    def refresh(self) -> None:
        self.model.refresh(self.search.text().strip() or None)
        empty = self.model.rowCount() == 0 and not self.search.text()
        self.empty_hint.setVisible(empty)
        self.statusBar().showMessage(self.tr("%n credential(s)", "", self.model.rowCount()))

    def _apply_search(self) -> None:
        try:
            self.refresh()
        except Exception as exc:
            show_error(self, exc)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import credentials"))
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> list[ImportOutcome]:
        outcomes = list(import_paths(self.opened.repository, paths))
        self.refresh()
        imported = sum(o.status == "imported" for o in outcomes)
        duplicates = sum(o.status == "duplicate" for o in outcomes)
        errors = [o for o in outcomes if o.status == "error"]
        self.statusBar().showMessage(
            self.tr("Imported %1, duplicates %2, errors %3")
            .replace("%1", str(imported))
            .replace("%2", str(duplicates))
            .replace("%3", str(len(errors)))
        )
        return outcomes

    # Drag and drop of files and folders.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)


def _local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
