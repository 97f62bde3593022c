"""Clinic settings, typed and declared once, stored inside the encrypted vault."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from collections.abc import Callable
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
# Where automatic backups go, and the letterhead every packet prints (a forged name or phone
# number on a filed pardon application): a manager's signed entry carries the value itself
# (`_CARRIED`), so the value signed is the one used, whatever the row says. A row no signed
# entry names (an older version's) is used and told; a final packet refuses such a letterhead.
LETTERHEAD = ("clinic.name", "clinic.address", "clinic.phone", "clinic.email")
BACKUP_FOLDER = "backup.folder"
CARRIED = {*LETTERHEAD, BACKUP_FOLDER}
_CARRIED = "set to "
NAMED = {*GUARDED, *SIGNED_ONLY, *CARRIED}  # keys whose signed entry names the value set


def retention_unsigned() -> Finding:
    return Finding(
        "settings.retention_unsigned",
        _("retention days were changed outside the app (no manager signed the value); nothing is purged automatically "
          "after filing or closing until a manager sets retention again"),
    )


def auto_backup_unsigned() -> Finding:
    return Finding(
        "settings.auto_backup_unsigned",
        _("automatic backups were turned off outside the app (no manager signed it); they are still made at every exit"),
    )


def backup_folder_unsigned(folder: str) -> Finding:
    return Finding(
        "settings.backup_folder_unsigned",
        _("the folder for automatic backups is not as a manager signed it (changed outside the app, or set with an older "
          "version or before a restore or a password reset); automatic backups go to {folder} until a manager sets the "
          "folder again").format(folder=folder),
        folder=folder,
    )


def letterhead_unsigned() -> Finding:
    return Finding(
        "settings.letterhead_unsigned",
        _("the letterhead is not as a manager signed it (changed outside the app, or set with an older version or before a "
          "restore or a password reset); packets print the letterhead a manager signed, and a final packet is refused where "
          "there is none, until a manager saves the letterhead again"),
    )


def _value_detail(key: str, stored: str) -> str:
    if key in CARRIED:
        return _CARRIED + stored
    return "value sha256:" + hashlib.sha256(stored.encode("utf-8")).hexdigest()[:32]


_UNNAMED = object()


@dataclass(frozen=True)
class SignedLetterhead:
    """The letterhead lines a packet prints; `signed`: every one as a manager signed it (or never set)."""

    name: str
    address: str
    phone: str
    email: str
    signed: bool


def _names(key: str, stored: str | None, newest) -> bool:
    """Whether the newest manager's signed entry (`newest`) names the row `stored`."""
    return stored is not None and newest is not None and newest[6] == _value_detail(key, stored)


def _retention_signed(stored: str | None, newest) -> bool:
    return newest is None if stored is None else _names(RETENTION, stored, newest)


def _carried(key: str, stored: str | None, newest) -> tuple[Any, bool, bool]:
    """(the value that counts, whether a manager signed it, whether the row is what they signed).

    The value the newest manager's entry carries, whatever the row says; with none (an older
    version's entry names no value), the row's, unsigned; with no row, the default."""
    spec = SETTINGS[key]
    detail = newest[6] if newest is not None else ""
    named = _UNNAMED
    if detail.startswith(_CARRIED):
        try:
            named = json.loads(detail[len(_CARRIED):])
        except ValueError:
            pass
    if isinstance(named, spec.kind):
        return named, True, _names(key, stored, newest)
    if stored is None:
        return spec.default, True, True
    try:
        value = json.loads(stored)
    except (TypeError, ValueError):
        value = spec.default
    return (value if isinstance(value, spec.kind) else spec.default), False, False


class _NewestSigned:
    """The newest manager's signed entry of each key, from one query's rows (newest first); a
    key's signatures are checked only when it is asked for, as `get` asks only when it must."""

    def __init__(self, rows, acted_as: Callable[[Any], bool]):
        self._rows, self._acted_as, self._found = rows, acted_as, {}

    def get(self, key: str):
        if key not in self._found:
            self._found[key] = next((row for row in self._rows if row[5] == key and self._acted_as(row)), None)
        return self._found[key]


# Keys the app itself updates as a side effect of a permitted action (no manager needed).
SYSTEM_KEYS = {"backup.last_at", "bundle.drop_folder"}  # the drop folder: BundleService checks the role


class SettingsService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @operation(SIGNED_IN)
    def get(self, key: str) -> Any:
        row = self.ctx.db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        return self._value(key, row[0] if row else None, lambda: self._newest_signed(key))

    @operation(SIGNED_IN)
    def all(self) -> dict[str, Any]:
        stored, newest = self._read(SETTINGS)
        return {key: self._value(key, stored.get(key), lambda key=key: newest.get(key)) for key in SETTINGS}

    def _value(self, key: str, stored: str | None, newest: Callable[[], Any]) -> Any:
        """The value of `key` that counts, from its row (`stored`, None: no row); `newest()`
        gives the newest manager's signed entry, asked only when the row alone does not do."""
        spec = SETTINGS[key]
        if key in CARRIED:
            return _carried(key, stored, newest())[0]
        if stored is None:
            return self._auto_backup_unsigned(newest()) if key == AUTO_BACKUP else spec.default
        try:
            value = json.loads(stored)
        except (TypeError, ValueError):  # changed outside the app
            return spec.default
        if key in GUARDED and not GUARDED[key](value, spec.default) and not _names(key, stored, newest()):
            return spec.default
        if key == AUTO_BACKUP and value is not True and not _names(key, stored, newest()):
            return self._auto_backup_unsigned(newest())
        return value

    def _auto_backup_unsigned(self, newest) -> bool:
        """Automatic backups turned off (or the row changed) outside the app: the newest
        manager's signed choice holds; with none (an older version's), they stay on while the
        key a manager configured is there."""
        if newest is not None:
            return newest[6] == _value_detail(AUTO_BACKUP, json.dumps(True))
        return bool(self.ctx.meta(AUTO_BACKUP_KEY_META))

    @operation(SIGNED_IN)
    def retention_signed(self) -> bool:
        """Whether the stored retention is the one a manager's newest signed change names (or,
        with no such change, the default with no row): only then does retention purge."""
        stored, newest = self._read((RETENTION,))
        return _retention_signed(stored.get(RETENTION), newest.get(RETENTION))

    @operation(SIGNED_IN)
    def letterhead(self) -> SignedLetterhead:
        """The letterhead packets print, and whether a manager signed all of it. The clinic name
        given at creation (`meta`, any key holder's to write) stands in only while no manager
        has set one; a name from there is unsigned."""
        stored, newest = self._read(LETTERHEAD)
        lines = {key: _carried(key, stored.get(key), newest.get(key)) for key in LETTERHEAD}
        name, name_signed, _row_signed = lines["clinic.name"]
        if not name and (creation := self._creation_name(stored, newest)):
            name, name_signed = creation, False
        signed = name_signed and all(lines[key][1] for key in LETTERHEAD[1:])
        return SignedLetterhead(name, lines["clinic.address"][0], lines["clinic.phone"][0], lines["clinic.email"][0], signed)

    def _creation_name(self, stored: dict, newest: dict) -> str:
        """The clinic name given when the vault was made, while no manager ever set one."""
        return self.ctx.clinic_name if stored.get("clinic.name") is None and newest.get("clinic.name") is None else ""

    @operation(SIGNED_IN)
    def unsigned(self) -> list[str]:
        """The carried settings whose row is not what the newest manager's entry names (a
        changed or deleted row, or an older version's value): a manager saving them signs them."""
        return self._unsigned(*self._read(CARRIED))

    def _unsigned(self, stored: dict, newest: dict) -> list[str]:
        unsigned = {key for key in CARRIED if not _carried(key, stored.get(key), newest.get(key))[2]}
        if self._creation_name(stored, newest):
            unsigned.add("clinic.name")
        return sorted(unsigned)

    @operation(SIGNED_IN)
    def findings(self) -> list[Finding]:
        """What the app passes over among the signed settings, to be told (at unlock to
        managers, as CLI warnings, by `vault check`). Two queries, whatever the count."""
        stored, newest = self._read((RETENTION, AUTO_BACKUP, *CARRIED))
        found = []
        if not _retention_signed(stored.get(RETENTION), newest.get(RETENTION)):
            found.append(retention_unsigned())
        backups = stored.get(AUTO_BACKUP)
        if backups != json.dumps(True) and not _names(AUTO_BACKUP, backups, newest.get(AUTO_BACKUP)):
            if self._value(AUTO_BACKUP, backups, lambda: newest.get(AUTO_BACKUP)) is True:  # an "off" passed over
                found.append(auto_backup_unsigned())
        unsigned = self._unsigned(stored, newest)
        if BACKUP_FOLDER in unsigned:
            found.append(backup_folder_unsigned(_carried(BACKUP_FOLDER, stored.get(BACKUP_FOLDER), newest.get(BACKUP_FOLDER))[0]))
        if any(key in unsigned for key in LETTERHEAD):
            found.append(letterhead_unsigned())
        return found

    def _newest_signed(self, key: str):
        """The newest settings.update entry of `key` signed by a manager, if any."""
        return self._read_signed((key,)).get(key)

    def _read(self, keys) -> tuple[dict[str, str], _NewestSigned]:
        """The rows of `keys` ({key: stored}) and the newest manager's signed entry of each."""
        marks = ",".join("?" * len(keys))
        stored = dict(self.ctx.db.query(f"SELECT key, value FROM settings WHERE key IN ({marks})", tuple(keys)))
        return stored, self._read_signed(tuple(key for key in keys if key in NAMED))

    def _read_signed(self, keys: tuple[str, ...]) -> _NewestSigned:
        rows = []
        if keys:
            marks = ",".join("?" * len(keys))
            rows = self.ctx.db.query(
                f"SELECT {audit.COLUMNS}, sig FROM audit_log WHERE object_id IN ({marks}) AND object_type = ? AND action = ? "
                "ORDER BY seq DESC",
                (*keys, _AUDIT_OBJECT, _UPDATE),
            )
        managers = {role for role in Role if allows(Permission.SETTINGS_MANAGE, role)}
        return _NewestSigned(rows, lambda row: self.ctx.grants.acted_as(managers, row))

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
                self.ctx.record(_UPDATE, _AUDIT_OBJECT, key, _value_detail(key, json.dumps(value)) if key in NAMED else "")
