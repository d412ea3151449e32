"""The main window: sidebar, credential cards, detail; import, verify, share, scan, lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.card_delegate import CardDelegate
from ui.credential_filter import (
    CredentialFilter,
    CredentialFilterProxy,
    SortKey,
    ranked,
    row_order,
)
from ui.credential_model import UNCHECKED, CredentialListModel, CredentialRoles
from ui.detail_panel import DetailPanel
from ui.empty_states import EmptyWallet, no_match_label
from ui.errors import show_error
from ui.import_flow import ImportFlow, ImportSummary
from ui.issuer_names import IssuerEntry, issuer_entries
from ui.session import WalletSession
from ui.sidebar import Sidebar, SidebarChoice
from ui.signal_emit import emit
from ui.status_chip import chip_text
from ui.thumbnails import thumbnail_image
from ui.toolbar_icons import command_icon, theme_has_all, tooltip_with_shortcut
from ui.verify_all import WalletVerification
from ui.window_settings import restore_geometry, save_geometry
from wallet.app.credentials import credential_picture
from wallet.app.importing import ImportOutcome
from wallet.app.stacks import CollectionTotal, add_to_collection, collection_totals
from wallet.model import CredentialFormat
from wallet.store.records import CredentialSummary
from wallet.store.repository import CredentialRepository
from wallet.terminal_text import printable

if TYPE_CHECKING:
    from ui.help_window import HelpWindow
    from wallet.app.verifying import StoredVerdict

RECENT_DAYS = 14


# A typical group or issuer name ("Naboo Theed University", "Data analysis (2 ECTS)"), in
# average characters, which the sidebar shows in full by default.
SIDEBAR_NAME_CHARS = 26


def sidebar_default_width(sidebar: Sidebar) -> int:
    """Room for a typical name under a heading, with the tree's indentation and scroll bar;
    at most 280 px, so that the card list and the detail keep theirs on a 1280 px screen."""
    metrics = sidebar.fontMetrics()
    text = metrics.averageCharWidth() * SIDEBAR_NAME_CHARS
    scroll_bar = sidebar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return min(2 * sidebar.indentation() + text + scroll_bar + 8, 280)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_change_requested = Signal(str)
    lock_minutes_changed = Signal(int)

    def __init__(self, session: WalletSession) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Kredo — micro-credential wallet"))
        self.resize(1180, 700)
        self.setAcceptDrops(True)
        self._loading = False
        self._reload_again = False
        self._select_after_load: int | None = None  # a card just imported, to be shown
        # (tag, collection, rows) of the last full load, for search-as-you-type
        self._group_rows: tuple[str | None, int | None, list[CredentialSummary]] | None = None
        self.help_window: HelpWindow | None = None

        self._build_model()
        self._build_sidebar()
        self._build_search()
        # The worker lists the wallet while the rest of the window is built; the rows are
        # shown when the event loop runs.
        self.reload()
        self._build_filters()
        self._build_list()
        self._build_detail()
        self.setCentralWidget(self._build_panes())

        self.import_flow = ImportFlow(session, self, self._imported)
        self.verification = WalletVerification(session, self)
        self.verification.verdict.connect(self._verdict_arrived)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        session.changed.connect(self.reload)
        restore_geometry(self, session.home)
        self.verification.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self.session.home)
        self.verification.shutdown()
        super().closeEvent(event)

    # --- building ----------------------------------------------------------------------

    def _build_model(self) -> None:
        """The rows of the wallet and the proxy that filters them for the cards."""
        self.model = CredentialListModel(lang=self.session.lang, parent=self)
        self.model.thumbnail_wanted.connect(self._load_thumbnail)
        self.proxy = CredentialFilterProxy(self)
        self.proxy.setSourceModel(self.model)

    def _build_sidebar(self) -> None:
        self.sidebar = Sidebar(self.session.lang)
        self.sidebar.chosen.connect(self._sidebar_chosen)

    def _build_search(self) -> None:
        """Search as you type, a moment after the last key."""
        self.search = QLineEdit(placeholderText=self.tr("Search credentials…"))
        self.search.setAccessibleName(self.tr("Search credentials"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):  # Qt's icon-only clear button
            clear.setAccessibleName(self.tr("Clear the search"))
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textChanged.connect(self._search_timer.start)

    def _build_filters(self) -> None:
        """The combo boxes above the cards: status, format, EQF level, ECTS, and the order."""
        self.state_filter = self._combo(self.tr("Status"), [(self.tr("Any status"), None)] + [
            (chip_text(s), s) for s in
            ("verified", "partially_verified", "indeterminate", "failed", "expired", "revoked",
             UNCHECKED)])
        self.format_filter = self._combo(self.tr("Format"), [(self.tr("Any format"), None)] + [
            (f.display_name, f.value) for f in CredentialFormat])
        self.eqf_filter = self._combo(self.tr("EQF level"), [(self.tr("Any EQF level"), None)] + [
            (self.tr("EQF %1").replace("%1", str(n)), n) for n in range(1, 9)])
        self.ects_filter = self._combo(self.tr("ECTS"), [(self.tr("Any ECTS"), None)] + [
            (self.tr("≥ %1 ECTS").replace("%1", str(n)), float(n)) for n in (1, 2, 5, 10, 30)])
        self.sort_choice = self._combo(self.tr("Sort"), [
            (self.tr("Best match / import order"), SortKey.RELEVANCE),
            (self.tr("Newest first"), SortKey.NEWEST), (self.tr("Title"), SortKey.TITLE),
            (self.tr("Issuer"), SortKey.ISSUER), (self.tr("Most ECTS"), SortKey.ECTS)])
        for combo in (self.state_filter, self.format_filter, self.eqf_filter, self.ects_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.sort_choice.currentIndexChanged.connect(
            lambda: self.model.set_order(row_order(self.sort_choice.currentData(), self.model)))

    def _build_list(self) -> None:
        """The credential cards, and the hint that takes their place in an empty wallet."""
        self.cards = QListView()
        self.cards.setModel(self.proxy)
        self.cards.setItemDelegate(CardDelegate(self.cards))
        self.cards.setAccessibleName(self.tr("Credentials"))
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.cards.setUniformItemSizes(True)
        self.cards.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Cards are as wide as the list: nothing to scroll sideways.
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty_hint = EmptyWallet()
        self.empty_hint.import_button.clicked.connect(self.choose_files)
        self.no_match = no_match_label()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.cards)
        self.list_stack.addWidget(self.empty_hint)
        self.list_stack.addWidget(self.no_match)

    def _build_detail(self) -> None:
        self.detail = DetailPanel(self.session)
        self.detail.changed.connect(self.reload)

    def _build_panes(self) -> QSplitter:
        """Sidebar | search, filters and cards | detail, side by side. The filters sit in two
        rows of narrow combo boxes so that the window fits a 1280×720 laptop screen."""
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for n, combo in enumerate((self.state_filter, self.format_filter, self.eqf_filter,
                                   self.ects_filter, self.sort_choice)):
            filters.addWidget(combo, n // 3, n % 3, 1, 2 if n == 4 else 1)
        middle = QWidget()
        middle.setMinimumWidth(300)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.search)
        middle_layout.addLayout(filters)
        middle_layout.addWidget(self.list_stack, 1)

        splitter = QSplitter()
        splitter.setObjectName("main-splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(middle)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        # The sidebar is a pane the learner can widen (its width is kept with the window's,
        # ui.window_settings); by default wide enough for a typical name in full.
        sidebar = sidebar_default_width(self.sidebar)
        splitter.setSizes([sidebar, 430, 1180 - 430 - sidebar])
        self.splitter = splitter
        return splitter

    def _combo(self, name: str, entries: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        # Narrow by default (long entries show in full in the open list), so that five filters
        # and a long Czech entry do not set the width of the whole window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, data in entries:
            combo.addItem(text, data)
        return combo

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        """Every command with its shortcut; menus and the toolbar show them."""
        self.act_import = self._action(self.tr("&Import…"), self.choose_files,
                                       QKeySequence.StandardKey.Open,
                                       self.tr("Import credential files or folders"))
        self.act_paste = self._action(self.tr("&Paste credential"), self.paste,
                                      QKeySequence.StandardKey.Paste,
                                      self.tr("Import a credential from the clipboard"))
        self.act_verify = self._action(
            self.tr("&Verify"), self.verify_selected, "F5",
            self.tr("Check the selected credential (online too, if allowed in Settings)"))
        self.act_verify_all = self._action(
            self.tr("Verify &all"), self.verification.verify_all, "Ctrl+Shift+F5",
            self.tr("Check every credential in the wallet, one after another"))
        self.act_share = self._action(self.tr("&Share…"), self.share, "Ctrl+Shift+S",
                                      self.tr("Share the selected credentials with an employer"))
        self.act_scan = self._action(self.tr("&Verify someone else's credential…"), self.scan,
                                     "Ctrl+Shift+V", self.tr("Scan a QR code or open a file"))
        self.act_receive = self._action(
            self.tr("&Receive from an issuer…"), partial(self.receive, None), None,
            self.tr("Receive a credential with an OpenID4VCI offer"))
        self.act_respond = self._action(self.tr("&Answer a verifier's request…"),
                                        partial(self.respond, None))
        self.act_history = self._action(self.tr("Sharing &history…"), self.show_history)
        self.act_stacks = self._action(
            self.tr("S&tacks…"), self.stacks, "Ctrl+T",
            self.tr("ECTS totals of the wallet, a collection, a tag or chosen cards; goals"))
        self.act_pdf = self._action(self.tr("Export as P&DF…"), self.export_pdf, "Ctrl+P")
        self.act_europass = self._action(self.tr("Export to &Europass…"), self.export_europass)
        self.act_collection = self._action(self.tr("Add to &collection…"), self.add_to_collection)
        self.act_delete = self._action(self.tr("&Delete"), self.delete_selected,
                                       QKeySequence.StandardKey.Delete)
        self.act_backup = self._action(self.tr("&Backup…"), self.backup)
        self.act_restore = self._action(self.tr("&Restore from backup…"), self.restore)
        self.act_settings = self._action(self.tr("&Settings…"), self.settings,
                                         QKeySequence.StandardKey.Preferences)
        self.act_lock = self._action(self.tr("&Lock"), partial(emit, self.lock_requested), "Ctrl+L",
                                     self.tr("Lock the wallet now"))
        self.act_help = self._action(self.tr("&User guide"), partial(self.show_help, "index"),
                                     QKeySequence.StandardKey.HelpContents,
                                     self.tr("How to import, verify and share credentials"))
        self.act_welcome = self._action(self.tr("&Welcome screen"),
                                        partial(self.show_welcome, from_menu=True))
        self.act_about = self._action(self.tr("&About Kredo"), self.about)
        # Ctrl+Q everywhere (Cmd+Q on macOS): the standard key is empty on some platforms.
        self.act_quit = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_find = self._action(self.tr("&Find"), self.search.setFocus,
                                     QKeySequence.StandardKey.Find)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for action in (self.act_import, self.act_paste, self.act_respond, None, self.act_pdf,
                       self.act_europass,
                       None, self.act_backup, self.act_restore, None, self.act_lock,
                       self.act_quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        credential_menu = menu.addMenu(self.tr("&Credential"))
        for action in (self.act_verify, self.act_verify_all, self.act_share,
                       self.act_collection, self.act_find, self.act_delete):
            credential_menu.addAction(action)
        tools = menu.addMenu(self.tr("&Tools"))
        for action in (self.act_scan, self.act_receive, self.act_history, self.act_stacks,
                       self.act_settings):
            tools.addAction(action)
        help_menu = menu.addMenu(self.tr("&Help"))
        for action in (self.act_help, self.act_welcome, self.act_about):
            help_menu.addAction(action)

    def _build_toolbar(self) -> None:
        """Icons with their words beside them; each tooltip names the shortcut."""
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(22, 22))
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        themed = theme_has_all()
        commands = {"import": self.act_import, "verify": self.act_verify,
                    "verify_all": self.act_verify_all, "share": self.act_share,
                    "scan": self.act_scan, "stacks": self.act_stacks, "lock": self.act_lock}
        # The menu's name for the desk is too long for a laptop's toolbar.
        self.act_scan.setIconText(self.tr("Verify others"))
        for command, action in commands.items():
            action.setIcon(command_icon(command, colour, use_theme=themed))
            action.setToolTip(tooltip_with_shortcut(action, action.toolTip()))
            bar.addAction(action)
        self.act_help.setIcon(command_icon("help", colour, use_theme=themed))
        self.toolbar = bar
        self.addToolBar(bar)

    # --- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the worker for the rows that match the search and the sidebar group."""
        if self.session.locked:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        search = self.search.text().strip() or None
        choice = self.sidebar.choice
        tag = str(choice.value) if choice.kind == "tag" else None
        collection = int(str(choice.value)) if choice.kind == "collection" else None

        lang = self.session.lang

        def load(repo: CredentialRepository) -> tuple[
                list[CredentialSummary], list[CollectionTotal], list[str], list[IssuerEntry]]:
            group = repo.list(tag=tag, collection=collection)
            self._group_rows = (tag, collection, group)
            everything = group if tag is None and collection is None else repo.list()
            rows = ranked(group, repo.search_ids(search)) if search else group
            return (rows, collection_totals(repo, lang), repo.all_tags(),
                    issuer_entries(everything))

        self.session.call(load, self._loaded, self._load_failed)

    def _search_changed(self) -> None:
        """Typing filters the rows already loaded by the ranked ids of a full-text search,
        instead of rebuilding thousands of summaries for every keystroke."""
        choice = self.sidebar.choice
        tag = str(choice.value) if choice.kind == "tag" else None
        collection = int(str(choice.value)) if choice.kind == "collection" else None
        cached = self._group_rows
        if self._loading or cached is None or cached[:2] != (tag, collection):
            self.reload()
            return
        group = cached[2]
        search = self.search.text().strip() or None
        if search is None:
            self._show_rows(group)
            return
        self.session.call(lambda repo: repo.search_ids(search),
                          lambda ids: self._show_rows(ranked(group, ids)), self._load_failed)

    def _show_rows(self, rows: list[CredentialSummary]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows)  # the model sorts them, the proxy filters them once
        self._restore_selection(selected)
        if self._select_after_load is not None and self._proxy_index(
                self._select_after_load).isValid():
            self.cards.clearSelection()
            self.select_id(self._select_after_load)
            self._select_after_load = None
        self.statusBar().showMessage(self.tr("%n credential(s)", "", self.proxy.rowCount()))
        self._show_empty_state()

    def _show_empty_state(self) -> None:
        """The cards, or a sentence in their place: the first step in an empty wallet, or
        that nothing matches the search or the filters (and no old credential in the detail)."""
        if self.proxy.rowCount():
            self.list_stack.setCurrentWidget(self.cards)
            if not self.selected_ids():
                self.detail.show_placeholder(self.tr("Select a credential to see it in full."))
            return
        search = self.search.text().strip()
        if not self.model.rowCount() and not search and self.sidebar.choice.kind == "all":
            self.list_stack.setCurrentWidget(self.empty_hint)
            self.detail.show_placeholder(self.tr("Your credentials will show here."))
            return
        self.no_match.setText(
            self.tr("No credential matches “%1”.").replace("%1", search) if search
            else self.tr("No credential matches these filters."))
        self.list_stack.setCurrentWidget(self.no_match)
        self.detail.show_placeholder(self.no_match.text())

    def _loaded(self, result: tuple[list[CredentialSummary], list[CollectionTotal], list[str],
                                    list[IssuerEntry]]) -> None:
        rows, collections, tags, issuers = result
        self._loading = False
        self.sidebar.set_groups(collections, tags, issuers)
        self._show_rows(rows)
        if not self._reload_again:
            self._select_after_load = None  # not shown (filtered out): nothing to select
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _restore_selection(self, ids: set[int]) -> None:
        selection = QItemSelection()
        for credential_id in ids:
            index = self._proxy_index(credential_id)
            if index.isValid():
                selection.select(index, index)
        if not selection.isEmpty():
            self.cards.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.Select)

    def _proxy_index(self, credential_id: int) -> QModelIndex:
        """Where a credential is shown (invalid when it is not)."""
        row = self.model.row_of(credential_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row))

    def _load_thumbnail(self, credential_id: int) -> None:
        self.session.call(
            lambda repo: credential_picture(repo, credential_id),
            lambda data: self._show_thumbnail(credential_id, thumbnail_image(data)),
            lambda _exc: None,  # a credential without a picture keeps its format tile
        )

    def _show_thumbnail(self, credential_id: int, image: QImage | None) -> None:
        if image is not None:
            self.model.set_thumbnail(credential_id, image)

    def _sidebar_chosen(self, choice: SidebarChoice) -> None:
        self._apply_filter()
        self.reload()

    def _apply_filter(self) -> None:
        choice = self.sidebar.choice
        recent = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).strftime("%Y-%m-%d")
        self.proxy.set_filter(CredentialFilter(
            issuer=str(choice.value) if choice.kind == "issuer" else None,
            recent_since=recent if choice.kind == "recent" else None,
            state=self.state_filter.currentData(),
            format=self.format_filter.currentData(),
            eqf_level=self.eqf_filter.currentData(),
            min_ects=self.ects_filter.currentData(),
        ))
        self.statusBar().showMessage(self.tr("%n credential(s)", "", self.proxy.rowCount()))
        self._show_empty_state()

    # --- selection ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(self.cards.selectionModel().selectedRows(), key=lambda i: i.row())
        return [int(i.data(CredentialRoles.ID)) for i in rows]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.detail.show_credential(ids[0] if len(ids) == 1 else None)

    def select_id(self, credential_id: int) -> None:
        index = self._proxy_index(credential_id)
        if index.isValid():
            self.cards.setCurrentIndex(index)
            self.cards.scrollTo(index)

    # --- import ------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import credentials"), "",
            self.tr("Credentials (*.json *.jsonld *.jwt *.vc *.xml *.png *.svg *.txt);;"
                    "All files (*)"))
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> None:
        self.import_flow.import_paths(paths)

    def paste(self) -> None:
        if self.search.hasFocus():
            self.search.paste()
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls() and _local_paths(mime):
            self.import_files(_local_paths(mime))
        elif mime.hasImage():
            self.scan_image(mime.imageData())
        elif mime.hasText() and mime.text().strip():
            self.import_flow.import_text(mime.text(), "clipboard")
        else:
            self.statusBar().showMessage(self.tr("The clipboard holds no credential."))

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        imported = [o for o in outcomes if o.status == "imported" and o.id is not None]
        if len(outcomes) == 1 and imported:
            # Selected when the reloaded rows arrive (they hold the new card), then shown.
            self._select_after_load = imported[0].id
        self.reload()
        self.verification.after_import(outcomes)  # queued after the reload: chips follow it
        if len(outcomes) == 1 and imported:
            # The title is the issuer's text: bidi overrides and controls are shown escaped.
            self.statusBar().showMessage(self.tr("Imported “%1”.").replace(
                "%1", printable(imported[0].title or "")))
            return
        self.last_summary = ImportSummary(outcomes, self)
        self.last_summary.open()

    # --- verification ------------------------------------------------------------------

    def verify_selected(self) -> None:
        """F5: verify the credential shown in the detail, on its Verification tab."""
        if self.detail.current is not None:
            self.detail.tabs.setCurrentWidget(self.detail.verify_panel)
            self.detail.verify(False)

    def _verdict_arrived(self, verdict: StoredVerdict) -> None:
        """A background verdict: its card's chip changes now (and the detail, if open on it)."""
        self._group_rows = None  # the cached rows hold the old chip: the next search reloads
        self.model.set_state(verdict.credential_id, verdict.state.value)
        self._show_empty_state()  # a status filter may have just let the card in, or out
        shown = self.detail.current
        if shown is not None and shown.stored.id == verdict.credential_id:
            self.detail.verify_panel.show_report(verdict.report, mode=verdict.mode)

    # --- credential actions ------------------------------------------------------------

    def _need_selection(self) -> list[int] | None:
        ids = self.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select one or more credentials first."))
            return None
        return ids

    def delete_selected(self) -> None:
        ids = self._need_selection()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete credentials"),
            self.tr("Delete %n credential(s) from this wallet? This cannot be undone.", "",
                    len(ids)))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def delete(repo: CredentialRepository) -> None:
            for credential_id in ids:
                repo.delete(credential_id)

        self.session.call(delete, lambda _: self.reload())

    def add_to_collection(self) -> None:
        ids = self._need_selection()
        if not ids:
            return
        name, ok = QInputDialog.getText(self, self.tr("Add to collection"),
                                        self.tr("Collection name (new or existing):"))
        if not ok or not name.strip():
            return
        self.session.call(lambda repo: add_to_collection(repo, name, ids),
                          lambda _: self.reload())

    def share(self) -> None:
        from ui.share_wizard import ShareWizard

        self.share_wizard = ShareWizard(self.session, self.selected_ids(), self)
        self.share_wizard.open()

    def scan(self) -> None:
        from ui.scan_dialog import ScanDialog

        self.scan_dialog = ScanDialog(self.session, self)
        self.scan_dialog.open()

    def scan_image(self, image: object) -> None:
        from ui.scan_dialog import ScanDialog

        self.scan_dialog = ScanDialog(self.session, self)
        self.scan_dialog.open()
        self.scan_dialog.scan_qimage(image)

    def receive(self, offer: str | None = None) -> None:
        from ui.receive_dialog import ReceiveDialog

        self.receive_dialog = ReceiveDialog(self.session, self, offer=offer)
        self.receive_dialog.stored.connect(self.verification.after_import)
        self.receive_dialog.open()

    def respond(self, link: str | None = None) -> None:
        from ui.consent_dialog import ConsentDialog

        self.consent_dialog = ConsentDialog(self.session, self, link=link)
        self.consent_dialog.open()

    def show_history(self) -> None:
        from ui.history_view import HistoryView

        self.history_view = HistoryView(self.session, self)
        self.history_view.open()

    def stacks(self) -> None:
        from ui.stacks_dialog import StacksDialog

        self.stacks_dialog = StacksDialog(self.session, self.selected_ids(), self)
        self.stacks_dialog.open()

    def export_pdf(self) -> None:
        from ui.export_dialogs import export_pdf

        ids = self._need_selection()
        if ids:
            export_pdf(self.session, ids[0], self)

    def export_europass(self) -> None:
        from ui.export_dialogs import EuropassDialog

        ids = self._need_selection()
        if ids:
            self.europass_dialog = EuropassDialog(self.session, ids, self)
            self.europass_dialog.open()

    def backup(self) -> None:
        from ui.backup_dialogs import backup

        backup(self.session, self)

    def restore(self) -> None:
        from ui.backup_dialogs import restore

        restore(self.session, self)

    def settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.session, self)
        self.settings_dialog.language_changed.connect(self.language_change_requested)
        self.settings_dialog.lock_minutes_changed.connect(self.lock_minutes_changed)
        self.settings_dialog.accepted.connect(self.verification.settings_changed)
        self.settings_dialog.open()

    def show_help(self, page: str = "index") -> None:
        """The user guide, in the interface's language; one window, brought forward."""
        from ui.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self.session.lang, self, page)
        else:
            self.help_window.show_page(page)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def show_welcome(self, *, from_menu: bool = False) -> None:
        """The first-run welcome (at start after a wallet is created, or from Help)."""
        from ui.first_run import FirstRunDialog

        self.welcome = FirstRunDialog(self.session, self, dont_show_again=from_menu)
        self.welcome.guide_requested.connect(self.show_help)
        self.welcome.open()

    def about(self) -> None:
        from ui.about import show_about

        show_about(self)

    # --- drag and drop -----------------------------------------------------------------

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
