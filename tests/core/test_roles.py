"""Roles are enforced by the core services, whatever the UI shows."""

import pytest

from clinic_app.domain.models import Client
from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from clinic_app.roles import PERMISSIONS, Permission, Role
from tests.conftest import PASSWORD


def test_paralegal_can_do_intake_but_not_manage_or_export(vault):
    with open_session(vault, "paralegal", PASSWORD) as s:
        client = s.clients.create(Client("Ana", "Paz"))
        s.clients.get(client.id)
        for forbidden in (
            lambda: s.users.add("x1", "paralegal", "password-123"),
            lambda: s.users.remove("attorney"),
            lambda: s.intake.export_document(),
            lambda: s.clients.delete(client.id),
            lambda: s.settings.set("security.autolock_minutes", 1),
        ):
            with pytest.raises(PermissionDenied):
                forbidden()


def test_attorney_exports_but_does_not_manage_users(vault):
    with open_session(vault, "attorney", PASSWORD) as s:
        s.intake.export_document()
        with pytest.raises(PermissionDenied):
            s.users.add("x2", "paralegal", "password-123")


def test_matrix_shape():
    assert Permission.RESTRICTED_ACCESS in PERMISSIONS[Role.ATTORNEY]
    assert Permission.RESTRICTED_ACCESS not in PERMISSIONS[Role.MANAGER]
    assert Permission.BACKUP in PERMISSIONS[Role.MANAGER]
    assert Permission.BACKUP not in PERMISSIONS[Role.ATTORNEY]
    assert Permission.PACKET_BUILD not in PERMISSIONS[Role.PARALEGAL]


def test_the_last_manager_cannot_be_removed_or_remove_themselves(session):
    from clinic_app.errors import ValidationError

    with pytest.raises(ValidationError):
        session.users.remove("manager")
