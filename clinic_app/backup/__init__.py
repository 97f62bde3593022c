"""Encrypted backups: create, verify, restore, rotation, restore drill (see docs/backup.md).

A backup is one SQLCipher file keyed from a backup passphrase with Argon2id (container.py);
it is never written unencrypted. `session.backups` is the service the UI and CLI use;
restoring into a vault you can open is `clinic_app.lifecycle.restore_backup`.
"""

from clinic_app.backup.container import (
    BackupDamaged,
    BackupError,
    BackupKey,
    BackupTooNew,
    NotABackup,
    WrongBackupPassphrase,
    check_passphrase,
)
from clinic_app.backup.create import BackupResult, create_backup, default_backup_name
from clinic_app.backup.drill import DrillReport
from clinic_app.backup.rotation import KeepPolicy
from clinic_app.backup.service import BackupService, LastBackup, LastDrill, auto_backup_on_exit
from clinic_app.backup.verify import VerifyReport, verify_backup

__all__ = [
    "BackupDamaged",
    "BackupError",
    "BackupKey",
    "BackupResult",
    "BackupService",
    "BackupTooNew",
    "DrillReport",
    "KeepPolicy",
    "LastBackup",
    "LastDrill",
    "NotABackup",
    "VerifyReport",
    "WrongBackupPassphrase",
    "auto_backup_on_exit",
    "check_passphrase",
    "create_backup",
    "default_backup_name",
    "verify_backup",
]
