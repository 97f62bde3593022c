"""The folder for automatic backups is a manager's (backup.configure_auto_backup), kept in a
table every key holder can write. A paralegal points it, with raw SQL, at a folder on the
laptop instead of the backup drive, then damages the vault: the drive holds no backup of the
days before. The folder counts as the newest manager's signed `settings.update` entry names it
(the entry carries the folder itself, so it can be used, not only compared); the forged value
is passed over and told (`settings.backup_folder_unsigned`)."""

from __future__ import annotations

import json

from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.test_role_grants import _paralegal_db_key, _raw_sql

PASSPHRASE = "backup passphrase for the test"
FOLDER = "backup.folder"


def _configure(vault, folder) -> None:
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(True, str(folder), PASSPHRASE)


def _backups(folder) -> list:
    return sorted(folder.glob("*.clinicbackup"))


def _problems(vault, who: str = "manager") -> list[str]:
    with open_session(vault, who, PASSWORD) as s:
        return [p.code for p in s.grants.problems]


def test_backup_folder_moved_with_raw_sql_backups_still_go_to_the_signed_folder(vault, vault_dir, tmp_path):
    drive, laptop = tmp_path / "drive", tmp_path / "laptop"
    drive.mkdir(), laptop.mkdir()
    _configure(vault, drive)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE settings SET value = ? WHERE key = ?", (json.dumps(str(laptop)), FOLDER))
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.settings.get(FOLDER) == str(drive)
        assert s.backups.auto_backup_on_exit() is not None
    assert _backups(drive) and not _backups(laptop)
    assert "settings.backup_folder_unsigned" in _problems(vault)


def test_the_row_deleted_keeps_the_signed_folder(vault, vault_dir, tmp_path):
    drive = tmp_path / "drive"
    drive.mkdir()
    _configure(vault, drive)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "DELETE FROM settings WHERE key = ?", (FOLDER,))
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get(FOLDER) == str(drive)
        assert s.backups.auto_backup_on_exit() is not None
    assert _backups(drive)


def test_a_managers_new_folder_stands_and_is_not_told(vault, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    _configure(vault, first)
    _configure(vault, second)
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.settings.get(FOLDER) == str(second)
    assert _problems(vault) == []


def test_a_folder_an_older_version_set_is_used_and_told_until_a_manager_sets_it_again(vault, tmp_path):
    """An older version's entry names no folder: backups go on to the stored one (a backup
    somewhere answers damage; none does not), and managers are told to set it again."""
    old = tmp_path / "old"
    old.mkdir()
    _configure(vault, old)
    with open_session(vault, "manager", PASSWORD) as s:  # what an older version wrote
        s.record("settings.update", "setting", FOLDER, "")
    with open_session(vault, "paralegal", PASSWORD) as s:
        s.backups.auto_backup_on_exit()
    assert _backups(old)
    assert "settings.backup_folder_unsigned" in _problems(vault)
    _configure(vault, old)
    assert _problems(vault) == []


def test_the_cli_and_vault_check_name_a_forged_folder(vault, vault_dir, tmp_path, cli):
    drive, laptop = tmp_path / "drive", tmp_path / "laptop"
    drive.mkdir(), laptop.mkdir()
    _configure(vault, drive)
    _raw_sql(vault_dir, _paralegal_db_key(vault_dir), "UPDATE settings SET value = ? WHERE key = ?", (json.dumps(str(laptop)), FOLDER))
    result = cli("vault", "check")
    assert "folder for automatic backups is not as a manager signed it" in result.out
    assert "warning: the folder for automatic backups is not as a manager signed it" in result.err
    assert str(drive) in result.err
