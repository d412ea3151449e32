"""First run (create the wallet) and unlock (passphrase) dialogs."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wallet.app.wallet_access import check_new_passphrase, keyring_available
from wallet.app.wallet_setup import create_wallet
from wallet.errors import UserCancelled, WalletError

PASSPHRASE_ENV = "KREDO_PASSPHRASE"  # noqa: S105 - a variable name, not a secret


def ask_passphrase(parent: QWidget | None = None) -> str:
    """The unlock prompt the store calls when the key is wrapped by a passphrase."""
    preset = os.environ.get(PASSPHRASE_ENV)
    if preset:
        return preset
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Unlock", "Unlock Kredo"),
        QCoreApplication.translate("Unlock", "Wallet passphrase:"),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not text:
        raise UserCancelled()
    return text


class CreateWalletDialog(QDialog):
    """Shown when no wallet exists yet: keyring (default where usable) or a passphrase."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
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
        self.accept()
