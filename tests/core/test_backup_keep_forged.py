"""How many automatic backups to keep is a manager's setting, in a table every key holder can
write. A paralegal who cannot reach the backup drive sets "keep 0" with raw SQL: the next
exit (a manager's, with the drive attached) made a backup and deleted every older one, so
damage done before that exit could no longer be undone. A keep count counts as a manager's
signed change names it; any other value only if it keeps at least as many as the default."""

from __future__ import annotations

from datetime import timedelta

from clinic_app import clock
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE

KEEP = ("backup.keep_daily", "backup.keep_weekly", "backup.keep_monthly")


def _older_backups(folder, days: int) -> list[str]:
    names = []
    for age in range(1, days + 1):
        stamp = (clock.utc_now() - timedelta(days=age)).strftime("%Y%m%dT%H%M%SZ")
        names.append(f"clinic-backup-{stamp}.clinicbackup")
        (folder / names[-1]).write_bytes(b"an older backup")
    return names


def test_keep_counts_forged_with_raw_sql_do_not_delete_older_backups(vault, tmp_path):
    folder = tmp_path / "backup-drive"
    folder.mkdir()
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(True, str(folder), BACKUP_PASSPHRASE)
    older = _older_backups(folder, 3)
    with open_session(vault, "paralegal", PASSWORD) as s:  # as with raw sqlcipher3 and their own key
        for key in KEEP:
            s.db.execute("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) VALUES (?, '0', '', 'manager')", (key,))
    with open_session(vault, "manager", PASSWORD) as s:
        outcome = s.backups.auto_backup_on_exit()
    assert outcome.deleted == []
    assert all((folder / name).exists() for name in older)


def test_a_managers_keep_counts_stand(vault, tmp_path):
    folder = tmp_path / "backup-drive"
    folder.mkdir()
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(True, str(folder), BACKUP_PASSPHRASE)
        for key in KEEP:
            s.settings.set(key, 1)
    older = _older_backups(folder, 3)
    with open_session(vault, "manager", PASSWORD) as s:
        outcome = s.backups.auto_backup_on_exit()
    assert sorted(outcome.deleted) == sorted(older)
