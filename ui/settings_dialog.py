"""Settings in four tabs: general (language, lock, online checks), security (keyring,
passphrase), trust (issuers, registry files) and backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.backup_dialogs import BackupDialog, RestoreDialog, backup, restore
from ui.errors import show_error
from ui.session import WalletSession
from ui.signal_emit import emit
from wallet.app.trust_settings import (
    ImportedRegistry,
    import_registry,
    imported_registries,
    remove_registry,
)
from wallet.app.verify_habits import (
    ONLINE_CHECKS_SETTING,
    VERIFY_AFTER_IMPORT_SETTING,
    habits_in,
)
from wallet.app.wallet_access import (
    KeyStatus,
    change_passphrase,
    check_new_passphrase,
    key_status,
    move_key_into_keyring,
    move_key_out_of_keyring,
)
from wallet.errors import UserCancelled, WalletError
from wallet.file_input import read_limited
from wallet.store.keys import KeyProtection
from wallet.store.repository import CredentialRepository
from wallet.trust.user_trust import (
    UserTrustedIssuer,
    add_trusted_issuer,
    list_trusted_issuers,
    remove_trusted_issuer,
)

ONLINE_SETTING = ONLINE_CHECKS_SETTING
_ID_ROLE = Qt.ItemDataRole.UserRole

TrustLists = tuple[dict[str, str], tuple[UserTrustedIssuer, ...], tuple[ImportedRegistry, ...]]


def _trust_lists(repo: CredentialRepository) -> TrustLists:
    return repo.settings(), list_trusted_issuers(repo), imported_registries(repo)


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    lock_minutes_changed = Signal(int)
    # No longer emitted: Settings opens the backup and restore dialogs on top of itself. The
    # main window still connects them; they go when it stops.

    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.protection: KeyProtection | None = None
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._security_tab(), self.tr("Security"))
        self.tabs.addTab(self._trust_tab(), self.tr("Trust"))
        self.tabs.addTab(self._backup_tab(), self.tr("Backup"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(600, 560)
        session.call(_trust_lists, self._loaded)
        self._read_key_protection()

    # --- the tabs ------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
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
        self.verify_after_import = QCheckBox(self.tr("Verify credentials after import"))
        self.verify_after_import.setChecked(True)
        reverify = QLabel(self.tr(
            "New credentials are checked in the background. With online checks allowed, Kredo "
            "also checks the whole wallet again once a day, as a credential can be revoked."))
        reverify.setWordWrap(True)
        theme = QLabel(self.tr("The colours follow the system's light or dark theme."))
        theme.setWordWrap(True)
        tab = QWidget()
        form = QFormLayout(tab)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Lock after:"), self.lock_minutes)
        form.addRow(self.online)
        form.addRow(self.verify_after_import)
        form.addRow(reverify)
        form.addRow(theme)
        return tab

    def _security_tab(self) -> QWidget:
        self.use_keyring = QCheckBox(
            self.tr("Keep the wallet key in the system keyring (opens without a passphrase)"))
        self.use_keyring.setEnabled(False)
        self.use_keyring.toggled.connect(self._keyring_toggled)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        keyring_box = QGroupBox(self.tr("System keyring"))
        keyring_layout = QVBoxLayout(keyring_box)
        keyring_layout.addWidget(self.use_keyring)
        keyring_layout.addWidget(self.keyring_note)

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

        self.security_status = QLabel()
        self.security_status.setWordWrap(True)
        self.security_status.setAccessibleName(self.tr("Result"))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(keyring_box)
        layout.addWidget(passphrase_box)
        layout.addWidget(self.security_status)
        layout.addStretch(1)
        return tab

    def _trust_tab(self) -> QWidget:
        self.trusted = QListWidget()
        self.trusted.setAccessibleName(self.tr("Issuers you trust"))
        self.new_issuer = QLineEdit()
        self.new_issuer.setAccessibleName(self.tr("Issuer identifier"))
        self.new_issuer.setPlaceholderText(self.tr("DID or web address of an issuer"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_issuer)
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove the selected issuer"))
        remove.clicked.connect(self.remove_issuer)
        row = QHBoxLayout()
        row.addWidget(self.new_issuer, 1)
        row.addWidget(add)
        row.addWidget(remove)
        issuers_box = QGroupBox(self.tr("Issuers you trust"))
        issuers_layout = QVBoxLayout(issuers_box)
        issuers_layout.addWidget(self.trusted)
        issuers_layout.addLayout(row)

        self.registries = QListWidget()
        self.registries.setAccessibleName(self.tr("Issuer registries you imported"))
        import_button = QPushButton(self.tr("Import a registry file…"))
        import_button.clicked.connect(self.import_registry_file)
        remove_registry_button = QPushButton(self.tr("Remove"))
        remove_registry_button.setAccessibleName(self.tr("Remove the selected registry"))
        remove_registry_button.clicked.connect(self.remove_registry)
        registry_row = QHBoxLayout()
        registry_row.addStretch(1)
        registry_row.addWidget(import_button)
        registry_row.addWidget(remove_registry_button)
        explanation = QLabel(self.tr(
            "A registry file (DCC format) lists issuers a network vouches for. Kredo keeps it "
            "inside the encrypted wallet."))
        explanation.setWordWrap(True)
        registries_box = QGroupBox(self.tr("Issuer registries"))
        registries_layout = QVBoxLayout(registries_box)
        registries_layout.addWidget(explanation)
        registries_layout.addWidget(self.registries)
        registries_layout.addLayout(registry_row)

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(issuers_box, 1)
        layout.addWidget(registries_box, 1)
        return tab

    def _backup_tab(self) -> QWidget:
        text = QLabel(self.tr(
            "A backup is one encrypted file with every credential, note, tag and collection, "
            "protected by a passphrase of its own. Keep it somewhere other than this computer."))
        text.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.clicked.connect(self.open_backup)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self.open_restore)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(text)
        for button in (self.backup_button, self.restore_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return tab

    def open_backup(self) -> BackupDialog:
        """The backup dialog on top of Settings, which stays open beneath it."""
        self.backup_dialog = backup(self.session, self)
        return self.backup_dialog

    def open_restore(self) -> RestoreDialog:
        """The restore dialog on top of Settings, which stays open beneath it."""
        self.restore_dialog = restore(self.session, self)
        return self.restore_dialog

    # --- loading and saving --------------------------------------------------------------

    def _loaded(self, result: TrustLists) -> None:
        settings = result[0]
        self.language.setCurrentIndex(max(self.language.findData(
            settings.get("language", "system")), 0))
        self.lock_minutes.setValue(int(settings.get("lock_minutes", "10")))
        self.online.setChecked(settings.get(ONLINE_SETTING) == "1")
        self.verify_after_import.setChecked(habits_in(settings).after_import)
        self._show_trust(result)

    def _show_trust(self, result: TrustLists) -> None:
        _settings, issuers, registries = result
        self.trusted.clear()
        for issuer in issuers:
            self.trusted.addItem(f"{issuer.name} — {issuer.identifier}" if issuer.name
                                 else issuer.identifier)
            self.trusted.item(self.trusted.count() - 1).setData(_ID_ROLE, issuer.identifier)
        self.registries.clear()
        for registry in registries:
            self.registries.addItem(
                self.tr("%1 — %n issuer(s), from %2", "", registry.issuers)
                .replace("%1", registry.name).replace("%2", registry.source))
            self.registries.item(self.registries.count() - 1).setData(_ID_ROLE, registry.name)

    def save(self) -> None:
        language = str(self.language.currentData())
        minutes = self.lock_minutes.value()
        online = "1" if self.online.isChecked() else "0"
        after_import = "1" if self.verify_after_import.isChecked() else "0"

        def write(repo: CredentialRepository) -> None:
            repo.set_setting("language", language)
            repo.set_setting("lock_minutes", str(minutes))
            repo.set_setting(ONLINE_SETTING, online)
            repo.set_setting(VERIFY_AFTER_IMPORT_SETTING, after_import)

        self.session.call(write, lambda _: self._saved(language, minutes))

    def _saved(self, language: str, minutes: int) -> None:
        self.accept()
        emit(self.lock_minutes_changed, minutes)
        if language not in ("system", self.session.lang):
            emit(self.language_changed, language)

    # --- the keyring switch --------------------------------------------------------------

    def _read_key_protection(self) -> None:
        home = self.session.home
        self.session.tasks.run(lambda: key_status(home), self._key_loaded)

    def _key_loaded(self, status: KeyStatus) -> None:
        self.protection, available = status.protection, status.keyring_available
        self.use_keyring.blockSignals(True)
        self.use_keyring.setChecked(self.protection.in_keyring)
        self.use_keyring.blockSignals(False)
        self.use_keyring.setEnabled(available or self.protection.in_keyring)
        if not available and not self.protection.in_keyring:
            self.keyring_note.setText(self.tr("No system keyring is available on this "
                                              "computer; the passphrase protects the wallet."))
        elif self.protection.in_keyring:
            self.keyring_note.setText(self.tr(
                "The wallet opens without asking. Turn this off to be asked for the passphrase "
                "every time."))
        else:
            self.keyring_note.setText(self.tr(
                "The wallet asks for its passphrase every time it opens."))

    def _keyring_toggled(self, on: bool) -> None:
        protection = self.protection
        if protection is None:
            return
        home = self.session.home
        try:
            if on:
                passphrase = self._ask(self.tr("The wallet's passphrase:"))
                self.session.tasks.run(lambda: move_key_into_keyring(home, passphrase),
                                       lambda _: self._key_moved(True), self._key_failed)
            else:
                passphrase = (self._ask(self.tr("The wallet's passphrase:"))
                              if protection.has_passphrase else self._ask_new())
                self.session.tasks.run(lambda: move_key_out_of_keyring(home, passphrase),
                                       lambda forgot: self._key_moved(False, bool(forgot)),
                                       self._key_failed)
        except WalletError as exc:
            self._key_failed(exc)

    def _ask(self, label: str, title: str | None = None) -> str:
        text, ok = QInputDialog.getText(self, title or self.tr("System keyring"), label,
                                        QLineEdit.EchoMode.Password)
        if not ok or not text:
            raise UserCancelled()
        return str(text)

    def _ask_new(self) -> str:
        new = self._ask(self.tr("Choose a passphrase for the wallet (at least 8 characters):"))
        check_new_passphrase(new)
        check_new_passphrase(new, self._ask(self.tr("Repeat the passphrase:")))
        return new

    def _key_moved(self, in_keyring: bool, forgotten: bool = True) -> None:
        self._read_key_protection()
        if in_keyring:
            text = self.tr("The wallet key is now in the system keyring. The passphrase still "
                           "opens the wallet if the keyring is ever lost.")
        elif forgotten:
            text = self.tr("The wallet key was removed from the system keyring; the wallet "
                           "now asks for its passphrase.")
        else:
            text = self.tr("Kredo no longer uses the system keyring, but the keyring did not "
                           "delete the key. Remove the \"kredo\" entry in your keyring manager.")
        self.security_status.setText(text)

    def _key_failed(self, exc: BaseException) -> None:
        if self.protection is not None:
            self._key_loaded(KeyStatus(self.protection, self.use_keyring.isEnabled()))
        show_error(self, exc)

    # --- passphrase ----------------------------------------------------------------------

    def change_passphrase(self) -> None:
        new = self.new_passphrase.text()
        try:
            check_new_passphrase(new, self.repeat_passphrase.text())
        except WalletError as exc:
            show_error(self, exc)
            return
        old = self.old_passphrase.text() or None
        home = self.session.home
        self.session.tasks.run(lambda: change_passphrase(home, old, new), self._changed)

    def _changed(self, _result: object) -> None:
        for field in (self.old_passphrase, self.new_passphrase, self.repeat_passphrase):
            field.clear()
        self._read_key_protection()
        self.security_status.setText(self.tr("The passphrase was changed."))

    # --- trust ---------------------------------------------------------------------------

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
        identifier = str(item.data(_ID_ROLE))
        self.session.call(lambda repo: remove_trusted_issuer(repo, identifier), self._reload)

    def import_registry_file(self, path: Path | None = None, name: str | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import an issuer registry"), "",
                self.tr("Issuer registries (*.json);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        if name is None:
            text, ok = QInputDialog.getText(self, self.tr("Import an issuer registry"),
                                            self.tr("Name of the registry:"), text=path.stem)
            if not ok or not text.strip():
                return
            name = str(text).strip()
        chosen_path, chosen_name = path, name  # narrowed from Optional for the worker's lambda
        self.session.call(
            lambda repo: import_registry(repo, read_limited(chosen_path), name=chosen_name,
                                         source=chosen_path.name),
            self._reload, lambda exc: show_error(self, exc))

    def remove_registry(self) -> None:
        item = self.registries.currentItem()
        if item is None:
            return
        name = str(item.data(_ID_ROLE))
        self.session.call(lambda repo: remove_registry(repo, name), self._reload)

    def _reload(self, _result: object = None) -> None:
        self.session.call(_trust_lists, self._show_trust)
