"""Roles, what each may do, and how a core operation declares who may run it.

Every public method of a service states its rule once, with `@operation(...)`:

    @operation(Permission.CLIENT_WRITE)          # a permission from the matrix below
    @operation(AnyOf(Permission.A, Permission.B))  # either will do
    @operation(AllOf(Permission.A, Permission.B))  # both are needed
    @operation(SIGNED_IN)                         # any signed-in user
    @operation(NO_SESSION)                        # a pure helper: reads nothing from the vault
    @operation(OwnOr(Permission.USER_MANAGE))     # on one's own user record, or with the permission

The decorator checks the rule before the method body runs, so a refusal never depends on
the arguments, except for an `OwnOr` rule, which reads the one argument it names (the user
the operation acts on) and nothing else.
tests/core/test_operation_roles.py calls every operation as every role. The same decorator
declares lifecycle steps that take a session as their first argument
(`restore_over_this_vault`).
What the app does by itself, whoever is signed in (the retention purge at opening, the
automatic backup on exit), runs as the system actor, `session.as_system()`, which passes
every rule; no role can become it.
Compound rules the UI asks about (`MAY_PURGE`, `MAY_SEE_RESTRICTED`) are defined here once
and used by both the operations and `Session.may(...)`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar


class Role(str, Enum):
    PARALEGAL = "paralegal"
    ATTORNEY = "attorney"
    MANAGER = "manager"


class Permission(str, Enum):
    CLIENT_READ = "client.read"
    CLIENT_WRITE = "client.write"
    CLIENT_DELETE = "client.delete"
    INTAKE_IMPORT = "intake.import"
    INTAKE_EXPORT = "intake.export"  # data leaving the machine
    PACKET_CHECK = "packet.check"
    PACKET_BUILD = "packet.build"
    RESTRICTED_ACCESS = "restricted.access"  # immigration facts, attorney work product
    PRIVACY_REPORT = "privacy.report"
    PRIVACY_PURGE = "privacy.purge"
    USER_MANAGE = "user.manage"
    SETTINGS_MANAGE = "settings.manage"
    BACKUP = "backup"
    AUDIT_READ = "audit.read"
    BUNDLE_SEND = "bundle.send"  # seal own intakes for the clinic (and remove them here)
    BUNDLE_RECEIVE = "bundle.receive"  # hold the clinic key, open and import bundles


_EVERYONE = {
    Permission.CLIENT_READ,
    Permission.CLIENT_WRITE,
    Permission.INTAKE_IMPORT,
    Permission.PACKET_CHECK,
    Permission.BUNDLE_SEND,
}

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PARALEGAL: frozenset(_EVERYONE),
    Role.ATTORNEY: frozenset(
        _EVERYONE
        | {
            Permission.CLIENT_DELETE,
            Permission.INTAKE_EXPORT,
            Permission.PACKET_BUILD,
            Permission.RESTRICTED_ACCESS,
            Permission.PRIVACY_REPORT,
            Permission.AUDIT_READ,
            Permission.BUNDLE_RECEIVE,
        }
    ),
    Role.MANAGER: frozenset(
        _EVERYONE
        | {
            Permission.CLIENT_DELETE,
            Permission.INTAKE_EXPORT,
            Permission.PACKET_BUILD,
            Permission.PRIVACY_REPORT,
            Permission.PRIVACY_PURGE,
            Permission.USER_MANAGE,
            Permission.SETTINGS_MANAGE,
            Permission.BACKUP,
            Permission.AUDIT_READ,
            Permission.BUNDLE_RECEIVE,
        }
    ),
}


def can(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[Role(role)]


# -- rules ------------------------------------------------------------------------------------


@dataclass(frozen=True, init=False)
class Several:
    """Several permissions, of which a role needs any (`AnyOf`) or all (`AllOf`)."""

    permissions: tuple[Permission, ...]
    quantifier: ClassVar[Callable[[Iterable[bool]], bool]]
    joiner: ClassVar[str]

    def __init__(self, *permissions: Permission):
        object.__setattr__(self, "permissions", tuple(permissions))

    def allows(self, role: Role) -> bool:
        return type(self).quantifier(can(role, p) for p in self.permissions)

    def __str__(self) -> str:
        return self.joiner.join(p.value for p in self.permissions)


class AnyOf(Several):
    quantifier = any
    joiner = " or "


class AllOf(Several):
    quantifier = all
    joiner = " and "


@dataclass(frozen=True)
class Named:
    """A rule without a permission: every signed-in user, or a pure helper."""

    name: str

    def allows(self, role: Role) -> bool:
        return True

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class OwnOr:
    """Anyone on their own user record (the operation's argument `argument` names it);
    on anyone else's, only a role with `permission`."""

    permission: Permission
    argument: str = "username"

    def allows(self, role: Role) -> bool:  # on someone else's record: the stricter answer
        return can(role, self.permission)

    def applied(self, actor: str, subject: object) -> Rule:
        """The plain rule for one call: SIGNED_IN on the actor's own record, else the permission."""
        own = isinstance(subject, str) and subject.casefold() == actor.casefold()
        return SIGNED_IN if own else self.permission

    def __str__(self) -> str:
        return f"own {self.argument}, or {self.permission.value}"


SIGNED_IN = Named("signed in")
NO_SESSION = Named("no session needed")

Rule = Permission | Several | Named | OwnOr

MAY_PURGE = AnyOf(Permission.PRIVACY_PURGE, Permission.RESTRICTED_ACCESS)  # retention and purges
MAY_SEE_RESTRICTED = AllOf(Permission.RESTRICTED_ACCESS)  # the facts themselves (attorneys)


def allows(rule: Rule, role: Role) -> bool:
    if isinstance(rule, Permission):
        return can(role, rule)
    return rule.allows(Role(role))


def operation(rule: Rule) -> Callable:
    """Declare who may run a service method (or a lifecycle step whose first argument is a
    session); checked against `.ctx` of that first argument before the body runs."""

    def declare(method: Callable) -> Callable:
        subject_of = _argument_reader(method, rule.argument) if isinstance(rule, OwnOr) else None

        @functools.wraps(method)
        def checked(self, *args, **kwargs):
            ctx = self.ctx
            ctx.require(rule if subject_of is None else rule.applied(ctx.user.username, subject_of(self, *args, **kwargs)))
            return method(self, *args, **kwargs)

        checked.rule = rule
        return checked

    return declare


def _argument_reader(method: Callable, name: str) -> Callable:
    signature = inspect.signature(method)
    if name not in signature.parameters:
        raise TypeError(f"{method.__qualname__} has no argument {name!r} for its OwnOr rule")
    return lambda *args, **kwargs: signature.bind(*args, **kwargs).arguments.get(name)


def rule_of(method) -> Rule | None:
    """The rule an operation declared (None for a method that declared none)."""
    return getattr(method, "rule", None)
