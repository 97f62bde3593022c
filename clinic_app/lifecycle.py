"""Opening, creating, recovering and restoring a vault as a `Session`.

The steps of opening, in order: the vault opens (`Vault.unlock/create/recover`: key slots,
schema migrations, the login in the audit log), the session is built, and the retention
purge runs (whoever logs in). Restoring a backup and "restore over this vault" end the
same way, by opening the restored vault.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from clinic_app import clock, restore_swap
from clinic_app.faults import crash_point
from clinic_app.roles import Permission, operation
from clinic_app.services.restricted_retention import expiry_unsigned
from clinic_app.session import Session
from clinic_app.vault import OpenVault, Vault

if TYPE_CHECKING:  # the restore functions import the backup package when they run: opening a session needs none of it
    from clinic_app.backup.container import BackupKey
    from clinic_app.backup.manifest import Manifest
    from clinic_app.backup.verify import VerifyReport


def start_session(opened: OpenVault) -> Session:
    """The session for a vault that has just been opened (closed again if this fails)."""
    try:
        session = Session(opened)
        login, opened.login = opened.login, None
        if login is not None:  # signed user list, role secrets, audit anchor (not at create)
            opened.vault.after_login(session.ctx, login)
        session.as_system().restricted.purge_due()  # retention runs at every opening, whoever logs in
        if login is not None:
            session.grants.problems.extend(session.settings.findings())
        if login is not None and (forged := session.restricted.unsigned_expiries(clock.today())):
            session.grants.problems.append(expiry_unsigned(forged))
    except BaseException:
        opened.close()
        raise
    return session


def open_session(vault: Vault, username: str, password: str) -> Session:
    """Unlock `vault` as `username`. Raises AuthenticationFailed (or ThrottledError)."""
    return start_session(vault.unlock(username, password))


def create_vault(vault: Vault, admin_username: str, admin_password: str, clinic_name: str = "") -> tuple[Session, str]:
    """A new vault with one manager: (that manager's session, the recovery key)."""
    opened, recovery_key = vault.create(admin_username, admin_password, clinic_name)
    session = start_session(opened)
    try:
        if clinic_name:  # the letterhead's name, signed by the manager who made the vault
            session.settings.set("clinic.name", clinic_name)
    except BaseException:
        session.lock()
        raise
    return session, recovery_key


def recover_session(vault: Vault, recovery_key: str, username: str, new_password: str) -> Session:
    """Reset `username`'s password with the recovery key; that user's session."""
    return start_session(vault.recover(recovery_key, username, new_password))


@dataclass
class NewRecoveryKey:
    key: str  # shown once, like the key a new vault gets
    # Role secrets the old recovery slot held that this manager does not (the restricted-data
    # key): sealed to the new slot at the next unlock of a user who holds them.
    waiting_for_holder: tuple[str, ...] = ()


@operation(Permission.USER_MANAGE)
def replace_recovery_key(session: Session) -> NewRecoveryKey:
    """A new recovery key in place of the old one (a lost sheet, or a restore whose key was
    never shown); the old key opens nothing from then on. The new slot carries what the
    recovery slot carries at creation (the database key, the clinic signing key, trust in the
    signed list that names its public key) and every role secret this manager holds. Managers only."""
    from clinic_app import grants, role_secrets
    from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID
    from clinic_app.vault import new_recovery_key

    ctx = session.ctx
    recovery_key = new_recovery_key()
    old_slot = ctx.vault.slot_store.load().find(RECOVERY_SLOT_ID)
    sealer = grants.sealer(ctx)

    def seal(slot) -> None:
        for name, value in ctx.role_secrets.items():
            slot.seal_secret(session.vault_id, name, value, sealer)

    def sign(slot) -> dict:
        return grants.next_roster(ctx, recovery_key=slot.public_key)

    # Whoever finds the old sheet and kept an old copy of the slot file opens the old slot's
    # copy of the attorneys' key with their own tools: rotated at the next attorney login.
    role_secrets.mark_for_rotation(session, RECOVERY_SLOT_ID)
    with ctx.db.transaction():  # the entry is kept only if the slot file was written
        session.record("recovery.key_replaced", "vault", session.vault_id, "a new recovery key; the old one opens nothing")
        roster = ctx.vault.replace_recovery_slot(ctx.db_key, recovery_key, ctx.grants, seal, sign)
    grants.adopt(ctx, roster)
    held_before = set(old_slot.sealed_secrets) if old_slot else set()
    waiting = tuple(sorted(name for name in held_before - set(ctx.role_secrets) if name in role_secrets.SECRETS))
    return NewRecoveryKey(recovery_key, waiting)


@dataclass
class RestoreResult:
    session: Session  # the restoring manager's
    recovery_key: str
    manifest: Manifest
    report: VerifyReport
    staff_to_add_again: list[tuple[str, str]] = field(default_factory=list)  # (username, role)
    previous_vault_copy: Path | None = None  # set by "restore over this vault"

    def __iter__(self):  # `session, recovery_key = restore_backup(...)` also works
        return iter((self.session, self.recovery_key))


def restore_backup(
    backup_file: str | os.PathLike,
    passphrase: str | BackupKey,
    target_dir: str | os.PathLike,
    manager_username: str,
    manager_password: str,
    progress=None,
) -> RestoreResult:
    """Restore a backup into a new or empty folder and log in there as the manager named."""
    from clinic_app.backup.restore import restore_into

    restored = restore_into(backup_file, passphrase, target_dir, manager_username, manager_password, progress)
    session = open_session(Vault(restored.folder), manager_username, manager_password)
    return RestoreResult(session, restored.recovery_key, restored.manifest, restored.report, restored.staff_to_add_again)


@operation(Permission.BACKUP)
def restore_over_this_vault(
    session: Session, backup_file, passphrase, manager_username: str, manager_password: str, progress=None
) -> RestoreResult:
    """Replace `session`'s vault with a backup; the old vault folder stays as a dated copy.

    The backup is verified and the new vault fully built before anything is moved. `session`
    is locked on success; use the returned session from then on. Managers only.
    """
    from clinic_app.backup.restore import build_restored_vault, check_new_manager

    check_new_manager(manager_username, manager_password)
    folder = session.folder.absolute()
    staging, recovery_key, staff, report = build_restored_vault(
        backup_file, passphrase, folder.parent, manager_username, manager_password, progress
    )
    try:
        session.record("backup.restore_over", "vault", session.vault_id, "vault replaced by a backup")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    session.lock()
    old_copy = restore_swap.side_name(folder, clock.utc_now().strftime("%Y%m%dT%H%M%SZ"))
    restore_swap.begin(folder, old_copy, staging)  # a kill from here on is settled at the next open
    try:
        os.rename(folder, old_copy)
        crash_point("restore_over.between_renames")
        try:
            os.rename(staging, folder)
        except BaseException:
            os.rename(old_copy, folder)
            raise
        new_session = open_session(Vault(folder), manager_username, manager_password)
        new_session.record("vault.restore_over", "vault", new_session.vault_id, f"previous vault kept as {old_copy.name}")
        crash_point("restore_over.opened")
        restore_swap.end(folder)
    finally:
        restore_swap.forget(folder)  # an error left the marker: the next open settles it, in this process too
    return RestoreResult(new_session, recovery_key, report.manifest, report, staff, old_copy)
