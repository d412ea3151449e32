"""Back up the whole wallet into one encrypted file, and restore one into the wallet
(the format is in docs/backup-format.md). The same for ``kredo backup/restore`` and the GUI."""

from __future__ import annotations

from pathlib import Path

from wallet.errors import BackupError
from wallet.store.backup import BackupSummary, RestoreReport, restore_backup, write_backup
from wallet.store.repository import CredentialRepository
from wallet.translation import tr

__all__ = ["BackupSummary", "RestoreReport", "back_up", "check_backup_passphrase", "restore"]


def check_backup_passphrase(passphrase: str, repeat: str | None = None) -> None:
    """A backup's own passphrase: not empty, and typed the same twice when typed twice."""
    if not passphrase:
        raise BackupError(tr("The backup needs a passphrase of its own."))
    if repeat is not None and repeat != passphrase:
        raise BackupError(tr("The two passphrases differ; nothing was written."))


def back_up(repository: CredentialRepository, out: Path, passphrase: str) -> BackupSummary:
    """Every credential, note, tag and collection, encrypted under ``passphrase``."""
    check_backup_passphrase(passphrase)
    return write_backup(repository, out, passphrase)


def restore(repository: CredentialRepository, backup: Path, passphrase: str) -> RestoreReport:
    """Add what the backup holds to the wallet; credentials already there are skipped."""
    return restore_backup(backup, passphrase, repository)
