"""The automatic-backup key sits in the vault for unattended backups (a paralegal's exit makes
one too), so every key holder can read it with raw SQL. A removed user who copied it must not
open the backups made after their removal: the key is dropped at the removal, and the
manager's passphrase makes a new one (a new salt, so a new key)."""

from __future__ import annotations

import json

import pytest

from clinic_app.backup.container import BackupKey, open_backup
from clinic_app.backup.create import AUTO_KEY_META
from clinic_app.backup.container import BackupError
from clinic_app.domain.models import Client
from clinic_app.errors import AuthenticationFailed
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE


def test_a_removed_user_cannot_open_the_automatic_backups_made_after_their_removal(vault, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    with open_session(vault, "manager", PASSWORD) as s:
        s.backups.configure_auto_backup(True, str(folder), BACKUP_PASSPHRASE)
        s.users.add("leaving", "paralegal", PASSWORD)
    with open_session(vault, "leaving", PASSWORD) as s:  # what raw sqlcipher3 with their key reads
        kept = BackupKey.from_json(json.loads(s.db.query_one("SELECT value FROM meta WHERE key = ?", (AUTO_KEY_META,))[0]))
    with open_session(vault, "manager", PASSWORD) as s:
        s.users.remove("leaving")
    with open_session(vault, "paralegal", PASSWORD) as s:
        s.clients.create(Client(given_name="Later", family_name="Client"))
        with pytest.raises(BackupError) as refused:  # said at exit: a manager must give the passphrase again
            s.backups.auto_backup_on_exit()
        assert refused.value.code == "backup.auto_not_configured"
    with open_session(vault, "manager", PASSWORD) as s:
        assert any(e.action == "backup.auto_key_dropped" for e in s.audit.entries())
        s.backups.configure_auto_backup(True, str(folder), BACKUP_PASSPHRASE)
        made = s.backups.auto_backup_on_exit().result.path
    with pytest.raises(AuthenticationFailed):
        open_backup(made, kept)
    conn, _ = open_backup(made, BACKUP_PASSPHRASE)  # the manager's passphrase still opens it
    try:
        assert conn.execute("SELECT count(*) FROM clients WHERE given_name = 'Later'").fetchone()[0] == 1
    finally:
        conn.close()
