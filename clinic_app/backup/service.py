"""`session.backups`: what a clinic's app does with backups, with roles enforced here.

Automatic backup on exit: a manager turns it on with a folder and the backup passphrase.
The passphrase itself is never stored. Its Argon2id-derived key and salt go into the
vault's `meta` table, which is inside the SQLCipher database (encrypted at rest like every
client record); every automatic backup then uses that key without a prompt or a KDF wait.
Anyone who could read that key could already read the vault itself. The key is left out
of every backup (create.KEPT_OUT_OF_BACKUPS), so a restored vault asks for it again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from clinic_app import clock
from clinic_app.backup import rotation
from clinic_app.backup.container import BackupError, BackupKey, new_backup_key
from clinic_app.backup.create import AUTO_KEY_META, LAST_PATH_META, BackupResult, create_backup
from clinic_app.backup.drill import LAST_DRILL_META, DrillReport, run_drill
from clinic_app.backup.verify import VerifyReport, verify_backup
from clinic_app.errors import ValidationError
from clinic_app.roles import SIGNED_IN, Permission, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.settings import SettingsService

OVERDUE_DAYS = 7


@dataclass
class LastBackup:
    """How old the newest backup is, as data; the UI words it ("Last backup 9 days ago")."""

    at: str  # ISO time, "" for never
    days: int | None
    overdue: bool


@dataclass
class LastDrill:
    """The newest restore drill: when and whether it passed (worded by the UI)."""

    at: str
    days: int
    ok: bool


@dataclass
class AutoBackupOutcome:
    result: BackupResult
    deleted: list[str] = field(default_factory=list)


class BackupService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService):
        self.ctx = ctx
        self.settings = settings

    # -- making and checking ------------------------------------------------------------------

    @operation(Permission.BACKUP)
    def create(self, out: str | os.PathLike, passphrase: str | BackupKey, progress=None) -> BackupResult:
        return create_backup(self.ctx, out, passphrase, progress)

    @operation(Permission.BACKUP)
    def verify(self, path: str | os.PathLike, passphrase: str | BackupKey, progress=None) -> VerifyReport:
        return verify_backup(path, passphrase, progress)

    @operation(SIGNED_IN)
    def last_backup(self, now: datetime | None = None) -> LastBackup:
        at = self.settings.get("backup.last_at")
        try:
            made = datetime.fromisoformat(at) if at else None
        except ValueError:  # an unreadable time counts as no backup: better a nag than silence
            made = None
        if made is None:
            return LastBackup("", None, True)
        days = max(0, ((now or clock.utc_now()).date() - made.date()).days)
        return LastBackup(at, days, days > OVERDUE_DAYS)

    @operation(SIGNED_IN)
    def last_drill(self, now: datetime | None = None) -> LastDrill | None:
        stored = self.ctx.meta(LAST_DRILL_META)
        try:
            data = json.loads(stored) if stored else None
            made = datetime.fromisoformat(data["at"]) if data else None
        except (ValueError, KeyError, TypeError):
            return None
        if made is None:
            return None
        return LastDrill(data["at"], max(0, ((now or clock.utc_now()).date() - made.date()).days), bool(data.get("ok")))

    @operation(Permission.BACKUP)
    def newest_backup(self) -> Path | None:
        """The newest of: the automatic-backup folder's backups, the last backup made anywhere."""
        folder = self.settings.get("backup.folder")
        found = rotation.backups_in(Path(folder))[:1] if folder else []
        last = self.ctx.meta(LAST_PATH_META)
        if last and Path(last).is_file():
            found.append(Path(last))
        return max(found, key=lambda p: p.stat().st_mtime) if found else None

    @operation(Permission.BACKUP)
    def drill(self, passphrase: str | BackupKey | None = None, backup_file: str | os.PathLike | None = None, progress=None) -> DrillReport:
        """Restore the given (or the newest automatic) backup into a temp folder and compare."""
        target = Path(backup_file) if backup_file else self.newest_backup()
        if target is None:
            raise BackupError("backup.none_to_test")
        secret = passphrase or self._auto_key()
        if secret is None:
            raise BackupError("backup.passphrase_needed_to_test")
        return run_drill(self.ctx, target, secret, progress)

    # -- automatic backup on exit -------------------------------------------------------------

    @operation(Permission.BACKUP)
    def configure_auto_backup(self, enabled: bool, folder: str = "", passphrase: str | None = None, policy: rotation.KeepPolicy | None = None) -> None:
        """Turn automatic backups on (folder + passphrase) or off. Managers only."""
        settings = self.settings
        if enabled:
            if not folder or not Path(folder).is_dir():
                raise ValidationError("backup.auto_folder_missing")
            if passphrase is None and self._auto_key() is None:
                raise ValidationError("backup.auto_passphrase_needed")
        key = new_backup_key(passphrase) if (enabled and passphrase) else None
        with self.ctx.db.transaction() as conn:
            if key is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (AUTO_KEY_META, json.dumps(key.to_json()))
                )
            if not enabled:
                conn.execute("DELETE FROM meta WHERE key = ?", (AUTO_KEY_META,))
            settings.set("backup.auto_on_exit", enabled)
            if folder:
                settings.set("backup.folder", str(Path(folder).absolute()))
            if policy is not None:
                settings.set("backup.keep_daily", policy.daily)
                settings.set("backup.keep_weekly", policy.weekly)
                settings.set("backup.keep_monthly", policy.monthly)
            self.ctx.record("backup.auto_configured", "vault", self.ctx.vault_id, "on" if enabled else "off")

    @operation(Permission.BACKUP)
    def stored_auto_key(self) -> BackupKey | None:
        return self._auto_key()

    def _auto_key(self) -> BackupKey | None:
        stored = self.ctx.meta(AUTO_KEY_META)
        return BackupKey.from_json(json.loads(stored)) if stored else None

    @operation(SIGNED_IN)
    def policy(self) -> rotation.KeepPolicy:
        return self._keep_policy()

    def _keep_policy(self) -> rotation.KeepPolicy:
        get = self.settings.get
        return rotation.KeepPolicy(get("backup.keep_daily"), get("backup.keep_weekly"), get("backup.keep_monthly"))

    @operation(SIGNED_IN)
    def auto_backup_on_exit(self, progress=None) -> AutoBackupOutcome | None:
        """The backup a manager switched on; None when it is off.

        Runs for whoever closes the app (a paralegal too): the manager chose the folder and
        the key, the user chooses nothing, so this is a system action like `backup.last_at`.
        """
        settings = self.settings
        if not settings.get("backup.auto_on_exit"):
            return None
        folder = settings.get("backup.folder")
        key = self._auto_key()
        if not folder or key is None:
            raise BackupError("backup.auto_not_configured")
        result = create_backup(self.ctx.as_system(), folder, key, progress)
        deleted = rotation.apply(Path(folder), self._keep_policy())
        if deleted:
            self.ctx.record("backup.rotate", "vault", self.ctx.vault_id, f"old backups deleted: {len(deleted)}")
        return AutoBackupOutcome(result, deleted)


def auto_backup_on_exit(session, progress=None) -> AutoBackupOutcome | None:
    """What the UI calls while closing (off the UI thread, with progress); see BackupService."""
    return session.backups.auto_backup_on_exit(progress)

