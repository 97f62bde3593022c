"""`backup restore` killed (SIGKILL) while it writes the new vault leaves no vault under the
target name (the vault is built in a temp folder beside it and renamed at the end); the
backup is untouched, and the next restore cleans the leftover up and succeeds."""

from __future__ import annotations

import os
import subprocess

from clinic_app.backup.restore import RESTORE_TEMP_PREFIX
from clinic_app.lifecycle import open_session
from tests.conftest import CLI, PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, populate
from tests.core.kill_helpers import kill_when

ENV = {"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE, "CLINIC_NEW_PASSWORD": "maria new password"}


def test_a_restore_killed_while_it_writes_leaves_no_vault_and_can_be_run_again(vault, tmp_path, cli):
    with open_session(vault, "manager", PASSWORD) as s:
        populate(s, clients=3, attachment_bytes=3_000_000)  # a few MB to copy
        backup = s.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    before = backup.read_bytes()
    parent = tmp_path / "restores"
    parent.mkdir()
    target = parent / "restored"
    proc = subprocess.Popen([CLI, "--user", "maria", "backup", "restore", str(backup), "--to", str(target)],
                            env=dict(os.environ, **ENV), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    def writing() -> bool:
        return any((p / "vault.db").exists() and (p / "vault.db").stat().st_size > 0 for p in parent.glob(RESTORE_TEMP_PREFIX + "*"))

    kill_when(proc, writing, "the restore's writing")
    assert not (target / "vault.db").exists()
    assert backup.read_bytes() == before
    again = cli("backup", "restore", str(backup), "--to", str(target), user="maria", env=ENV)
    assert again.code == 0, again.err
    assert list(parent.glob(RESTORE_TEMP_PREFIX + "*")) == []
    assert cli("vault", "check", user="maria", password="maria new password", vault=target).code == 0
