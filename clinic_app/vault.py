"""A vault folder: the SQLCipher database, the key-slot file, the process lock.

`Vault.create/unlock/recover` return an `OpenVault`: the database, its key, the process
lock, who opened it and what their key slot holds. Nothing above that (services,
sessions) is built here; `clinic_app.lifecycle` builds the session and finishes the login
(`Vault.after_login`: signed user list, role secrets, audit anchor).

    vault.db            SQLCipher 4, random 256-bit raw key
    keyslots.json       the database key sealed once per user and once for the recovery key
    keyslots.copy.json  the second copy (crypto/keyslots.py: checksums, repair)
    keyslots.pending.json  a key rotation under way; unlock finishes it (`rotate_key`)
    vault.lock          held by the one process that has the vault open (so is vault.db itself)
    unlock-attempts.json  wrong-password counters (no names, no client data)
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from clinic_app import clock, grants, restore_swap, role_secrets
from clinic_app.audit import AuditLog
from clinic_app.crypto.envelope import SealError
from clinic_app.crypto.kdf import RECOVERY_PARAMS, KdfParams, derive_key, new_salt, params_for_new_slots
from clinic_app.crypto.keyslots import RECOVERY_SLOT_ID, KeySlot, KeySlotFile, Sealer, SlotStore, Unwrapped, user_slot_id
from clinic_app.domain.models import User
from clinic_app.faults import crash_point
from clinic_app.findings import Finding
from clinic_app.errors import (
    AuthenticationFailed,
    CorruptVault,
    GrantRefused,
    ThrottledError,
    ValidationError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
)
from clinic_app.paths import KEYSLOT_COPY_NAMES, VAULT_DB_NAME, vault_exists
from clinic_app.roles import Role
from clinic_app.storage import migrations
from clinic_app.storage.database import Damage, Database, check_not_truncated, connect_raw, integrity_damage
from clinic_app.storage.process_lock import ProcessLock
from clinic_app.unlock_throttle import ThrottlePolicy, UnlockThrottle

DB_NAME = VAULT_DB_NAME
SLOTS_NAME = KEYSLOT_COPY_NAMES[0]
PENDING_SLOTS_NAME = "keyslots.pending.json"
INHERITED_SLOTS_NAME = "keyslots.inherited.json"  # a restored backup's old slots (role secrets only)
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[\w.-]{2,40}$")


def new_recovery_key() -> str:
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii")  # 160 bits, 32 characters
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str) -> bytes:
    return "".join(ch for ch in text.upper() if ch.isalnum()).encode("ascii")


def recovery_slot(vault_id: str, recovery_key: str, db_key: bytes, generation: int, signer: bytes, seen_version: int) -> KeySlot:
    """The recovery key's slot (no secrets sealed yet): at creation, restore and `replace_recovery_slot`."""
    return KeySlot.create(
        vault_id, RECOVERY_SLOT_ID, "recovery", normalise_recovery_key(recovery_key), RECOVERY_PARAMS, db_key, generation,
        signer, seen_version,
    )


def initial_slots(
    vault_id: str, username: str, password: str, kdf: KdfParams, db_key: bytes, recovery_key: str, audit_since: int = 0
):
    """A new vault's key slots: its first manager and the recovery key, both holding and
    trusting a new clinic signing key, and the first signed user list (the manager signs audit
    entries after `audit_since`). Returns (file, seed)."""
    signing_seed = secrets.token_bytes(32)
    signer = grants.public_of_seed(signing_seed)
    clinic = Sealer(grants.CLINIC_SEALER, signing_key=grants.signing_key_from(signing_seed))
    slot_file = KeySlotFile(vault_id)
    admin = KeySlot.create(vault_id, user_slot_id(vault_id, username), "user", password.encode(), kdf, db_key, 1, signer, 1)
    recovery = recovery_slot(vault_id, recovery_key, db_key, 1, signer, 1)
    for slot in (admin, recovery):
        slot.seal_secret(vault_id, grants.SIGNING_SECRET, signing_seed, clinic)
        slot_file.upsert(slot)
    slot_file.roster = grants.first_roster(
        vault_id, signing_seed, admin, username, Role.MANAGER.value, recovery.public_key, audit_since
    )
    return slot_file, signing_seed


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("vault.password_too_short", minimum=MIN_PASSWORD_LENGTH)


def validate_username(username: str) -> None:
    if not _USERNAME.match(username or ""):
        raise ValidationError("user.bad_name")


@dataclass
class Login:
    """What the key slot gave at unlock, for `Vault.after_login` (then dropped)."""

    slot_id: str
    unwrapped: Unwrapped
    slot_file: KeySlotFile  # as read under the process lock (and written since by the unlock itself)
    recovery: Unwrapped | None = None  # during `recover`: the recovery slot's trust and secrets
    password: str | None = None  # opens a restored vault's inherited secrets
    waiting: tuple[str, ...] = ()  # during `recover`: secrets another holder's next login brings


def _removal_signed(pending: KeySlotFile, current: KeySlotFile, unwrapped: Unwrapped) -> bool:
    """Whether a pending removal is one a manager asked for: the signed user list it carries
    verifies as this unlock verifies lists (the signing key this slot trusts, no older than
    it has seen) and no longer names the users it removes. Anyone can write the file (the
    new database key is sealed with public keys only), and an unlock finishing it deletes
    the user rows and rekeys. Vaults older than signed lists have none to check."""
    trusted = unwrapped.trusted_signer
    if trusted is None:
        if current.roster is None:
            return True
        try:  # a slot that predates the list trusts its signer on first use, as grants.establish does
            trusted = grants.raw_public_of(current.roster)
        except (KeyError, TypeError, ValueError):
            return False
    roster, _reason = grants.read_roster(pending.roster, trusted, unwrapped.seen_version)
    return roster is not None and not any(slot_id in roster.grants for slot_id in pending.removing)


def check_recovery_slot_signed(state, slot_file: KeySlotFile) -> None:
    """A replaced recovery slot put back into the file opens with the old key: the signed list
    names the recovery slot's public key, so the old key is still a wrong one."""
    signed = state.roster.recovery_key if state.roster is not None else b""
    if signed and not state.recovery_slot_ok(slot_file):
        raise AuthenticationFailed("vault.wrong_recovery_key")


def _open_secrets(
    slot_file: KeySlotFile, slot: KeySlot | None, private_key: bytes, state, unvouched: dict[str, bytes] | None = None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """The secrets sealed to `slot` that `private_key` opens and someone entitled under `state`
    sealed (grants.sealed_by_entitled), and who sealed each (its envelope's `by`). Those it
    opens but whose sealer does not verify go to `unvouched` if given (see
    role_secrets.rescue_for_rotation)."""
    found, sealed_by = {}, {}
    for name in (slot.sealed_secrets if slot else {}):
        try:
            value = slot.open_secret(slot_file.vault_id, private_key, name, grants.sealed_by_entitled(state, name))
        except SealError:  # damaged, or planted by someone not entitled: a holder seals it again
            if unvouched is not None:
                try:
                    unvouched[name] = slot.open_secret(slot_file.vault_id, private_key, name)
                except SealError:
                    pass
            continue
        if value is not None:
            found[name], sealed_by[name] = value, slot.sealed_by(name)
    return found, sealed_by


class OpenVault:
    """An unlocked vault: its database, the database key, the process lock, the user who
    opened it and what their key slot holds (role secrets, the verified grants, the audit
    anchor). `close()` closes the database, wipes the keys and lets another process in."""

    def __init__(self, vault: "Vault", db: Database, db_key: bytes, username: str, process_lock: ProcessLock):
        self.vault = vault
        self._db: Database | None = db
        self._key = bytearray(db_key)
        self._process_lock = process_lock
        self.login: Login | None = None
        self.role_secrets: dict[str, bytes] = {}  # opened from this user's key slot (role_secrets.py)
        self.grants = None  # grants.GrantState: the signed user list as verified at unlock
        self.audit_problems: list[str] = []  # the audit log against this user's anchor (audit.py)
        self.slot_payload = None  # (slot id, keyslots.Unwrapped), to anchor the audit log at lock
        self.before_close = None  # vault.anchor_audit, called at lock with the database still open
        self.audit_signer = None  # this user's Ed25519 key for audit entries (grants.audit_signer)
        row = db.query_one("SELECT id, username, role, created_at, created_by FROM users WHERE username = ?", (username,))
        self.user = User(id=row[0], username=row[1], role=row[2], created_at=row[3], created_by=row[4])
        self.vault_id: str = db.query_one("SELECT value FROM meta WHERE key = 'vault_id'")[0]  # fixed for a vault's life

    @property
    def folder(self) -> Path:
        return self.vault.folder

    @property
    def db(self) -> Database:
        if self._db is None:
            raise VaultLocked("vault.locked")
        return self._db

    @property
    def db_key(self) -> bytes:
        if self._db is None:
            raise VaultLocked("vault.locked")
        return bytes(self._key)

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def replace_key(self, new_key: bytes) -> None:
        self._key[:] = new_key

    def close(self) -> None:
        if self._db is None:
            return
        self._db.close()
        self._db = None
        self.login = None
        self.role_secrets = {}
        self.slot_payload = None
        self.audit_signer = None
        for i in range(len(self._key)):
            self._key[i] = 0
        self._process_lock.release()

    def __enter__(self) -> "OpenVault":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Vault:
    def __init__(self, folder: str | os.PathLike, kdf: KdfParams | None = None, throttle: ThrottlePolicy | None = None):
        self.folder = Path(folder)
        self.kdf = kdf or params_for_new_slots()
        self.throttle = UnlockThrottle(self.folder, throttle or ThrottlePolicy())
        self.slot_store = SlotStore(self.folder)
        self.slot_repairs: list[Finding] = []  # damaged slot-file copies repaired at the last unlock
        self.restore_settled: Finding | None = None  # an interrupted "restore over this vault" settled here

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def slots_path(self) -> Path:
        return self.folder / SLOTS_NAME

    @property
    def pending_slots_path(self) -> Path:
        return self.folder / PENDING_SLOTS_NAME

    def exists(self) -> bool:
        self.settle_interrupted_restore()  # never "no vault here" while one waits under a side name
        return vault_exists(self.folder)

    def settle_interrupted_restore(self) -> Finding | None:
        """Finish or undo a "restore over this vault" a kill interrupted (`restore_swap`); what was
        done, kept in `restore_settled` for whoever says it (once: the marker is gone then)."""
        settled = restore_swap.settle(self.folder)
        if settled is not None:
            self.restore_settled = settled
        return settled

    # -- creating and opening -------------------------------------------------------------

    def create(self, admin_username: str, admin_password: str, clinic_name: str = "") -> tuple[OpenVault, str]:
        """Create a new vault with one manager. Returns (the open vault, recovery_key)."""
        validate_username(admin_username)
        check_new_password(admin_password)
        if self.exists() or self.db_path.exists() or self.slot_store.exists():
            raise VaultExists("vault.exists", path=str(self.folder))
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = ProcessLock(self.folder)
        lock.acquire()
        try:
            vault_id = str(uuid.uuid4())
            db_key = secrets.token_bytes(32)
            recovery_key = new_recovery_key()
            slot_file, signing_seed = initial_slots(vault_id, admin_username, admin_password, self.kdf, db_key, recovery_key)
            admin_slot = slot_file.find(user_slot_id(vault_id, admin_username))
            db = Database(self.db_path, db_key)
            self.db_path.chmod(0o600)
            lock.hold_database()
            migrations.migrate(db, db_key)
            now = clock.now_iso()
            with db.transaction() as conn:
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [
                        ("vault_id", vault_id),
                        ("clinic_name", clinic_name),
                        ("created_at", now),
                    ],
                )
                conn.execute(
                    "INSERT INTO users (id, username, role, slot_id, created_at, created_by) VALUES (?,?,?,?,?,?)",
                    (str(uuid.uuid4()), admin_username, Role.MANAGER.value, admin_slot.id, now, admin_username),
                )
                audit = AuditLog(db, signer=grants.user_signing_key(admin_slot.new_private_key))
                audit.append(admin_username, "vault.create", "vault", vault_id)
                audit.append(admin_username, "login", "user", admin_username)
            self.slot_store.save(slot_file)
        except BaseException:
            lock.release()
            raise
        opened = OpenVault(self, db, db_key, admin_username, lock)
        opened.role_secrets[grants.SIGNING_SECRET] = signing_seed
        opened.audit_signer = grants.user_signing_key(admin_slot.new_private_key)
        opened.grants = grants.establish(slot_file, grants.users_rows(db), grants.public_of_seed(signing_seed), 1)
        return opened, recovery_key

    def _require_vault(self) -> None:
        if not self.exists():
            raise VaultNotFound("vault.not_found", path=str(self.folder))

    def _load_slots(self) -> KeySlotFile:
        self._require_vault()
        return self.slot_store.load()

    def _lock_and_repair(self) -> tuple[ProcessLock, KeySlotFile]:
        """Take the process lock, then read both slot-file copies and rewrite a damaged or
        old-format one. Returns the lock and the slot file read under it: the one an unlock
        unwraps, opens the database with and shares from, so no other process can have
        changed it in between (a key rotation, a removed user)."""
        self._require_vault()
        lock = ProcessLock(self.folder)
        lock.acquire()
        try:
            slot_file, self.slot_repairs = self.slot_store.repair()
        except BaseException:
            lock.release()
            raise
        return lock, slot_file

    def _pending_rotation(self, current: KeySlotFile, unwrapped: Unwrapped) -> KeySlotFile | None:
        """A rotation that did not finish and that a manager asked for; a leftover of one that
        did is deleted."""
        try:
            pending = KeySlotFile.load(self.pending_slots_path)
        except CorruptVault:  # absent, or damaged before its rekey could start: nothing to finish
            self.pending_slots_path.unlink(missing_ok=True)
            return None
        if pending.generation <= current.generation:  # both copies already carry it
            self.pending_slots_path.unlink(missing_ok=True)
            return None
        if not _removal_signed(pending, current, unwrapped):
            return None  # kept, not finished: it may hold the only key of a database someone rekeyed
        return pending

    def _open_database(self, slot_file: KeySlotFile, slot_id: str, unwrapped: Unwrapped) -> tuple[Database, bytes, KeySlotFile]:
        """Open with the current slot file; finish or discard an interrupted key rotation.
        Returns the database, its key and the slot file now on disk (the finished rotation's).

        The key came out of an authenticated slot, so a database it does not open is damaged.
        """
        check_not_truncated(self.db_path)
        private_key = unwrapped.private_key
        pending = self._pending_rotation(slot_file, unwrapped)
        candidates = [slot_file] + ([pending] if pending else [])
        for candidate in candidates:
            slot = candidate.find(slot_id)
            if slot is None:
                continue
            try:
                db_key = slot.open_db_key(candidate.vault_id, private_key, candidate.generation)
                db = Database(self.db_path, db_key)
            except (SealError, AuthenticationFailed):
                continue
            if pending is not None:  # roll the interrupted rotation forward, never back
                try:
                    db_key = self._finish_rotation(db, db_key, pending, slot_id, private_key)
                except BaseException:
                    db.close()
                    raise
            if migrations.current_version(db) == 0:  # opened, but holds no schema: emptied
                db.close()
                raise CorruptVault("vault.damaged")
            return db, db_key, (slot_file if pending is None else pending)
        raise CorruptVault("vault.damaged")

    def unlock(self, username: str, password: str) -> OpenVault:
        """Open the vault as `username`. Raises AuthenticationFailed (or ThrottledError)."""
        lock, slot_file = self._lock_and_repair()
        try:
            slot_id, unwrapped = self._unwrap_user_slot(slot_file, username, password)
            db, db_key, slot_file = self._open_database(slot_file, slot_id, unwrapped)
            opened = self._opened(db, db_key, slot_id, lock, grants.user_signing_key(unwrapped.private_key))
        except BaseException:
            lock.release()
            raise
        opened.login = Login(slot_id, unwrapped, slot_file, password=password)
        return opened

    def after_login(self, session, login: Login) -> None:
        """Verify the signed user list (grants.py), open the role secrets sealed to this slot,
        then share and rotate them (role_secrets.py). `session` is the new session's service
        context; lifecycle.start_session calls this and closes the vault if it raises.

        During `recover`, the recovery slot's trust and secrets are used as well: its secrets
        are shared with entitled users but kept by the session only if its user is entitled.
        """
        slot_id, unwrapped, recovery, password = login.slot_id, login.unwrapped, login.recovery, login.password
        slot_file = login.slot_file
        trusted = unwrapped.trusted_signer or (recovery.trusted_signer if recovery else None)
        seen = max(unwrapped.seen_version, recovery.seen_version if recovery else 0)
        session.grants = grants.newer_list_in_log(grants.establish(slot_file, grants.users_rows(session.db), trusted, seen), session.db)
        if not session.grants.legacy and slot_id not in session.grants.verified:
            raise GrantRefused("grants.refused")
        session.slot_payload = (slot_id, unwrapped)
        session.audit_signer = grants.audit_signer(session.grants, slot_id, unwrapped.private_key)
        opened = [(slot_id, unwrapped.private_key)] + ([(RECOVERY_SLOT_ID, recovery.private_key)] if recovery else [])
        sealed_by, unvouched = {}, {}
        for opened_id, private_key in opened:
            slot = slot_file.find(opened_id)
            found, by = _open_secrets(slot_file, slot, private_key, session.grants, unvouched if opened_id == slot_id else None)
            session.role_secrets.update(found)
            sealed_by.update(by)
        if password is not None:
            self._open_inherited_secrets(session, password)
        if refused := role_secrets.refused_copies(session.db, session.role_secrets, sealed_by):
            self._refuse_copies(session, slot_id, refused)
        role_secrets.rescue_for_rotation(session, unvouched)
        for name in login.waiting:
            session.grants.problems.append(role_secrets.waiting_after_reset(name))
        if session.grants.legacy and session.role is Role.MANAGER:
            grants.bootstrap(session)
            slot_file = self.slot_store.load()  # bootstrap signed it and rewrote it
        if grants.date_grants(session):
            slot_file = self.slot_store.load()  # signed again, dated
        role_secrets.reconcile(session, slot_file)
        session.role_secrets = {
            name: value for name, value in session.role_secrets.items() if role_secrets.entitled(session.role, name)
        }
        self.remember_trust(slot_id, unwrapped, session.grants)
        session.audit_problems = session.audit.check_anchor(unwrapped.audit_seq, unwrapped.audit_hash)
        newest = session.audit.signatures(after=unwrapped.audit_seq, newest=grants.CHECKED_AT_LOGIN)
        session.audit_problems += grants.audit_signature_report(session.grants, newest)[0]
        session.audit_problems += grants.entries_of_absent_accounts(session.grants, session.db, newest)
        if session.audit_problems:
            session.record("audit.tampering", "vault", "", "; ".join(session.audit_problems))
        session.before_close = self.anchor_audit

    def _sign_recovered_slot(self, db: Database, slot_file: KeySlotFile, recovery: Unwrapped, user_slot: KeySlot, username: str) -> tuple[str, ...]:
        """A reset password makes a new slot (a new public key): the recovery slot holds the
        clinic signing key, so it signs the user list again, for a grant that verified; what
        the recovery slot holds is sealed with the new key pair where the old one had sealed it
        (`role_secrets.carry_over`: raises before anything is written if a secret would be
        lost). Returns the secrets that reach the user only at another holder's next login."""
        state = grants.establish(slot_file, grants.users_rows(db), recovery.trusted_signer, recovery.seen_version)
        check_recovery_slot_signed(state, slot_file)
        held = self.recovery_secrets(db, slot_file, recovery, state)  # checked under the list before the reset
        grant = state.verified.get(user_slot.id)
        if not state.legacy and (grant is None or grants.SIGNING_SECRET not in held):
            raise GrantRefused("grants.refused")
        role = Role(grant.role if grant else db.query_one("SELECT role FROM users WHERE slot_id = ?", (user_slot.id,))[0])
        waiting = role_secrets.carry_over(slot_file, user_slot, role, username, held, state)
        if not state.legacy:
            head = AuditLog(db).head_seq()
            slot_file.roster = grants.changed_roster(
                state.roster, grants.signing_key_from(held[grants.SIGNING_SECRET]),
                put=grants.grant_for_new_slot(user_slot, grant.username, grant.role, head), head=head,
            )
        return waiting

    @staticmethod
    def recovery_secrets(db: Database, slot_file: KeySlotFile, recovery: Unwrapped, state) -> dict[str, bytes]:
        """What the recovery slot holds that its key opens and someone entitled sealed, checked
        against `state` (the user list before any reset changes it), less copies refused."""
        found, sealed_by = _open_secrets(slot_file, slot_file.find(RECOVERY_SLOT_ID), recovery.private_key, state)
        for entry in role_secrets.refused_copies(db, found, sealed_by):
            found.pop(entry)
        return found

    def _refuse_copies(self, session, slot_id: str, entries: list[str]) -> None:
        """Copies opened at unlock that are not the vault's current key (`refused_copies`): not
        used, told, and taken out of this user's slot so a holder seals the current one again."""
        for entry in entries:
            session.role_secrets.pop(entry, None)
        slot_file = self.slot_store.load()
        slot = slot_file.find(slot_id)
        if slot is not None and [entry for entry in entries if slot.sealed_secrets.pop(entry, None) is not None]:
            self.slot_store.save(slot_file)
        finding = role_secrets.copies_refused(entries)
        session.grants.problems.append(finding)
        session.record(role_secrets.COPY_REFUSED, "user", session.user.username, finding.params["secret"])

    def _open_inherited_secrets(self, session, password: str) -> None:
        """After a restore: role secrets this user held in the backed-up vault, opened with
        the same user name and password, so data under them (restricted values) stays readable."""
        path = self.folder / INHERITED_SLOTS_NAME
        if not path.exists():
            return
        try:
            old = KeySlotFile.load(path)
        except CorruptVault:  # told, not passed over: restricted values may stay closed to this attorney
            session.grants.problems.append(grants.inherited_damaged(INHERITED_SLOTS_NAME))
            return
        slot = old.find(user_slot_id(old.vault_id, session.user.username))
        wanted = [
            n for n in (slot.sealed_secrets if slot else {})
            if role_secrets.inheritable(session.role, n) and n not in session.role_secrets
        ]
        if not wanted:
            return
        try:
            unwrapped = slot.unwrap(old.vault_id, password.encode())
        except SealError:
            return  # another password now: a holder who has it shares it at their next login
        state = grants.inherited_state(old, unwrapped)
        for name in wanted:
            try:
                check = grants.sealed_by_entitled(state, name)
                session.role_secrets[name] = slot.open_secret(old.vault_id, unwrapped.private_key, name, check)
            except SealError:  # planted by someone not entitled (or damaged): never opened
                session.grants.problems.append(grants.inherited_refused(name))
                session.record(grants.INHERITED_REFUSED, "user", session.user.username, name)

    def unbacked_pending_rotation(self, unwrapped: Unwrapped) -> Finding | None:
        """For `vault check`: a pending removal an unlock leaves unfinished because no signed list
        backs it (`_pending_rotation`): after the checker's own unlock, a genuine one is done."""
        try:
            pending = KeySlotFile.load(self.pending_slots_path)
        except CorruptVault:
            return None
        current = self.slot_store.load()
        if pending.generation <= current.generation or _removal_signed(pending, current, unwrapped):
            return None
        return grants.pending_unsigned(", ".join(sorted(map(str, pending.removing.values()))) or "—")

    def inherited_slots_damaged(self) -> Finding | None:
        """For `vault check`: the restored vault's kept key-slot file, if it is there and does not parse."""
        path = self.folder / INHERITED_SLOTS_NAME
        try:
            if path.exists():
                KeySlotFile.load(path)
        except CorruptVault:
            return grants.inherited_damaged(INHERITED_SLOTS_NAME)
        return None

    def remember_trust(self, slot_id: str, unwrapped: Unwrapped, state) -> None:
        """Keep, under this user's password, the signing key trusted and the newest list seen."""
        newest = state.roster.version if state.roster else 0
        if state.trusted == unwrapped.trusted_signer and newest <= unwrapped.seen_version:
            return
        unwrapped.trusted_signer, unwrapped.seen_version = state.trusted, max(newest, unwrapped.seen_version)
        self._store_payload(slot_id, unwrapped)

    def _store_payload(self, slot_id: str, unwrapped: Unwrapped) -> None:
        slot_file = self.slot_store.load()
        slot = slot_file.find(slot_id)
        if slot is not None:
            slot.store_payload(slot_file.vault_id, unwrapped)
            self.slot_store.save(slot_file)

    def anchor_audit(self, session) -> None:
        """At every lock: the audit log's head and length, under this user's password, so a
        key holder who cuts or rewrites the log is caught at this user's next login."""
        anchored = getattr(session, "slot_payload", None)
        if anchored is None or session.audit_problems:  # never move an anchor past tampering
            return
        slot_id, unwrapped = anchored
        head = session.audit.head()
        if head is not None and (unwrapped.audit_seq, unwrapped.audit_hash) != head:
            unwrapped.audit_seq, unwrapped.audit_hash = head
            self._store_payload(slot_id, unwrapped)

    def _unwrap_user_slot(self, slot_file: KeySlotFile, username: str, password: str) -> tuple[str, Unwrapped]:
        """The user's slot id and its payload. Refused before the key derivation while the
        throttle says wait; a wrong password (or no such user) counts as a failure."""
        slot_id = user_slot_id(slot_file.vault_id, username)
        wait = self.throttle.wait_needed(slot_id)
        if wait > 0:
            raise ThrottledError("vault.too_many_wrong_passwords", retry_after=wait)
        slot = slot_file.find(slot_id)
        try:
            if slot is None:
                derive_key(password.encode(), new_salt(), self.kdf)  # same cost as a real slot
                raise SealError("no such slot")
            return slot_id, slot.unwrap(slot_file.vault_id, password.encode())
        except SealError as exc:
            self.throttle.record_failure(slot_id)
            raise AuthenticationFailed("vault.wrong_login") from exc

    def damage_report(self, username: str, password: str) -> list[Damage]:
        """Integrity problems of a database too damaged to open a session on (`vault check`), as
        codes with parameters: the caller words them (`damage_line`).

        Needs a valid password like any command; reads only, with the process lock held.
        """
        lock, slot_file = self._lock_and_repair()
        try:
            slot_id, unwrapped = self._unwrap_user_slot(slot_file, username, password)
            private_key = unwrapped.private_key
            size = self.db_path.stat().st_size
            try:
                check_not_truncated(self.db_path)
            except CorruptVault:
                return [Damage("cut_short", {"size": size})]
            reports = []
            pending = self._pending_rotation(slot_file, unwrapped)
            for candidate in [slot_file] + ([pending] if pending else []):
                slot = candidate.find(slot_id)
                if slot is None:
                    continue
                conn = connect_raw(self.db_path, slot.open_db_key(candidate.vault_id, private_key, candidate.generation))
                try:
                    reports.append(integrity_damage(conn))
                finally:
                    conn.close()
            return min(reports, key=len) if reports else [Damage("no_key_slot_opens", {})]
        finally:
            lock.release()

    def _opened(self, db: Database, db_key: bytes, slot_id: str, lock: ProcessLock, signer) -> OpenVault:
        """Bring the schema up to date, log the login (signed with the user's key, `signer`),
        hand over the open vault."""
        try:
            migrations.migrate(db, db_key)
            row = db.query_one("SELECT username FROM users WHERE slot_id = ?", (slot_id,))
            if row is None:  # a removed user's slot that survived in an old copy of the file
                raise AuthenticationFailed("vault.wrong_login")
            username = row[0]
            audit = AuditLog(db, signer=signer)
            with db.transaction():
                failures = self.throttle.clear(slot_id)
                if failures:
                    audit.append(username, "login.failed", "user", username, f"wrong passwords before this login: {failures}")
                audit.append(username, "login", "user", username)
                for repair in self.slot_repairs:
                    audit.append(username, "keyslots.repaired", "vault", "", repair)
            return OpenVault(self, db, db_key, username, lock)
        except BaseException:
            db.close()
            raise

    def recover(self, recovery_key: str, username: str, new_password: str) -> OpenVault:
        """Reset `username`'s password with the recovery key; returns the vault open as that user."""
        check_new_password(new_password)
        wait = self.throttle.wait_needed(RECOVERY_SLOT_ID)
        if wait > 0:
            raise ThrottledError("vault.too_many_wrong_recovery_keys", retry_after=wait)
        lock, slot_file = self._lock_and_repair()
        try:
            slot = slot_file.find(RECOVERY_SLOT_ID)
            try:
                if slot is None:
                    raise SealError("no recovery slot")
                recovery = slot.unwrap(slot_file.vault_id, normalise_recovery_key(recovery_key))
                private_key = recovery.private_key
            except SealError as exc:
                self.throttle.record_failure(RECOVERY_SLOT_ID)
                raise AuthenticationFailed("vault.wrong_recovery_key") from exc
            self.throttle.clear(RECOVERY_SLOT_ID)
            db, db_key, slot_file = self._open_database(slot_file, RECOVERY_SLOT_ID, recovery)
            slot_id = user_slot_id(slot_file.vault_id, username)
            if db.query_one("SELECT 1 FROM users WHERE slot_id = ?", (slot_id,)) is None:
                db.close()
                raise AuthenticationFailed("vault.no_such_user", username=username)
            user_slot = KeySlot.create(
                slot_file.vault_id, slot_id, "user", new_password.encode(), self.kdf, db_key, slot_file.generation,
                recovery.trusted_signer, recovery.seen_version,
            )
            try:
                waiting = self._sign_recovered_slot(db, slot_file, recovery, user_slot, username)
            except BaseException:
                db.close()
                raise
            slot_file.upsert(user_slot)
            self.slot_store.save(slot_file)
            unwrapped = user_slot.unwrap(slot_file.vault_id, new_password.encode())
            signer = grants.user_signing_key(unwrapped.private_key)
            AuditLog(db, signer=signer).append(username, "recovery.password_reset", "user", username)
            opened = self._opened(db, db_key, slot_id, lock, signer)
        except BaseException:
            lock.release()
            raise
        opened.login = Login(slot_id, unwrapped, slot_file, recovery, waiting=waiting)
        return opened

    # -- key-slot changes made from an open session -----------------------------------------

    def check_recovery_key(self, recovery_key: str) -> Unwrapped:
        """What the recovery slot's payload holds; raises unless `recovery_key` opens it
        (wrong keys are throttled)."""
        slot_file = self._load_slots()
        wait = self.throttle.wait_needed(RECOVERY_SLOT_ID)
        if wait > 0:
            raise ThrottledError("vault.too_many_wrong_recovery_keys", retry_after=wait)
        slot = slot_file.find(RECOVERY_SLOT_ID)
        try:
            if slot is None:
                raise SealError("no recovery slot")
            unwrapped = slot.unwrap(slot_file.vault_id, normalise_recovery_key(recovery_key))
        except SealError as exc:
            self.throttle.record_failure(RECOVERY_SLOT_ID)
            raise AuthenticationFailed("vault.wrong_recovery_key") from exc
        self.throttle.clear(RECOVERY_SLOT_ID)
        return unwrapped


    def add_slot(self, db_key: bytes, username: str, password: str, grants, sign, carry=None) -> tuple[str, dict]:
        """A slot for `username` that trusts what the acting session trusts (`grants`, a
        GrantState), and the user list `sign(slot)` signs for it, saved together in one write;
        `carry(slot_file, slot)` seals secrets into them first (a reset password).
        Returns (slot id, the signed list)."""
        check_new_password(password)
        slot_file = self._load_slots()
        slot_id = user_slot_id(slot_file.vault_id, username)
        seen = (grants.roster.version + 1) if grants.roster else 0
        slot = KeySlot.create(
            slot_file.vault_id, slot_id, "user", password.encode(), self.kdf, db_key, slot_file.generation, grants.trusted, seen
        )
        if carry is not None:
            carry(slot_file, slot)
        slot_file.upsert(slot)
        slot_file.roster = sign(slot)
        self.slot_store.save(slot_file)
        return slot_id, slot_file.roster

    def replace_recovery_slot(self, db_key: bytes, recovery_key: str, grants, seal, sign) -> dict:
        """A new recovery slot for `recovery_key` in place of the old one (whose key then opens
        nothing), trusting what the acting session trusts (`grants`); `seal(slot)` seals its
        secrets and `sign(slot)` signs the user list naming it, all saved in one write (both
        copies, `SlotStore.save`). Returns the signed list."""
        slot_file = self._load_slots()
        seen = (grants.roster.version + 1) if grants.roster else 0
        slot = recovery_slot(slot_file.vault_id, recovery_key, db_key, slot_file.generation, grants.trusted, seen)
        seal(slot)
        slot_file.upsert(slot)
        slot_file.roster = sign(slot)
        self.slot_store.save(slot_file)
        return slot_file.roster

    def save_roster(self, roster: dict) -> None:
        slot_file = self._load_slots()
        slot_file.roster = roster
        self.slot_store.save(slot_file)

    def change_password(self, username: str, old_password: str, new_password: str) -> Unwrapped:
        """Returns the slot's content under the new password (an open session keeps it)."""
        check_new_password(new_password)
        slot_file = self._load_slots()
        slot = slot_file.find(user_slot_id(slot_file.vault_id, username))
        if slot is None:
            raise AuthenticationFailed("vault.wrong_login")
        try:
            old = slot.unwrap(slot_file.vault_id, old_password.encode())
        except SealError as exc:
            raise AuthenticationFailed("vault.wrong_current_password") from exc
        content = slot.rewrap_content(slot_file.vault_id, old, new_password.encode(), self.kdf)
        self.slot_store.save(slot_file)
        return content

    def rotate_key(
        self, db: Database, removing: dict[str, str], actor: str, roster: dict | None = None, signer=None
    ) -> bytes:
        """Remove users ({slot id: user name}) and rotate the database key; returns the new key.

        One roll-forward sequence, so no crash leaves a removed user's slot working while the
        app says they are gone: (1) `keyslots.pending.json` records the intent and the new key
        sealed for every remaining slot; (2) rekey and checkpoint, so no page under the old key is left
        in the main file; (3) delete the user rows and audit, in one transaction; (4) both slot copies; (5) delete the pending file. The rows go only after
        the rekey; any unlock that finds the pending file finishes (2)-(5).
        """
        slot_file = self._load_slots()
        for slot_id in removing:
            slot_file.remove(slot_id)
        new_key = secrets.token_bytes(32)
        slot_file.generation += 1
        for slot in slot_file.slots:
            slot.reseal(slot_file.vault_id, new_key, slot_file.generation)
        slot_file.removing, slot_file.removing_by = dict(removing), actor
        if roster is not None:  # the signed user list without them, written by the roll-forward
            slot_file.roster = roster
        slot_file.save(self.pending_slots_path)
        crash_point("rotation.pending_written")
        db.rekey(new_key)
        crash_point("rotation.rekeyed")
        self._complete_rotation(db, slot_file, actor, signer)
        return new_key

    def _finish_rotation(self, db: Database, db_key: bytes, pending: KeySlotFile, slot_id: str, private_key: bytes) -> bytes:
        """At unlock: finish an interrupted rotation from wherever it stopped; the new key."""
        slot = pending.find(slot_id)
        if slot is None:  # this is a user being removed: they take no further part
            raise AuthenticationFailed("vault.wrong_login")
        new_key = slot.open_db_key(pending.vault_id, private_key, pending.generation)
        if new_key != db_key:  # the rekey had not happened yet
            db.rekey(new_key)
            crash_point("rotation.rekeyed")
        finisher = db.query_one("SELECT username FROM users WHERE slot_id = ?", (slot_id,))  # none for the recovery key
        actor = finisher[0] if finisher else RECOVERY_SLOT_ID
        self._complete_rotation(db, pending, actor, grants.user_signing_key(private_key) if finisher else None)
        return new_key

    def _complete_rotation(self, db: Database, pending: KeySlotFile, actor: str, signer) -> None:
        """Steps (3)-(5) of `rotate_key`; each is safe to repeat. The entries are `actor`'s,
        signed by them: whoever finishes a removal another user started says so."""
        # The rekeyed pages sit in the WAL until checkpointed; until then the main file still
        # opens with the old key once the WAL is deleted. Rows go only after this.
        db.checkpoint()
        crash_point("rotation.checkpointed")
        finishing = "" if actor == pending.removing_by else f"; finishing what {pending.removing_by} started"
        with db.transaction() as conn:
            audit = AuditLog(db, signer=signer)
            for slot_id, username in sorted(pending.removing.items(), key=lambda item: item[1]):
                if conn.execute("DELETE FROM users WHERE slot_id = ?", (slot_id,)).rowcount:
                    audit.append(actor, "user.remove", "user", username, finishing.removeprefix("; "))
            audit.append(actor, "vault.key_rotated", "vault", pending.vault_id, "after removing a user" + finishing)
        crash_point("rotation.rows_removed")
        pending.removing, pending.removing_by = {}, ""
        self.slot_store.save(pending)
        crash_point("rotation.slots_replaced")
        self.pending_slots_path.unlink(missing_ok=True)

    def weak_slots(self) -> int:
        return sum(1 for s in self._load_slots().slots if s.kdf.is_weak)

