"""A session: one user's open vault with its services wired together.

Built by `clinic_app.lifecycle` from the `OpenVault` that `Vault.unlock/create/recover`
return. Each service is given the `ServiceContext` (database, user, audit) and the sibling
services it uses, nothing else; the session is only the place the UI and CLI find them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from clinic_app.audit import AuditLog
from clinic_app.roles import OwnOr, rule_of
from clinic_app.services.clients import ClientService
from clinic_app.services.context import OpenVaultView, ServiceContext
from clinic_app.services.da_offices import DaOfficeService
from clinic_app.services.documents import DocumentService
from clinic_app.services.matters import MatterService
from clinic_app.services.notes import NoteService
from clinic_app.services.profile_checks import ProfileChecks
from clinic_app.services.restricted import RestrictedService
from clinic_app.services.settings import SettingsService
from clinic_app.services.tasks import TaskService
from clinic_app.services.users import UserService
from clinic_app.vault import OpenVault

if TYPE_CHECKING:
    from clinic_app.backup.service import BackupService
    from clinic_app.bundles.service import BundleService
    from clinic_app.services.intake import IntakeService


class Session(OpenVaultView):
    def __init__(self, opened: OpenVault, ctx: ServiceContext | None = None):
        self.opened = opened
        self.ctx = ctx or ServiceContext(opened)

    def may(self, rule_or_operation, **arguments) -> bool:
        """Whether this user may run an operation (`session.may(BackupService.drill)`) or pass
        a rule (`session.may(MAY_PURGE)`); the UI asks this instead of restating the rule. A rule
        that depends on whose record it is (OwnOr) is asked for the record the arguments name
        (`session.may(UserService.set_signature, username="ana")`), else for someone else's."""
        rule = rule_of(rule_or_operation) or rule_or_operation
        if isinstance(rule, OwnOr) and rule.argument in arguments:
            rule = rule.applied(self.user.username, arguments[rule.argument])
        return self.ctx.may(rule)

    def require(self, rule_or_operation) -> None:
        """Refuse now what an operation would refuse when run (`session.require(session.backups.create)`),
        e.g. before prompting for a passphrase; the rule stays declared on the operation."""
        self.ctx.require(rule_of(rule_or_operation) or rule_or_operation)

    def as_system(self) -> Session:
        """The services acting as the app itself (see ServiceContext.as_system)."""
        return Session(self.opened, self.ctx.as_system())

    @property
    def audit(self) -> AuditLog:
        return self.ctx.audit

    def record(self, action: str, object_type: str = "", object_id: str = "", detail: str = "") -> None:
        self.ctx.record(action, object_type, object_id, detail)

    # -- services -------------------------------------------------------------------------

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self.ctx)

    @cached_property
    def users(self) -> UserService:
        return UserService(self.ctx)

    @cached_property
    def documents(self) -> DocumentService:
        return DocumentService(self.ctx)

    @cached_property
    def tasks(self) -> TaskService:
        return TaskService(self.ctx)

    @cached_property
    def notes(self) -> NoteService:
        return NoteService(self.ctx)

    @cached_property
    def matters(self) -> MatterService:
        return MatterService(self.ctx, self.documents)

    @cached_property
    def clients(self) -> ClientService:
        return ClientService(self.ctx, self.matters, self.tasks)

    @cached_property
    def restricted(self) -> RestrictedService:
        return RestrictedService(self.ctx, self.settings)

    @cached_property
    def intake(self) -> IntakeService:
        from clinic_app.services.intake import IntakeService  # late: the intake format brings msgspec

        return IntakeService(self.ctx, self.clients, self.matters, self.restricted)

    @cached_property
    def bundles(self) -> BundleService:
        from clinic_app.bundles.service import BundleService  # late: bundles bring msgspec, used by few

        return BundleService(self.ctx, self.settings, self.intake, self.clients, self.matters, self.tasks, self.notes)

    @cached_property
    def da_offices(self) -> DaOfficeService:
        return DaOfficeService(self.ctx)

    @cached_property
    def profile_checks(self) -> ProfileChecks:
        return ProfileChecks(self.ctx)

    @cached_property
    def packets(self):
        from clinic_app.packets.service import PacketService  # late: ReportLab takes ~1 s to import

        return PacketService(self.ctx, self.matters, self.da_offices, self.restricted, self.settings, self.users)

    @cached_property
    def backups(self) -> BackupService:
        from clinic_app.backup.service import BackupService  # late: most commands and unlocks need no backup code

        return BackupService(self.ctx, self.settings)

    # -- ending ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database, forget the key, let another process open the vault."""
        if not self.opened.is_open:
            return
        try:
            self.record("lock", "user", self.user.username)
            if self.opened.before_close is not None:
                self.opened.before_close(self.ctx)
        except Exception:  # locking must succeed even if the audit write cannot
            pass
        self.opened.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.lock()
