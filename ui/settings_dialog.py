"""Settings: language, lock timeout, online checks, passphrase, trusted issuers, backup."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.errors import show_error
from ui.session import WalletSession
from wallet.errors import WalletError
from wallet.store.repository import CredentialRepository
from wallet.store.wallet import change_passphrase
from wallet.trust.user_trust import (
    add_trusted_issuer,
    list_trusted_issuers,
    remove_trusted_issuer,
)

ONLINE_SETTING = "online_checks"


class SettingsDialog(QDialog):
    language_changed = Signal(str)

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("Čeština", "cs")
        self.language.addItem("English", "en")
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setAccessibleName(self.tr("Lock after minutes of inactivity"))
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.online = QCheckBox(self.tr("Allow online checks (revocation lists, issuer keys)"))
        general = QFormLayout()
        general.addRow(self.tr("Language:"), self.language)
        general.addRow(self.tr("Lock after:"), self.lock_minutes)
        general.addRow(self.online)

        self.old_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.old_passphrase.setAccessibleName(self.tr("Current passphrase"))
        self.new_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self.repeat_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat_passphrase.setAccessibleName(self.tr("Repeat the new passphrase"))
        change = QPushButton(self.tr("Change passphrase"))
        change.clicked.connect(self.change_passphrase)
        passphrase_box = QGroupBox(self.tr("Passphrase"))
        passphrase_form = QFormLayout(passphrase_box)
        passphrase_form.addRow(self.tr("Current:"), self.old_passphrase)
        passphrase_form.addRow(self.tr("New:"), self.new_passphrase)
        passphrase_form.addRow(self.tr("Repeat:"), self.repeat_passphrase)
        passphrase_form.addRow(change)

        trust_box = QGroupBox(self.tr("Issuers you trust"))
        self.trusted = QListWidget()
        self.trusted.setAccessibleName(self.tr("Issuers you trust"))
        self.new_issuer = QLineEdit()
        self.new_issuer.setAccessibleName(self.tr("Issuer identifier"))
        self.new_issuer.setPlaceholderText(self.tr("DID or web address of an issuer"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_issuer)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_issuer)
        row = QHBoxLayout()
        row.addWidget(self.new_issuer, 1)
        row.addWidget(add)
        row.addWidget(remove)
        trust_layout = QVBoxLayout(trust_box)
        trust_layout.addWidget(self.trusted)
        trust_layout.addLayout(row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(passphrase_box)
        layout.addWidget(trust_box, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)
        session.call(lambda repo: (repo.settings(), list_trusted_issuers(repo)), self._loaded)

    def _loaded(self, result: tuple[dict[str, str], tuple[object, ...]]) -> None:
        settings, issuers = result
        self.language.setCurrentIndex(max(self.language.findData(
            settings.get("language", "system")), 0))
        self.lock_minutes.setValue(int(settings.get("lock_minutes", "10")))
        self.online.setChecked(settings.get(ONLINE_SETTING) == "1")
        self.trusted.clear()
        for issuer in issuers:
            name = getattr(issuer, "name", None)
            identifier = str(getattr(issuer, "identifier", ""))
            self.trusted.addItem(f"{name} — {identifier}" if name else identifier)
            self.trusted.item(self.trusted.count() - 1).setData(256, identifier)

    def save(self) -> None:
        language = str(self.language.currentData())
        minutes = self.lock_minutes.value()
        online = "1" if self.online.isChecked() else "0"

        def write(repo: CredentialRepository) -> None:
            repo.set_setting("language", language)
            repo.set_setting("lock_minutes", str(minutes))
            repo.set_setting(ONLINE_SETTING, online)

        self.session.call(write, lambda _: self._saved(language))

    def _saved(self, language: str) -> None:
        self.accept()
        if language not in ("system", self.session.lang):
            self.language_changed.emit(language)

    def change_passphrase(self) -> None:
        new = self.new_passphrase.text()
        if len(new) < 8:
            show_error(self, WalletError(self.tr("Choose a passphrase of at least 8 characters.")))
            return
        if new != self.repeat_passphrase.text():
            show_error(self, WalletError(self.tr("The two passphrases differ.")))
            return
        old = self.old_passphrase.text() or None
        home = self.session.home
        self.session.tasks.run(lambda: change_passphrase(home, old, new), self._changed)

    def _changed(self, _result: object) -> None:
        for field in (self.old_passphrase, self.new_passphrase, self.repeat_passphrase):
            field.clear()
        QMessageBox.information(self, self.tr("Passphrase"),
                                self.tr("The passphrase was changed."))

    def add_issuer(self) -> None:
        identifier = self.new_issuer.text().strip()
        if not identifier:
            return
        self.session.call(lambda repo: add_trusted_issuer(repo, identifier), self._reload)
        self.new_issuer.clear()

    def remove_issuer(self) -> None:
        item = self.trusted.currentItem()
        if item is None:
            return
        identifier = str(item.data(256))
        self.session.call(lambda repo: remove_trusted_issuer(repo, identifier), self._reload)

    def _reload(self, _result: object = None) -> None:
        self.session.call(lambda repo: (repo.settings(), list_trusted_issuers(repo)),
                          self._loaded)
