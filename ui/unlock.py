"""First run (create the wallet) and unlock (passphrase) dialogs."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.passphrase_form import PassphraseForm
from wallet.app.wallet_access import check_new_passphrase, keyring_available, unlock
from wallet.app.wallet_setup import create_wallet
from wallet.errors import UserCancelled, WalletError, WrongPassphrase
from wallet.store.wallet import OpenWallet

PASSPHRASE_ENV = "KREDO_PASSPHRASE"  # noqa: S105 - a variable name, not a secret


def preset_passphrase() -> str | None:
    """The passphrase given in the environment (scripts, screenshots), if any."""
    return os.environ.get(PASSPHRASE_ENV) or None


def open_interactively(home: Path, parent: QWidget | None = None) -> OpenWallet:
    """Open the wallet at start: from the keyring or ``KREDO_PASSPHRASE`` without a word,
    else with :class:`UnlockDialog`, which lets the learner try again after a typing mistake.
    UserCancelled when the learner closes the prompt."""
    asked: list[bool] = []

    def provider() -> str:
        preset = preset_passphrase()
        if preset:
            return preset
        asked.append(True)
        raise UserCancelled()

    try:
        return unlock(home, provider)
    except UserCancelled:
        if not asked:
            raise
    dialog = UnlockDialog(home, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
        raise UserCancelled()
    return dialog.opened


class UnlockDialog(QDialog):
    """Asks for the passphrase until it opens the wallet (or the learner gives up)."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.opened: OpenWallet | None = None
        self.setWindowTitle(self.tr("Unlock Kredo"))
        intro = QLabel(self.tr("Type the passphrase of your wallet to open it."))
        intro.setWordWrap(True)
        self.form = PassphraseForm()
        self.form.submitted.connect(self.try_passphrase)
        cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel.rejected.connect(self.reject)
        # Return belongs to the passphrase field, never to Cancel.
        cancel.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(cancel)
        self.setMinimumWidth(420)
        self.form.setFocus()

    def try_passphrase(self, passphrase: str) -> None:
        try:
            self.opened = unlock(self.home, lambda: passphrase)
        except WrongPassphrase:
            self.form.wrong()
            return
        except WalletError as exc:
            self.form.show_problem(exc.message)
            return
        self.form.succeeded()
        self.accept()


class CreateWalletDialog(QDialog):
    """Shown when no wallet exists yet: keyring (default where usable) or a passphrase."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.opened: OpenWallet | None = None  # the new wallet, open: no second prompt
        self.setWindowTitle(self.tr("Create your Kredo wallet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Kredo keeps your credentials in an encrypted wallet on this computer.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.use_keyring = QRadioButton(self.tr("Keep the wallet key in the system keyring"))
        self.use_passphrase = QRadioButton(self.tr("Protect the wallet with a passphrase"))
        group = QButtonGroup(self)
        group.addButton(self.use_keyring)
        group.addButton(self.use_passphrase)
        usable = keyring_available()
        self.use_keyring.setEnabled(usable)
        (self.use_keyring if usable else self.use_passphrase).setChecked(True)
        layout.addWidget(self.use_keyring)
        layout.addWidget(self.use_passphrase)
        form = QFormLayout()
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Repeat:"), self.repeat)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_keyring.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        needs = self.use_passphrase.isChecked()
        self.passphrase.setEnabled(needs)
        self.repeat.setEnabled(needs)

    def _create(self) -> None:
        passphrase: str | None = None
        if self.use_passphrase.isChecked():
            passphrase = self.passphrase.text()
            try:
                check_new_passphrase(passphrase, self.repeat.text())
            except WalletError as exc:
                self.problem.setText(exc.message)
                return
        create_wallet(self.home, passphrase=passphrase, use_keyring=passphrase is None)
        try:
            self.opened = unlock(self.home, lambda: passphrase or "")
        except WalletError as exc:
            self.problem.setText(exc.message)
            return
        self.accept()
