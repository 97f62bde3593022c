"""Backups are a manager's job: the core refuses other roles, and the CLI exits 4."""

from __future__ import annotations

import pytest

from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session, restore_over_this_vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE

ENV = {"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE}


@pytest.mark.parametrize("user", ["paralegal", "attorney"])
def test_cli_backup_create_and_drill_need_a_manager(cli, vault, tmp_path, user):
    result = cli("backup", "create", "--out", str(tmp_path / "b.clinicbackup"), user=user, env=ENV)
    assert result.code == 4 and result.err.startswith("error: ") and "backup" in result.err
    assert list(tmp_path.glob("*.clinicbackup")) == [] and list(tmp_path.glob(".clinic-tmp*")) == []
    assert cli("backup", "drill", str(tmp_path / "b.clinicbackup"), user=user, env=ENV).code == 4


@pytest.mark.parametrize("user", ["paralegal", "attorney"])
def test_core_refuses_backup_actions_for_other_roles(vault, tmp_path, user):
    session = open_session(vault, user, PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            session.backups.create(tmp_path, BACKUP_PASSPHRASE)
        with pytest.raises(PermissionDenied):
            session.backups.drill(BACKUP_PASSPHRASE, tmp_path / "x.clinicbackup")
        with pytest.raises(PermissionDenied):
            session.backups.configure_auto_backup(True, str(tmp_path), BACKUP_PASSPHRASE)
        with pytest.raises(PermissionDenied):
            restore_over_this_vault(session, tmp_path / "x.clinicbackup", BACKUP_PASSPHRASE, "boss", "new password 1")
    finally:
        session.lock()
    assert list(tmp_path.iterdir()) == [] or all(p.name == "vault" for p in tmp_path.iterdir())


def test_manager_can_back_up_through_the_cli(cli, vault, tmp_path):
    result = cli("backup", "create", "--out", str(tmp_path), env=ENV)
    assert result.code == 0, result.err
    assert len(list(tmp_path.glob("clinic-backup-*.clinicbackup"))) == 1
