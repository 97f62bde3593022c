"""Staff accounts. Adding a user adds a key slot; removing one rotates the database key."""

from __future__ import annotations

import re

from clinic_app import clock, grants, role_secrets
from clinic_app.domain.models import User
from clinic_app.errors import NotFound, ValidationError
from clinic_app.roles import SIGNED_IN, OwnOr, Permission, Role, operation
from clinic_app.services.context import ServiceContext
from clinic_app.services.settings import AUTO_BACKUP_KEY_META
from clinic_app.vault import check_recovery_slot_signed, validate_username

_BAR_NUMBER = re.compile(r"^[0-9A-Za-z-]{1,20}$")
_USER_COLUMNS = "id, username, role, created_at, created_by, full_name, title, bar_number"
SIGNATURE_FIELDS = ("full_name", "title", "bar_number")
MAX_SIGNATURE_TEXT = 120


class UserService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @operation(SIGNED_IN)
    def list(self) -> list[User]:
        rows = self.ctx.db.query(f"SELECT {_USER_COLUMNS} FROM users ORDER BY username")
        return [_user(r) for r in rows]

    @operation(SIGNED_IN)
    def get(self, username: str) -> User:
        row = self.ctx.db.query_one(f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,))
        if row is None:
            raise NotFound("user.not_found", username=username)
        return _user(row)

    @operation(OwnOr(Permission.USER_MANAGE))
    def set_signature(self, username: str, *, full_name: str | None = None, title: str | None = None, bar_number: str | None = None) -> User:
        """Full name, title and bar number, as printed under a signature. Every user for
        themselves; managers for anyone."""
        changes = clean_signature(full_name=full_name, title=title, bar_number=bar_number)
        if not changes:
            raise ValidationError("user.nothing_to_change")
        user = self.get(username)
        with self.ctx.db.transaction() as conn:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(f"UPDATE users SET {assignments} WHERE username = ?", (*changes.values(), user.username))
            self.ctx.record("user.signature_changed", "user", user.username, "fields: " + ",".join(changes))
        return self.get(user.username)

    @operation(Permission.USER_MANAGE)
    def add(self, username: str, role: str, password: str, *, full_name: str = "", title: str = "", bar_number: str = "") -> User:
        validate_username(username)
        try:
            role = Role(role).value
        except ValueError:
            raise ValidationError("user.bad_role", roles=", ".join(r.value for r in Role)) from None
        db = self.ctx.db
        if db.query_one("SELECT 1 FROM users WHERE username = ?", (username,)):
            raise ValidationError("user.exists", username=username)
        signature = clean_signature(full_name=full_name, title=title, bar_number=bar_number)
        user = User(username=username, role=role, created_at=clock.now_iso(), created_by=self.ctx.user.username, **signature)
        def sign(slot) -> dict:
            return grants.next_roster(self.ctx, put=grants.grant_for_new_slot(slot, username, role, self.ctx.audit.head_seq()))

        with db.transaction() as conn:
            slot_id, roster = self.ctx.vault.add_slot(self.ctx.db_key, username, password, self.ctx.grants, sign)
            conn.execute(
                "INSERT INTO users (id, username, role, slot_id, created_at, created_by, full_name, title, bar_number) VALUES (?,?,?,?,?,?,?,?,?)",
                (user.id, username, role, slot_id, user.created_at, user.created_by, user.full_name, user.title, user.bar_number),
            )
            self.ctx.record("user.add", "user", username, f"role={role}")
        grants.adopt(self.ctx, roster)
        role_secrets.share(self.ctx)
        return user

    @operation(Permission.USER_MANAGE)
    def remove(self, username: str) -> None:
        """Remove a user and rotate the database key so their old key slot opens nothing. Never
        oneself (see `remove_refusal`)."""
        refusal = remove_refusal(self.ctx.user.username, username)
        if refusal is not None:
            raise refusal
        db = self.ctx.db
        row = db.query_one("SELECT slot_id, role FROM users WHERE username = ?", (username,))
        if row is None:
            raise NotFound("user.not_found", username=username)
        managers = db.query_one("SELECT count(*) FROM users WHERE role = 'manager'")[0]
        if row[1] == Role.MANAGER.value and managers <= 1:
            raise ValidationError("user.last_manager")
        roster = grants.next_roster(self.ctx, drop=(row[0],))
        role_secrets.mark_for_rotation(self.ctx, row[0])
        self._drop_auto_backup_key()
        # The row goes in the same roll-forward sequence as the key rotation (vault.rotate_key).
        new_key = self.ctx.vault.rotate_key(db, {row[0]: username}, self.ctx.user.username, roster, self.ctx.audit_signer)
        self.ctx.replace_key(new_key)
        grants.adopt(self.ctx, roster)  # the next change is signed from this list, not the one before

    def _drop_auto_backup_key(self) -> None:
        """Every key holder can read the automatic-backup key (unattended backups need it), so
        one who leaves may keep it: later backups need the manager's passphrase again (a new
        salt, so a new key). Dropped before the key rotation, so no crash keeps it."""
        with self.ctx.db.transaction() as conn:
            if conn.execute("DELETE FROM meta WHERE key = ?", (AUTO_BACKUP_KEY_META,)).rowcount:
                self.ctx.record("backup.auto_key_dropped", "vault", self.ctx.vault_id, "a user who could read it was removed")

    @operation(SIGNED_IN)
    def change_own_password(self, old_password: str, new_password: str) -> None:
        content = self.ctx.vault.change_password(self.ctx.user.username, old_password, new_password)
        if self.ctx.slot_payload is not None:  # the audit anchor at lock writes under the new password
            self.ctx.slot_payload = (self.ctx.slot_payload[0], content)
        self.ctx.record("user.password_changed", "user", self.ctx.user.username)

    @operation(Permission.USER_MANAGE)
    def set_role(self, username: str, role: str) -> None:
        role = Role(role).value
        row = self.ctx.db.query_one("SELECT slot_id, username FROM users WHERE username = ?", (username,))
        if row is None:
            raise NotFound("user.not_found", username=username)
        signed = self.ctx.grants.roster.grants.get(row[0]) if self.ctx.grants.roster else None
        keys = (signed.slot_key, signed.user_key) if signed else (b"", b"")  # signed keys, never the file's
        roster = grants.next_roster(self.ctx, put=grants.Grant(row[0], row[1], role, *keys))
        role_secrets.mark_for_rotation(self.ctx, row[0], new_role=Role(role))
        with self.ctx.db.transaction() as conn:
            conn.execute("UPDATE users SET role = ? WHERE username = ?", (role, username))
            self.ctx.record("user.role_changed", "user", username, f"role={role}")
            self.ctx.vault.save_roster(roster)
        grants.adopt(self.ctx, roster)
        role_secrets.share(self.ctx)

    @operation(Permission.USER_MANAGE)
    def reset_password(self, username: str, recovery_key: str, new_password: str) -> None:
        """A manager resets a forgotten password from an open session; the recovery key proves
        that the sheet is at hand, as `vault recover` does at the unlock screen. Never one's own
        (see `reset_refusal`)."""
        refusal = reset_refusal(self.ctx.user.username, username)
        if refusal is not None:
            raise refusal
        if self.ctx.db.query_one("SELECT 1 FROM users WHERE username = ?", (username,)) is None:
            raise NotFound("user.not_found", username=username)
        recovery = self.ctx.vault.check_recovery_key(recovery_key)
        row = self.ctx.db.query_one("SELECT username, role FROM users WHERE username = ?", (username,))
        state = self.ctx.grants  # the list before the reset: who sealed what still verifies under it
        check_recovery_slot_signed(state, self.ctx.vault.slot_store.load())

        def carry(slot_file, slot) -> None:  # the old key pair's seals would verify no more: reseal
            held = self.ctx.vault.recovery_secrets(self.ctx.db, slot_file, recovery, state)
            role_secrets.carry_over(slot_file, slot, Role(row[1]), row[0], held, state)

        def sign(slot) -> dict:  # a new slot, new keys: signed again
            return grants.next_roster(self.ctx, put=grants.grant_for_new_slot(slot, row[0], row[1], self.ctx.audit.head_seq()))

        _, roster = self.ctx.vault.add_slot(self.ctx.db_key, username, new_password, self.ctx.grants, sign, carry)
        grants.adopt(self.ctx, roster)
        self.ctx.record("recovery.password_reset", "user", username)
        role_secrets.share(self.ctx)  # the new slot has a new key pair: seal what we hold


def reset_refusal(actor: str, username: str) -> ValidationError | None:
    """Why `actor` may not reset `username`'s password from an open session, or None; the Users
    dialog asks this before offering Reset password. One's own is refused: the session holds the
    slot's key pair (audit signatures, the lock-time anchor, sealed role secrets) and a reset
    makes a new slot under it, so everything after would be signed with a key the user list no
    longer names. Change my password keeps the key pair; a forgotten one is reset at the unlock
    screen with the recovery key."""
    if username.casefold() == actor.casefold():
        return ValidationError("user.cannot_reset_own_password")
    return None


def remove_refusal(actor: str, username: str) -> ValidationError | None:
    """Why `actor` may not remove `username`, or None; the Users dialog asks this before offering
    Remove user. Oneself is refused: another manager removes the account, so the clinic is never
    left with a session whose own key slot is gone."""
    if username.casefold() == actor.casefold():
        return ValidationError("user.cannot_remove_self")
    return None


def _user(row: tuple) -> User:
    return User(id=row[0], username=row[1], role=row[2], created_at=row[3], created_by=row[4], full_name=row[5], title=row[6], bar_number=row[7])


def clean_signature(**values: str | None) -> dict[str, str]:
    """The given signature fields, trimmed and checked; None means "leave as it is"."""
    out = {}
    for name, value in values.items():
        if value is None:
            continue
        value = " ".join(value.split())
        if len(value) > MAX_SIGNATURE_TEXT:
            raise ValidationError("user.signature_too_long", field=name, limit=MAX_SIGNATURE_TEXT)
        if name == "bar_number" and value and not _BAR_NUMBER.match(value):
            raise ValidationError("user.bad_bar_number")
        out[name] = value
    return out
