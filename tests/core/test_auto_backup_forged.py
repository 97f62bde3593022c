"""Automatic backups on exit are a manager's choice (backup.configure_auto_backup), kept in a
table every key holder can write. A paralegal turns them off with raw SQL, then damages the
vault: no backup was made to answer it. "Off" counts only as the newest manager's signed
`settings.update` entry names it; otherwise backups stay on."""

from __future__ import annotations

from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD

PASSPHRASE = "backup passphrase for the test"


def _turn_off_as_paralegal(vault, sql: str = "UPDATE settings SET value = 'false' WHERE key = 'backup.auto_on_exit'") -> None:
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        s.db.execute(sql)


def _configure(vault, folder, enabled: bool) -> None:
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(enabled, str(folder), PASSPHRASE if enabled else None)


def test_automatic_backups_turned_off_with_raw_sql_still_run(vault, tmp_path):
    _configure(vault, tmp_path, True)
    _turn_off_as_paralegal(vault)
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.settings.get("backup.auto_on_exit") is True
        assert s.backups.auto_backup_on_exit() is not None
    assert list(tmp_path.glob("*.clinicbackup"))


def test_the_row_deleted_keeps_them_on(vault, tmp_path):
    _configure(vault, tmp_path, True)
    _turn_off_as_paralegal(vault, "DELETE FROM settings WHERE key = 'backup.auto_on_exit'")
    with open_session(vault, "attorney", PASSWORD) as s:
        assert s.settings.get("backup.auto_on_exit") is True


def test_a_manager_turning_them_off_stands(vault, tmp_path):
    _configure(vault, tmp_path, True)
    _configure(vault, tmp_path, False)
    with open_session(vault, "paralegal", PASSWORD) as s:
        assert s.settings.get("backup.auto_on_exit") is False
        assert s.backups.auto_backup_on_exit() is None


def _problems(vault, who: str = "manager") -> list[str]:
    with open_session(vault, who, PASSWORD) as s:
        return [p.code for p in s.grants.problems]


def test_an_off_passed_over_is_told_to_managers_the_cli_and_vault_check(vault, tmp_path, cli):
    """Before, the ignored "off" ran the backup without a word: the manager who did not turn
    them off was never told someone tried."""
    _configure(vault, tmp_path, True)
    _turn_off_as_paralegal(vault)
    assert "settings.auto_backup_unsigned" in _problems(vault)
    check = cli("vault", "check")
    assert "automatic backups were turned off outside the app" in check.out
    assert "warning: automatic backups were turned off outside the app" in check.err


def test_the_row_deleted_is_told_too(vault, tmp_path):
    _configure(vault, tmp_path, True)
    _turn_off_as_paralegal(vault, "DELETE FROM settings WHERE key = 'backup.auto_on_exit'")
    assert "settings.auto_backup_unsigned" in _problems(vault)


def test_a_managers_off_and_a_fresh_vault_are_not_told(vault, tmp_path):
    assert _problems(vault) == []
    _configure(vault, tmp_path, True)
    _configure(vault, tmp_path, False)
    assert _problems(vault) == []
