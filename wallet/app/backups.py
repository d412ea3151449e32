"""Back up the whole wallet into one encrypted file, and restore one into the wallet
(the format is in docs/backup-format.md). The same for ``kredo backup/restore`` and the GUI."""

from __future__ import annotations

from pathlib import Path

from wallet.app.list_fields import describe_stored
from wallet.app.passphrase_rules import MIN_PASSPHRASE
from wallet.errors import BackupError
from wallet.store.backup import BackupSummary, RestoreReport, restore_backup, write_backup
from wallet.store.repository import CredentialRepository
from wallet.translation import tr

__all__ = ["BackupSummary", "RestoreReport", "back_up", "check_backup_passphrase", "restore"]


def check_backup_passphrase(passphrase: str, repeat: str | None = None) -> None:
    """A backup's own passphrase follows the wallet's rule (at least :data:`MIN_PASSPHRASE`
    characters), and is typed the same twice when typed twice. A backup may end up anywhere
    (a USB stick, a cloud folder): its passphrase is all that guards it."""
    if not passphrase:
        raise BackupError(tr("The backup needs a passphrase of its own."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(tr(
            "A backup passphrase needs at least {n} characters, like the wallet's; this one "
            "has {length}. Nothing was written.", n=MIN_PASSPHRASE, length=len(passphrase)))
    if repeat is not None and repeat != passphrase:
        raise BackupError(tr("The two passphrases differ; nothing was written."))


def back_up(repository: CredentialRepository, out: Path, passphrase: str) -> BackupSummary:
    """Every credential, note, tag and collection, encrypted under ``passphrase``."""
    check_backup_passphrase(passphrase)
    return write_backup(repository, out, passphrase)


def restore(repository: CredentialRepository, backup: Path, passphrase: str) -> RestoreReport:
    """Add what the backup holds to the wallet; credentials already there are skipped.
    Credentials from a backup older than the list's view kinds are described at once."""
    report = restore_backup(backup, passphrase, repository)
    describe_stored(repository)
    return report
