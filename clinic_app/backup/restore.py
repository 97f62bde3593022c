"""Restore a backup into a new vault folder, with fresh keys, never over an existing vault.

This builds the folder; opening it as a session (and "restore over this vault") is
`clinic_app.lifecycle`'s job.

The backup passphrase opens the backup once. The restored vault gets a new random database
key, a new vault id, a key slot for the manager named here and a new recovery key. Other
staff accounts are listed for the manager to add again. The backup carries the old key-slot
file (no client data; every secret in it opens only with a staff password or the old
recovery key); it is kept as `keyslots.inherited.json`, so a re-added attorney who logs in
with their old password brings back the restricted-data key (vault.py, role_secrets.py).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from clinic_app import clock
from clinic_app.audit import AuditLog
from clinic_app.backup import manifest as manifest_table
from clinic_app.backup.container import BackupKey, key_for_file, open_backup
from clinic_app.backup.manifest import Manifest
from clinic_app.backup.verify import VerifyReport, require_sound, verify_backup
from clinic_app.crypto.kdf import RECOVERY_PARAMS, params_for_new_slots
from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID, KeySlot, KeySlotFile, SlotStore, user_slot_id
from clinic_app.errors import VaultExists
from clinic_app.fileio import atomic_write
from clinic_app.restore_swap import RESTORE_TEMP_PREFIX
from clinic_app.roles import Role
from clinic_app.storage.database import Database, connect_raw
from clinic_app.vault import DB_NAME, INHERITED_SLOTS_NAME, check_new_password, initial_slots, new_recovery_key, normalise_recovery_key, validate_username


@dataclass
class RestoredVault:
    """A restored vault folder, not opened yet."""

    folder: Path
    recovery_key: str
    manifest: Manifest
    report: VerifyReport
    staff_to_add_again: list[tuple[str, str]] = field(default_factory=list)  # (username, role)


def check_restore_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VaultExists("restore.target_not_empty", path=str(target))


def remove_stale_restore_folders(parent: Path) -> int:
    removed = 0
    if parent.is_dir():
        for leftover in parent.glob(RESTORE_TEMP_PREFIX + "*"):
            shutil.rmtree(leftover, ignore_errors=True)
            removed += 1
    return removed


def check_new_manager(username: str, password: str) -> None:
    validate_username(username)
    check_new_password(password)


def restore_into(
    backup_file: str | os.PathLike,
    passphrase: str | BackupKey,
    target_dir: str | os.PathLike,
    manager_username: str,
    manager_password: str,
    progress=None,
) -> RestoredVault:
    """Verify the backup, build the new vault beside `target_dir`, move it into place."""
    check_new_manager(manager_username, manager_password)
    target = Path(target_dir).absolute()
    check_restore_target(target)
    staging, recovery_key, staff, report = build_restored_vault(
        backup_file, passphrase, target.parent, manager_username, manager_password, progress
    )
    try:
        check_restore_target(target)
        if target.exists():
            target.rmdir()
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RestoredVault(target, recovery_key, report.manifest, report, staff)


def build_restored_vault(backup_file, passphrase, parent: Path, username: str, password: str, progress=None):
    """A complete vault in a temp folder under `parent`: (folder, recovery_key, staff, report).

    Nothing outside that temp folder is touched; on any error it is removed.
    """
    backup_file = Path(backup_file)
    key = key_for_file(backup_file, passphrase)  # derive once; verify and copy reuse it
    report = verify_backup(backup_file, key, progress)
    found = require_sound(report)
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale_restore_folders(parent)
    staging = Path(tempfile.mkdtemp(prefix=RESTORE_TEMP_PREFIX, dir=parent))  # 0700
    try:
        db_key = secrets.token_bytes(32)
        vault_id = str(uuid.uuid4())
        _copy_rekeyed(backup_file, key, staging / DB_NAME, db_key)
        slot_id = user_slot_id(vault_id, username)
        staff, old_slots, head = _adopt(staging / DB_NAME, db_key, vault_id, found, username, slot_id)
        if old_slots is not None:
            atomic_write(staging / INHERITED_SLOTS_NAME, old_slots)
        recovery_key = new_recovery_key()
        slots, _ = initial_slots(vault_id, username, password, params_for_new_slots(), db_key, recovery_key, head)
        SlotStore(staging).save(slots)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, recovery_key, staff, report


def _copy_rekeyed(backup_file: Path, key: BackupKey, db_path: Path, db_key: bytes) -> None:
    source, _ = open_backup(backup_file, key)
    db_path.touch(mode=0o600)
    target = connect_raw(db_path, db_key)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _adopt(db_path: Path, db_key: bytes, vault_id: str, found: Manifest, username: str, slot_id: str):
    """Returns (staff to add again, the backed-up key-slot file or None, the audit log's newest
    entry: the restoring manager's key signs what follows)."""
    """Make the copy this vault's own: new id, the restoring manager, no stale staff slots."""
    db = Database(db_path, db_key)
    try:
        with db.transaction() as conn:
            old_slots = manifest_table.read_keyslots(conn)
            manifest_table.drop(conn)
            now = clock.now_iso()
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("vault_id", vault_id),
                    ("restored_from_vault_id", found.source_vault_id),
                    ("restored_from_backup_at", found.created_at),
                    ("restored_at", now),
                ],
            )
            staff = [
                (r[0], r[1])
                for r in conn.execute("SELECT username, role FROM users WHERE username != ? ORDER BY username", (username,))
            ]
            conn.execute("DELETE FROM users WHERE username != ?", (username,))
            updated = conn.execute(
                "UPDATE users SET role = ?, slot_id = ? WHERE username = ?", (Role.MANAGER.value, slot_id, username)
            ).rowcount
            if not updated:
                conn.execute(
                    "INSERT INTO users (id, username, role, slot_id, created_at, created_by) VALUES (?,?,?,?,?,?)",
                    (str(uuid.uuid4()), username, Role.MANAGER.value, slot_id, now, username),
                )
            AuditLog(db).append(
                username,
                "vault.restore",
                "vault",
                vault_id,
                f"from a backup of vault {found.source_vault_id} made {found.created_at}; "
                f"staff accounts to add again: {len(staff)}",
            )
        head = AuditLog(db).head_seq()
    finally:
        db.close()
    return staff, old_slots, head
