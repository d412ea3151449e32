"""``kredo-gui``: start the desktop app (or render a screenshot and exit)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog

import wallet
from ui.errors import show_error
from ui.main_window import MainWindow
from ui.unlock import CreateWalletDialog, ask_passphrase
from wallet.errors import UserCancelled, WalletError
from wallet.store.paths import resolve_home
from wallet.store.wallet import OpenWallet, open_wallet, wallet_exists


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kredo-gui", description="Kredo desktop app")
    parser.add_argument(
        "--home", help="wallet folder (default: KREDO_HOME or the platform data folder)"
    )
    parser.add_argument(
        "--lang", choices=("cs", "en"), help="interface language (default: the system's)"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="render the main window to a PNG file and exit",
    )
    parser.add_argument("--version", action="version", version=f"kredo-gui {wallet.__version__}")
    return parser.parse_args(argv)


def _system_language() -> str:
    return "cs" if QLocale.system().language() == QLocale.Language.Czech else "en"


def open_or_create(home: Path) -> OpenWallet:
    if not wallet_exists(home) and CreateWalletDialog(home).exec() != QDialog.DialogCode.Accepted:
        raise UserCancelled()
    return open_wallet(home, passphrase_provider=ask_passphrase)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kredo")
    app.setApplicationVersion(wallet.__version__)
    lang = args.lang or _system_language()
    home = resolve_home(args.home)
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
    with opened:
        window = MainWindow(opened, lang=lang)
        window.show()
        if args.screenshot:
            app.processEvents()
            ok = window.grab().save(str(args.screenshot), "PNG")
            return 0 if ok else 2
        QTimer.singleShot(0, window.raise_)
        return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
