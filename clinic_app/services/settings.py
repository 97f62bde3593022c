"""Clinic settings, typed and declared once, stored inside the encrypted vault."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from clinic_app import audit, clock
from clinic_app.errors import PermissionDenied, ValidationError
from clinic_app.findings import Finding
from clinic_app.translation import _
from clinic_app.roles import SIGNED_IN, Permission, Role, allows, operation
from clinic_app.services.context import ServiceContext


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    description: str


SETTINGS = {
    s.key: s
    for s in (
        Setting("clinic.name", "", str, "Clinic name for letterheads"),
        Setting("clinic.address", "", str, "Clinic address for letterheads (several lines)"),
        Setting("clinic.phone", "", str, "Clinic phone for letterheads"),
        Setting("clinic.email", "", str, "Clinic email for letterheads"),
        Setting("security.autolock_minutes", 5, int, "Lock after this many idle minutes (0 = never)"),
        Setting("security.clipboard_clear_seconds", 30, int, "Clear copied fields after this many seconds"),
        Setting("privacy.retention_days", 30, int, "Purge restricted values this many days after close or filing"),
        Setting("backup.auto_on_exit", False, bool, "Back up automatically when the app closes"),
        Setting("backup.folder", "", str, "Folder for automatic backups"),
        Setting("backup.keep_daily", 7, int, "Automatic backups kept: daily"),
        Setting("backup.keep_weekly", 4, int, "Automatic backups kept: weekly"),
        Setting("backup.keep_monthly", 12, int, "Automatic backups kept: monthly"),
        Setting("backup.last_at", "", str, "When the last backup was made (set by the app)"),
        Setting("bundle.drop_folder", "", str, "Folder watched for incoming intake bundles (attorneys set it)"),
    )
}

# Not a setting: the automatic-backup key, in `meta` (clinic_app/backup), named here because
# removing a user drops it (services/users.py).
AUTO_BACKUP_KEY_META = "backup.auto_key"

def _waits_less(value: Any, default: Any) -> bool:  # 0 is "never": the longest wait
    return type(value) is int and 0 < value <= default


def _keeps_more(value: Any, default: Any) -> bool:
    return type(value) is int and value >= default


# What guards an unlocked app left alone, and the backups that answer damage. The table is
# every key holder's to write, so a value counts when the newest manager's signed
# `settings.update` entry names it (by digest); any other value only if it is at least as
# safe as the default (each key's test). A paralegal who cannot reach the backup drive could
# otherwise set "keep 0" and have a manager's exit delete every older backup.
GUARDED = {
    "security.autolock_minutes": _waits_less,
    "security.clipboard_clear_seconds": _waits_less,
    "backup.keep_daily": _keeps_more,
    "backup.keep_weekly": _keeps_more,
    "backup.keep_monthly": _keeps_more,
}
_UPDATE, _AUDIT_OBJECT = "settings.update", "setting"
# The automatic purge of closed matters' restricted facts: a value lowered with raw SQL would
# destroy what the clinic chose to keep, and no unsigned value is "safe", so retention counts
# only as the newest manager's signed change names it; otherwise nothing is purged by it.
RETENTION = "privacy.retention_days"
# A paralegal turning automatic backups off, so that damage done later has no backup to
# answer it: an unsigned "off" is not taken (`_auto_backup_unsigned`).
AUTO_BACKUP = "backup.auto_on_exit"
SIGNED_ONLY = {RETENTION, AUTO_BACKUP}


def retention_unsigned() -> Finding:
    return Finding(
        "settings.retention_unsigned",
        _("retention days were changed outside the app (no manager signed the value); nothing is purged automatically "
          "after filing or closing until a manager sets retention again"),
    )


def _value_detail(stored: str) -> str:
    return "value sha256:" + hashlib.sha256(stored.encode("utf-8")).hexdigest()[:32]


# Keys the app itself updates as a side effect of a permitted action (no manager needed).
SYSTEM_KEYS = {"backup.last_at", "bundle.drop_folder"}  # the drop folder: BundleService checks the role


class SettingsService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @operation(SIGNED_IN)
    def get(self, key: str) -> Any:
        spec = SETTINGS[key]
        row = self.ctx.db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        if row is None:
            return self._auto_backup_unsigned() if key == AUTO_BACKUP else spec.default
        try:
            value = json.loads(row[0])
        except (TypeError, ValueError):  # changed outside the app
            return spec.default
        if key in GUARDED and not GUARDED[key](value, spec.default) and not self._set_by_a_manager(key, row[0]):
            return spec.default
        if key == AUTO_BACKUP and value is not True and not self._set_by_a_manager(key, row[0]):
            return self._auto_backup_unsigned()
        return value

    def _auto_backup_unsigned(self) -> bool:
        """Automatic backups turned off (or the row changed) outside the app: the newest
        manager's signed choice holds; with none (an older version's), they stay on while the
        key a manager configured is there."""
        newest = self._newest_signed(AUTO_BACKUP)
        if newest is not None:
            return newest[6] == _value_detail(json.dumps(True))
        return bool(self.ctx.meta(AUTO_BACKUP_KEY_META))

    @operation(SIGNED_IN)
    def retention_signed(self) -> bool:
        """Whether the stored retention is the one a manager's newest signed change names (or,
        with no such change, the default with no row): only then does retention purge."""
        row = self.ctx.db.query_one("SELECT value FROM settings WHERE key = ?", (RETENTION,))
        if row is None:
            return self._newest_signed(RETENTION) is None
        return self._set_by_a_manager(RETENTION, row[0])

    def _set_by_a_manager(self, key: str, stored: str) -> bool:
        newest = self._newest_signed(key)
        return newest is not None and newest[6] == _value_detail(stored)

    def _newest_signed(self, key: str):
        """The newest settings.update entry of `key` signed by a manager, if any."""
        rows = self.ctx.db.query(
            f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id = ? AND object_type = ? AND action = ? ORDER BY seq DESC",
            (key, _AUDIT_OBJECT, _UPDATE),
        )
        managers = {role for role in Role if allows(Permission.SETTINGS_MANAGE, role)}
        return next((row for row in rows if self.ctx.grants.acted_as(managers, row)), None)

    @operation(SIGNED_IN)
    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SETTINGS}

    @operation(Permission.SETTINGS_MANAGE)
    def set(self, key: str, value: Any) -> None:
        """A manager's change, audited. The system actor (`SettingsService(ctx.as_system())`)
        sets only SYSTEM_KEYS, as a side effect of something the user was allowed to do."""
        system = self.ctx.system
        if system and key not in SYSTEM_KEYS:
            raise PermissionDenied("permission.denied", role="system", permission=Permission.SETTINGS_MANAGE.value)
        spec = SETTINGS.get(key)
        if spec is None:
            raise ValidationError("setting.unknown", key=key)
        if spec.kind is int and isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if spec.kind is bool and isinstance(value, str):
            value = value.strip().lower() in ("1", "true", "yes", "on")
        if not isinstance(value, spec.kind) or (spec.kind is int and value < 0):
            raise ValidationError("setting.wrong_type", key=key, kind=spec.kind.__name__)
        with self.ctx.db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?,?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                (key, json.dumps(value), clock.now_iso(), self.ctx.user.username),
            )
            if not system:
                self.ctx.record(_UPDATE, _AUDIT_OBJECT, key, _value_detail(json.dumps(value)) if key in GUARDED or key in SIGNED_ONLY else "")
