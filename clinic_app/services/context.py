"""What every service is given: the open vault, who is acting, and the audit log.

Services receive this (and the sibling services they use) from `clinic_app.session`;
they never reach back into the session that holds them.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from clinic_app.audit import AuditLog
from clinic_app.domain.models import User
from clinic_app.errors import PermissionDenied
from clinic_app.roles import Role, Rule, allows
from clinic_app.storage.database import Database
from clinic_app.vault import OpenVault, Vault


def _held_by_the_open_vault(name: str) -> property:
    """What the key slot gave at unlock lives on the `OpenVault`; read and set it there."""
    return property(lambda self: getattr(self.opened, name), lambda self, value: setattr(self.opened, name, value))


class OpenVaultView:
    """Read-only views of `self.opened` shared by the context and the session."""

    opened: OpenVault

    role_secrets = _held_by_the_open_vault("role_secrets")  # clinic_app.role_secrets
    grants = _held_by_the_open_vault("grants")  # clinic_app.grants: the signed user list as verified
    audit_problems = _held_by_the_open_vault("audit_problems")
    slot_payload = _held_by_the_open_vault("slot_payload")
    before_close = _held_by_the_open_vault("before_close")
    audit_signer = _held_by_the_open_vault("audit_signer")

    @property
    def db(self) -> Database:
        return self.opened.db

    @property
    def db_key(self) -> bytes:
        return self.opened.db_key

    @property
    def vault(self) -> Vault:
        """The vault folder's key slots (adding a user, rotating the key)."""
        return self.opened.vault

    @property
    def folder(self) -> Path:
        return self.opened.folder

    @property
    def is_open(self) -> bool:
        return self.opened.is_open

    def meta(self, key: str) -> str:
        row = self.db.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else ""

    @property
    def vault_id(self) -> str:
        """Read once when the vault was opened: a vault's id never changes."""
        return self.opened.vault_id

    @property
    def clinic_name(self) -> str:
        return self.meta("clinic_name")

    @property
    def user(self) -> User:
        return self.opened.user

    @property
    def role(self) -> Role:
        return Role(self.user.role)


class ServiceContext(OpenVaultView):
    def __init__(self, opened: OpenVault, system: bool = False):
        self.opened = opened
        self.system = system

    def replace_key(self, new_key: bytes) -> None:
        """After a key rotation: the open vault keeps the new key (backups read with it)."""
        self.opened.replace_key(new_key)

    # -- who is acting -----------------------------------------------------------------------

    def may(self, rule: Rule) -> bool:
        """Whether the actor passes `rule` (roles.py); the system actor passes every rule."""
        return self.system or allows(rule, self.role)

    def require(self, rule: Rule) -> None:
        """Raise PermissionDenied unless the actor passes `rule` (what `@operation` runs first)."""
        if not self.may(rule):
            raise PermissionDenied("permission.denied", role=self.role.value, permission=str(getattr(rule, "value", rule)))

    def as_system(self) -> ServiceContext:
        """The same open vault acting as the app itself: for what runs whoever is signed in
        (the retention purge at opening, the automatic backup on exit and its time stamp).
        The audit log still names the signed-in user; the entry's detail says it was automatic."""
        return ServiceContext(self.opened, system=True)

    # -- audit -------------------------------------------------------------------------------

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.db, signer_source=self.opened)

    def record(self, action: str, object_type: str = "", object_id: str = "", detail: str = "") -> None:
        self.audit.append(self.user.username, action, object_type, object_id, detail)
