"""``kredo-gui``: start the desktop app (or render a screenshot and exit)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import wallet
from ui.errors import show_error
from ui.first_run import WELCOME_SETTING, welcome_wanted
from ui.i18n import LANGUAGES, Translation, system_language
from ui.lock import DEFAULT_LOCK_MINUTES, IdleWatch, LockScreen
from ui.main_window import MainWindow
from ui.screenshots import VIEWS, take_screenshot
from ui.session import WalletSession
from ui.single_instance import (
    InstanceServer,
    OpenedByDesktop,
    absolute_targets,
    hand_over,
    local_paths,
    server_name,
)
from ui.tasks import BackgroundTasks
from ui.unlock import CreateWalletDialog, open_interactively, preset_passphrase
from wallet.app.wallet_access import has_wallet, unlock, wallet_home
from wallet.app_identity import APP_ID, OFFER_URL_SCHEMES, REQUEST_URL_SCHEMES
from wallet.bundled_resources import resource_path
from wallet.cli.version_action import PrintVersionAction
from wallet.errors import UserCancelled, WalletError, WrongPassphrase
from wallet.store.wallet import OpenWallet


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kredo-gui", description="Kredo desktop app")
    parser.add_argument(
        "--home", help="wallet folder (default: KREDO_HOME or the platform data folder)"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default: system)")
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE",
        help="render the window with the current wallet to a PNG file and exit",
    )
    parser.add_argument("--view", choices=VIEWS, default="list",
                        help="what the screenshot shows (default: list)")
    parser.add_argument("--size", type=_size, metavar="WxH",
                        help="the screenshot's window size, such as 1366x768")
    parser.add_argument("--select", metavar="TEXT",
                        help="the screenshot opens the card whose title contains TEXT")
    parser.add_argument(
        "--verify", action="store_true",
        help="check the files given in the verification desk instead of importing them",
    )
    # Gathered only when asked for: it reads the trust snapshot (0.14 s of every start before).
    parser.add_argument("--version", action=PrintVersionAction)
    # What the desktop entry hands over (%U): credential files, file:// URLs, offer links.
    parser.add_argument("targets", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1366x768: {text}") from None


def open_or_create(home: Path, parent: QWidget | None = None) -> OpenWallet:
    """The open wallet at start: a new one comes out of its creation open (no second prompt);
    an existing one is unlocked, with another try after a wrong passphrase."""
    if has_wallet(home):
        return open_interactively(home, parent)
    creating = CreateWalletDialog(home, parent)
    if creating.exec() != QDialog.DialogCode.Accepted or creating.opened is None:
        raise UserCancelled()
    creating.opened.repository.set_setting(WELCOME_SETTING, "1")  # a new wallet is welcomed
    return creating.opened


class KredoApp(QObject):
    """Owns the window, the session, locking and the interface language."""

    def __init__(self, app: QApplication, opened: OpenWallet, lang: str) -> None:
        super().__init__()
        self.app = app
        self.translation = Translation(app)
        self.tasks = BackgroundTasks(lambda exc: show_error(self.window, exc), self)
        self.session = WalletSession(opened, self.tasks, lang, self)
        settings = opened.repository.settings()
        minutes = int(settings.get("lock_minutes", DEFAULT_LOCK_MINUTES))
        self.idle = IdleWatch(minutes, self)
        self.idle.idle.connect(self.lock)
        app.installEventFilter(self.idle)
        self.lock_screen: LockScreen | None = None
        self.window: MainWindow | None = None
        self.pending_targets: list[str] = []  # handed over while locked
        self.pending_verify: list[str] = []  # … to verify, not import
        self.show_window(lang)
        if welcome_wanted(settings):  # a wallet just created, or not yet "don't show again"
            QTimer.singleShot(0, self.welcome)

    def welcome(self) -> None:
        if self.window is not None and not self.session.locked:
            self.window.show_welcome()

    def show_window(self, lang: str) -> MainWindow:
        self.translation.use(lang)
        self.session.lang = lang
        old = self.window
        self.window = MainWindow(self.session)
        self.window.lock_requested.connect(self.lock)
        self.window.language_change_requested.connect(self.change_language)
        self.window.lock_minutes_changed.connect(self.idle.set_minutes)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.close()  # no deleteLater: Python owns the window (see ui.tasks._Relay._release)
        self.window.show()
        return self.window

    def change_language(self, lang: str) -> None:
        self.show_window(lang)

    def lock(self) -> None:
        if self.session.locked or self.window is None:
            return
        self.session.lock()
        self.window.hide()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()  # dialogs may show credential contents
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.lock_screen.show()

    def unlock(self, typed: str = "") -> None:
        """Open the wallet with the passphrase typed on the lock screen (the keyring or
        ``KREDO_PASSPHRASE`` when there is one); a wrong one leaves the screen for a retry."""
        screen = self.lock_screen

        def provider() -> str:
            passphrase = preset_passphrase() or typed
            if not passphrase:
                raise UserCancelled()
            return passphrase

        try:
            opened = unlock(self.session.home, provider)
        except WrongPassphrase:
            if screen is not None:
                screen.form.wrong()
            return
        except UserCancelled:
            if screen is not None:
                screen.form.ask_for_passphrase()
            return
        except WalletError as exc:
            show_error(screen, exc)
            return
        self.session.unlock(opened)
        if screen is not None:
            screen.form.succeeded()
        if self.lock_screen is not None:
            self.lock_screen.close()
            self.lock_screen = None
        if self.window is not None:
            self.window.show()
            pending, self.pending_targets = self.pending_targets, []
            open_targets(self, pending)
            checking, self.pending_verify = self.pending_verify, []
            verify_targets(self, checking)

    def bring_forward(self, targets: list[str], *, verify: bool = False) -> None:
        """Another launch handed over files or offer links: show them in this window (files
        to ``verify`` in the verification desk, not imported)."""
        if self.session.locked or self.window is None:
            (self.pending_verify if verify else self.pending_targets).extend(targets)
            if self.lock_screen is not None:
                self.lock_screen.raise_()
                self.lock_screen.activateWindow()
            return
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        if verify:
            verify_targets(self, targets)
        else:
            open_targets(self, targets)

    def shutdown(self) -> None:
        self.tasks.wait()
        self.session.close()
        self.tasks.shutdown()


def open_targets(kredo: KredoApp, targets: Sequence[str]) -> None:
    """Offer links go to the receive dialog, verifiers' requests to the consent dialog; files
    and file:// URLs are imported."""
    window = kredo.window
    if window is None:
        return
    files: list[Path] = []
    for target in targets:
        scheme = target.split(":", 1)[0].lower()
        if scheme in OFFER_URL_SCHEMES:
            window.receive(target)
        elif scheme in REQUEST_URL_SCHEMES:
            window.respond(target)
        elif target.startswith("file:"):
            files.append(Path(QUrl(target).toLocalFile()))
        else:
            files.append(Path(target))
    if files:
        window.import_files(files)


def verify_targets(kredo: KredoApp, targets: Sequence[str]) -> None:
    """Files to check, not import ("verify, don't import"): the verification desk."""
    window = kredo.window
    if window is None or not targets:
        return
    window.scan()
    window.scan_dialog.scan_paths(local_paths(targets))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kredo")
    app.setApplicationVersion(wallet.__version__)
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the .desktop file by it
    app.setWindowIcon(QIcon(str(resource_path("icons", "kredo.svg"))))
    home = wallet_home(args.home)
    if args.screenshot:
        return _run(app, args, home, None)
    name = server_name(home)
    if hand_over(name, absolute_targets(args.targets), verify=args.verify):
        return 0  # the running Kredo took the files and links
    # Listen before asking for the passphrase: a launch meanwhile is queued, not a second app.
    server = InstanceServer(name, app)
    try:
        return _run(app, args, home, server)
    finally:
        server.close()


def _run(app: QApplication, args: argparse.Namespace, home: Path,
         server: InstanceServer | None) -> int:
    early: list[str] = []
    early_verify: list[str] = []
    running: list[KredoApp] = []
    if server is not None:
        server.received.connect(
            lambda targets: running[0].bring_forward(targets) if running
            else early.extend(targets))
        # macOS opens links and files in the running app with an event, not a second launch.
        desktop = OpenedByDesktop(app)
        app.installEventFilter(desktop)
        desktop.received.connect(
            lambda targets: running[0].bring_forward(targets) if running
            else early.extend(targets))
        server.verify_received.connect(
            lambda targets: running[0].bring_forward(targets, verify=True) if running
            else early_verify.extend(targets))
    boot = Translation(app)
    boot.use(args.lang or system_language())
    try:
        opened = open_or_create(home)
    except UserCancelled:
        return 0
    except WalletError as exc:
        if args.screenshot:
            print(f"kredo-gui: {exc.message}", file=sys.stderr)
            return exc.exit_code
        show_error(None, exc)
        return exc.exit_code
    boot.use("en")
    chosen = opened.repository.get_setting("language")
    lang = args.lang or (chosen if chosen in LANGUAGES else system_language())
    kredo = KredoApp(app, opened, lang)
    try:
        if args.screenshot:
            shown = take_screenshot(kredo, args.view, args.screenshot,
                                    targets=args.targets, size=args.size,
                                    select=args.select)
            return 0 if shown else 2
        assert kredo.window is not None
        running.append(kredo)
        QTimer.singleShot(0, kredo.window.raise_)
        if args.verify:
            early_verify[:0] = args.targets
        else:
            early[:0] = args.targets
        QTimer.singleShot(0, lambda: open_targets(kredo, early))
        QTimer.singleShot(0, lambda: verify_targets(kredo, early_verify))
        return app.exec()
    finally:
        kredo.shutdown()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
