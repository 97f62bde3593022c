"""An unlocked vault as one user. Every service hangs off it and checks the user's role."""

from __future__ import annotations

from functools import cached_property

from clinic_app.audit import AuditLog
from clinic_app.domain.models import User
from clinic_app.errors import PermissionDenied, VaultLocked
from clinic_app.roles import Permission, Role, can
from clinic_app.storage.database import Database
from clinic_app.storage.process_lock import ProcessLock


class Session:
    def __init__(self, vault, db: Database, db_key: bytes, username: str, process_lock: ProcessLock):
        self.vault = vault
        self._db: Database | None = db
        self._key = bytearray(db_key)
        self._process_lock = process_lock
        self.role_secrets: dict[str, bytes] = {}  # opened from this user's key slot (role_secrets.py)
        self.grants = None  # grants.GrantState: the signed user list as verified at unlock
        self.audit_problems: list[str] = []  # the audit log against this user's anchor (audit.py)
        self.slot_payload = None  # (slot id, keyslots.Unwrapped), to anchor the audit log at lock
        self.before_close = None  # vault.anchor_audit, called at lock with the database still open
        row = db.query_one("SELECT id, username, role, created_at, created_by FROM users WHERE username = ?", (username,))
        self.user = User(id=row[0], username=row[1], role=row[2], created_at=row[3], created_by=row[4])
        self.restricted.purge_due(system=True)  # retention runs at every unlock, whoever logs in

    # -- state --------------------------------------------------------------------------

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

    @property
    def role(self) -> Role:
        return Role(self.user.role)

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied("permission.denied", role=self.role.value, permission=permission.value)

    def meta(self, key: str) -> str:
        row = self.db.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else ""

    @property
    def vault_id(self) -> str:
        return self.meta("vault_id")

    @property
    def clinic_name(self) -> str:
        return self.meta("clinic_name")

    def replace_key(self, new_key: bytes) -> None:
        self._key[:] = new_key

    # -- audit ----------------------------------------------------------------------------

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.db)

    def record(self, action: str, object_type: str = "", object_id: str = "", detail: str = "") -> None:
        self.audit.append(self.user.username, action, object_type, object_id, detail)

    # -- services -------------------------------------------------------------------------

    @cached_property
    def clients(self):
        from clinic_app.services.clients import ClientService

        return ClientService(self)

    @cached_property
    def matters(self):
        from clinic_app.services.matters import MatterService

        return MatterService(self)

    @cached_property
    def documents(self):
        from clinic_app.services.documents import DocumentService

        return DocumentService(self)

    @cached_property
    def tasks(self):
        from clinic_app.services.tasks import TaskService

        return TaskService(self)

    @cached_property
    def notes(self):
        from clinic_app.services.notes import NoteService

        return NoteService(self)

    @cached_property
    def intake(self):
        from clinic_app.services.intake import IntakeService

        return IntakeService(self)

    @cached_property
    def bundles(self):
        from clinic_app.bundles.service import BundleService

        return BundleService(self)

    @cached_property
    def users(self):
        from clinic_app.services.users import UserService

        return UserService(self)

    @cached_property
    def settings(self):
        from clinic_app.services.settings import SettingsService

        return SettingsService(self)

    @cached_property
    def backups(self):
        from clinic_app.backup.service import BackupService

        return BackupService(self)

    @cached_property
    def restricted(self):
        from clinic_app.services.restricted import RestrictedService

        return RestrictedService(self)

    def accept_restricted_import(self, matter_import) -> tuple[list[str], list[str]]:
        """Called by the intake importer: store restricted keys a purpose allows, drop the rest."""
        return self.restricted.accept_import(matter_import)

    @cached_property
    def da_offices(self):
        from clinic_app.services.da_offices import DaOfficeService

        return DaOfficeService(self)

    @cached_property
    def packets(self):
        from clinic_app.packets.service import PacketService

        return PacketService(self)

    # -- ending ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database, forget the key, let another process open the vault."""
        if self._db is None:
            return
        try:
            self.record("lock", "user", self.user.username)
            if self.before_close is not None:
                self.before_close(self)
        except Exception:  # locking must succeed even if the audit write cannot
            pass
        self._db.close()
        self._db = None
        self.role_secrets = {}
        self.slot_payload = None
        for i in range(len(self._key)):
            self._key[i] = 0
        self._process_lock.release()

    close = lock

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.lock()
