"""Every public service operation × every role, on a real vault: allowed or refused exactly
as its declared rule (`@operation(...)`, clinic_app/roles.py) and the role matrix say.

Operations are found, not listed: every service the `Session` offers, every public method of
it, every lifecycle step that takes a session (clinic_app/lifecycle.py), and every other core
function that declares a rule. One without a declared rule fails
`test_every_operation_declares_who_may_run_it`.
Each call passes arguments that raise if anything touches them, so a refusal is proven to
come before the method looks at its arguments; an allowed call may fail later on them, it
just must not be refused. An `OwnOr` rule reads the one argument it names: it gets a real
user name, another user's in the matrix and, in the test after it, the caller's own.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
from functools import cached_property

import pytest

from clinic_app.errors import PermissionDenied, ValidationError
import clinic_app
from clinic_app import lifecycle
from clinic_app.lifecycle import open_session
from clinic_app.roles import (
    MAY_PURGE,
    MAY_SEE_RESTRICTED,
    NO_SESSION,
    PERMISSIONS,
    SIGNED_IN,
    AllOf,
    AnyOf,
    OwnOr,
    Permission,
    Role,
    allows,
    rule_of,
)
from clinic_app.session import Session
from tests.conftest import PASSWORD


class ArgumentUsed(Exception):
    pass


class Untouchable:
    """An argument that raises the moment an operation looks at it."""

    def __init__(self):
        object.__setattr__(self, "touched", False)

    def _touch(self, *args, **kwargs):
        object.__setattr__(self, "touched", True)
        raise ArgumentUsed

    def __getattribute__(self, name):
        if name in ("touched", "_touch", "__class__", "__dict__"):
            return object.__getattribute__(self, name)
        object.__getattribute__(self, "_touch")()

    __bool__ = __str__ = __repr__ = __iter__ = __len__ = __eq__ = __lt__ = __hash__ = __fspath__ = __index__ = _touch
    __format__ = __contains__ = __getitem__ = __add__ = __radd__ = __int__ = __float__ = __call__ = _touch


SERVICES = sorted(name for name, value in vars(Session).items() if isinstance(value, cached_property) and name != "audit")


def session_steps() -> list[tuple[str, str, object]]:
    """(module, name, function) for the core's functions that act on a session: every public
    lifecycle step whose first argument is a session (each must declare a rule), and any other
    module-level function that declares one (`vault_check.check`)."""
    found = []
    for info in pkgutil.walk_packages(clinic_app.__path__, "clinic_app."):
        if info.name.startswith("clinic_app.cli"):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            takes_session = next(iter(inspect.signature(function).parameters), "") == "session"
            if rule_of(function) is not None or (module is lifecycle and takes_session):
                found.append((info.name.removeprefix("clinic_app."), name, function))
    return found


def operations(session: Session) -> list[tuple[str, str, object]]:
    """(service, method name, bound method) for every public method of every service, and
    every lifecycle step on a session (bound to it)."""
    found = []
    for service_name in SERVICES:
        service = getattr(session, service_name)
        for name, member in inspect.getmembers(type(service)):
            if name.startswith("_") or isinstance(member, property) or not inspect.isfunction(member):
                continue
            found.append((service_name, name, getattr(service, name)))
    found += [(module, name, types.MethodType(step, session)) for module, name, step in session_steps()]
    return found


def dummy_arguments(method, subject: str = "") -> tuple[list, dict, list[Untouchable]]:
    """Untouchable values for every argument without a default; an OwnOr rule's argument
    gets the user name `subject`."""
    rule = rule_of(method)
    args, kwargs, dummies = [], {}, []
    for parameter in inspect.signature(method).parameters.values():
        if parameter.default is not inspect.Parameter.empty or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if isinstance(rule, OwnOr) and parameter.name == rule.argument:
            args.append(subject)
            continue
        dummy = Untouchable()
        dummies.append(dummy)
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = dummy
        else:
            args.append(dummy)
    return args, kwargs, dummies


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    from clinic_app.lifecycle import create_vault
    from clinic_app.vault import Vault

    vault = Vault(tmp_path_factory.mktemp("roles") / "vault")
    session, _ = create_vault(vault, "manager", PASSWORD, clinic_name="Roles Clinic")
    session.users.add("attorney", "attorney", PASSWORD)
    session.users.add("paralegal", "paralegal", PASSWORD)
    session.lock()
    open_session(vault, "attorney", PASSWORD).lock()  # the attorney's first login makes the restricted-data key
    return vault


def test_every_operation_declares_who_may_run_it(vault):
    with open_session(vault, "manager", PASSWORD) as session:
        found = operations(session)
    undeclared = [f"{service}.{name}" for service, name, method in found if rule_of(method) is None]
    assert len(found) >= 100  # the enumeration really sees the services
    assert {("lifecycle", "restore_over_this_vault"), ("vault_check", "check"), ("bundles", "revoke_sender"),
            ("bundles", "unrevoke_sender"), ("bundles", "known_senders")} <= {(s, n) for s, n, _ in found}
    assert not undeclared, "declare a rule with @operation(...) (clinic_app/roles.py) on: " + ", ".join(undeclared)


def call_refused(method, subject: str = "") -> tuple[bool, bool]:
    """(refused, whether it looked at an argument first) for one call with dummy arguments."""
    args, kwargs, dummies = dummy_arguments(method, subject)
    try:
        method(*args, **kwargs)
        outcome = None
    except PermissionDenied as exc:
        outcome = exc
    except Exception:  # an allowed call failing on its dummy arguments, or on an empty vault
        outcome = None
    refused = isinstance(outcome, PermissionDenied) and outcome.code == "permission.denied"
    return refused, refused and any(d.touched for d in dummies)


def someone_else(role: Role) -> str:
    return next(r.value for r in Role if r is not role)


def verdict(service: str, name: str, rule, refused: bool, expected: bool, looked: bool) -> list[str]:
    if refused == expected:
        return [f"{service}.{name} ({rule}): {'refused' if refused else 'allowed'}, declared {'allowed' if expected else 'refused'}"]
    if looked:
        return [f"{service}.{name}: refused only after looking at its arguments"]
    return []


@pytest.mark.parametrize("role", list(Role))
def test_every_operation_is_allowed_or_refused_as_declared(vault, role):
    wrong = []
    with open_session(vault, role.value, PASSWORD) as session:
        for service, name, method in operations(session):
            rule = rule_of(method)
            if rule is None:
                continue  # the test above names it
            refused, looked = call_refused(method, subject=someone_else(role))
            wrong += verdict(service, name, rule, refused, allows(rule, role), looked)
    assert not wrong, f"as a {role.value}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", list(Role))
def test_own_record_rules_allow_ones_own_and_refuse_others_without_the_permission(vault, role):
    """Both sides of every OwnOr rule (users.set_signature): on the caller's own user name
    allowed for every role (any letter case), on another user's only with the permission."""
    wrong, checked = [], []
    with open_session(vault, role.value, PASSWORD) as session:
        for service, name, method in operations(session):
            rule = rule_of(method)
            if not isinstance(rule, OwnOr):
                continue
            checked.append(f"{service}.{name}")
            for subject, expected in (
                (role.value, True),
                (role.value.upper(), True),
                (someone_else(role), Permission(rule.permission) in PERMISSIONS[role]),
            ):
                refused, looked = call_refused(method, subject)
                wrong += verdict(service, name, f"{rule}, on {subject!r}", refused, expected, looked)
    assert "users.set_signature" in checked
    assert not wrong, f"as a {role.value}:\n" + "\n".join(wrong)


def test_the_system_actor_passes_every_rule_and_no_role_is_it(vault):
    with open_session(vault, "paralegal", PASSWORD) as session:
        assert not session.ctx.system and session.as_system().ctx.system
        with pytest.raises(PermissionDenied):
            session.restricted.purge_due()
        assert session.as_system().restricted.purge_due().purposes == 0  # the run at every opening
        with pytest.raises(PermissionDenied):  # the system writes only the app's own settings
            session.as_system().settings.set("security.autolock_minutes", 1)


def test_compound_rules_are_the_ones_the_operations_use():
    from clinic_app.services.restricted import RestrictedService
    from clinic_app.services.users import UserService

    assert rule_of(UserService.set_signature) == OwnOr(Permission.USER_MANAGE, "username")
    assert rule_of(lifecycle.restore_over_this_vault) is Permission.BACKUP
    assert rule_of(RestrictedService.purge_due) is MAY_PURGE is rule_of(RestrictedService.purge_matter)
    assert [r for r in Role if allows(MAY_PURGE, r)] == [Role.ATTORNEY, Role.MANAGER]
    assert [r for r in Role if allows(MAY_SEE_RESTRICTED, r)] == [Role.ATTORNEY]
    assert allows(AnyOf(Permission.BACKUP, Permission.RESTRICTED_ACCESS), Role.ATTORNEY)
    assert not allows(AllOf(Permission.BACKUP, Permission.RESTRICTED_ACCESS), Role.MANAGER)
    assert all(allows(SIGNED_IN, r) and allows(NO_SESSION, r) for r in Role)


def test_session_may_answers_for_an_operation_without_restating_its_rule(vault):
    from clinic_app.backup.service import BackupService

    with open_session(vault, "attorney", PASSWORD) as session:
        assert not session.may(BackupService.drill) and session.may(MAY_SEE_RESTRICTED)
    with open_session(vault, "manager", PASSWORD) as session:
        assert session.may(BackupService.drill) and not session.may(MAY_SEE_RESTRICTED)


def test_the_matrix_keeps_its_shape():
    assert Permission.RESTRICTED_ACCESS in PERMISSIONS[Role.ATTORNEY]
    assert Permission.RESTRICTED_ACCESS not in PERMISSIONS[Role.MANAGER]
    assert Permission.BACKUP in PERMISSIONS[Role.MANAGER] and Permission.BACKUP not in PERMISSIONS[Role.ATTORNEY]
    assert Permission.PACKET_BUILD not in PERMISSIONS[Role.PARALEGAL]


def test_the_last_manager_cannot_be_removed_or_remove_themselves(session):
    with pytest.raises(ValidationError):
        session.users.remove("manager")


def test_a_rule_is_asked_by_one_name_and_enforced_by_one_name(vault):
    """`may` answers, `require` refuses; no second name for either (can, check)."""
    from clinic_app.services.context import ServiceContext

    for holder in (ServiceContext, Session):
        assert callable(holder.may) and callable(holder.require)
        assert [alias for alias in ("can", "check") if hasattr(holder, alias)] == [], holder.__name__
    with open_session(vault, "paralegal", PASSWORD) as session:
        assert not session.ctx.may(Permission.BACKUP)
        with pytest.raises(PermissionDenied):
            session.ctx.require(Permission.BACKUP)


def test_any_of_and_all_of_are_one_rule_that_differs_only_in_its_quantifier():
    either = AnyOf(Permission.BACKUP, Permission.RESTRICTED_ACCESS)
    both = AllOf(Permission.BACKUP, Permission.RESTRICTED_ACCESS)
    assert AnyOf.allows is AllOf.allows and AnyOf.__str__ is AllOf.__str__  # one implementation
    assert either != both and either == AnyOf(Permission.BACKUP, Permission.RESTRICTED_ACCESS)
    assert str(either) == f"{Permission.BACKUP.value} or {Permission.RESTRICTED_ACCESS.value}"
    assert str(both) == f"{Permission.BACKUP.value} and {Permission.RESTRICTED_ACCESS.value}"
    assert [r for r in Role if allows(either, r)] == [Role.ATTORNEY, Role.MANAGER]
    assert [r for r in Role if allows(both, r)] == []
