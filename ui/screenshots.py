"""``kredo-gui --screenshot``: paint one view of the wallet into a PNG, as a person sees it.

The README's pictures and the layout checks are made with it (``make screenshots``). A view
is the main window (``list``, the ``detail`` of a credential of some kind, its ``verify``
tab), a dialog drawn centred over the dimmed main window as it opens over it (``share``,
``scan``, ``stacks``, ``backup``, ``history``, ``consent``, ``welcome``), or a window of its
own (``help``, ``lock``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from ui.lock import LockScreen
from ui.single_instance import local_paths
from wallet.model import CredentialFormat
from wallet.store.records import CredentialSummary

if TYPE_CHECKING:
    from ui.app import KredoApp
    from ui.main_window import MainWindow

# Which card a detail view opens: the first one the test accepts (else the first card).
_CARD_CHOICES: dict[str, Callable[[CredentialSummary], bool]] = {
    "detail": lambda row: True,
    "verify": lambda row: row.format is CredentialFormat.EDC_SEALED,
    "detail-edc": lambda row: row.format is CredentialFormat.EDC_SEALED,
    "detail-badge": lambda row: row.index.view_kind == "open-badge",
    "detail-vc": lambda row: row.index.view_kind == "generic",
}
_DIALOGS = ("share", "scan", "stacks", "backup", "history", "consent", "welcome")
VIEWS = ("list", *_CARD_CHOICES, *_DIALOGS, "help", "lock")
# Qt's default compression: a screenshot is also how the first paint is benchmarked (saving at
# zlib's strongest took 70 ms); ``make screenshots`` recompresses the pictures kept in git.
_PNG_QUALITY = -1


def take_screenshot(kredo: KredoApp, view: str, path: Path, *,
                    targets: Sequence[str] = (), size: tuple[int, int] | None = None,
                    select: str | None = None) -> bool:
    """Paint ``view`` into ``path`` (PNG); ``select`` picks the card whose title contains it."""
    window = kredo.window
    assert window is not None
    if size is not None:
        window.resize(*size)
    _settle(kredo)
    if view in _CARD_CHOICES or view == "share" or select:  # sharing starts from a card
        _open_card(kredo, _CARD_CHOICES.get(view, _CARD_CHOICES["verify"]), select)
        if view == "verify":
            window.detail.tabs.setCurrentWidget(window.detail.verify_panel)
            window.detail.verify()  # online only if the learner allowed it
            _settle(kredo)
    if view == "help":
        return _save(_guide(kredo, size), path)
    if view == "lock":
        screen = LockScreen()
        screen.show()
        _settle(kredo)
        picture = screen.grab()
        screen.close()
        return _save(picture, path)
    if view in _DIALOGS:
        return _save(_dialog_over_window(kredo, view, targets), path)
    _settle(kredo)
    return _save(window.grab(), path)


def _settle(kredo: KredoApp) -> None:
    """Let the worker finish and its results reach the widgets (a result may start more)."""
    for _ in range(3):
        kredo.tasks.wait()
        kredo.app.processEvents()


def _open_card(kredo: KredoApp, wanted: Callable[[CredentialSummary], bool],
               select: str | None) -> None:
    window = kredo.window
    assert window is not None
    proxy, model = window.proxy, window.model
    rows = [model.row_at(proxy.mapToSource(proxy.index(n, 0)).row())
            for n in range(proxy.rowCount())]
    if select:
        chosen = [r for r in rows if select.casefold() in model.title_of(r).casefold()]
    else:
        chosen = [r for r in rows if wanted(r)]
    pick = (chosen or rows)[:1]
    if pick:
        window.select_id(pick[0].id)
        _settle(kredo)


def _dialog_over_window(kredo: KredoApp, view: str, targets: Sequence[str]) -> QPixmap:
    window = kredo.window
    assert window is not None
    dialog = _open_dialog(window, view, targets)
    _settle(kredo)
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    top_left = picture.rect().center() - dialog.rect().center()
    painter.drawPixmap(top_left, dialog.grab())
    painter.end()
    dialog.close()
    return picture


def _open_dialog(window: MainWindow, view: str, targets: Sequence[str]) -> QWidget:
    if view == "share":
        window.share()
        return window.share_wizard
    if view == "scan":
        window.scan()
        if targets:
            window.scan_dialog.scan_paths(local_paths(targets))
        return window.scan_dialog
    if view == "stacks":
        window.stacks()
        return window.stacks_dialog
    if view == "backup":
        from ui.backup_dialogs import backup

        return backup(window.session, window)
    if view == "history":
        window.show_history()
        return window.history_view
    if view == "consent":
        window.respond()
        return window.consent_dialog
    window.show_welcome()
    return window.welcome


def _guide(kredo: KredoApp, size: tuple[int, int] | None) -> QPixmap:
    """The user guide: a window of its own, at the screen's size."""
    window = kredo.window
    assert window is not None
    window.show_help()
    guide = window.help_window
    assert guide is not None
    if size is not None:
        guide.resize(*size)
    _settle(kredo)
    picture = guide.grab()
    guide.close()
    return picture


def _save(picture: QPixmap, path: Path) -> bool:
    return picture.save(str(path), "PNG", _PNG_QUALITY)
