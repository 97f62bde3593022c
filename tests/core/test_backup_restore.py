"""Restore targets, restore over the open vault (old one kept), create's refusals, CLI restore."""

from __future__ import annotations

import pytest

from clinic_app.backup import BackupError
from clinic_app.errors import ValidationError, VaultExists
from clinic_app.lifecycle import open_session, restore_backup, restore_over_this_vault
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, folder_fingerprint, populate

ENV = {"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE, "CLINIC_NEW_PASSWORD": "maria new password"}


@pytest.fixture
def backup_file(session, tmp_path):
    populate(session, clients=2)
    return session.backups.create(tmp_path, BACKUP_PASSPHRASE).path


def test_restore_never_writes_into_an_existing_vault_or_folder(backup_file, vault, tmp_path):
    before = folder_fingerprint(vault.folder)
    with pytest.raises(VaultExists):
        restore_backup(backup_file, BACKUP_PASSPHRASE, vault.folder, "boss", "new password 1")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "something.txt").write_text("mine")
    with pytest.raises(VaultExists):
        restore_backup(backup_file, BACKUP_PASSPHRASE, tmp_path / "busy", "boss", "new password 1")
    assert folder_fingerprint(vault.folder) == before
    (tmp_path / "empty").mkdir()
    restore_backup(backup_file, BACKUP_PASSPHRASE, tmp_path / "empty", "boss", "new password 1").session.lock()
    assert Vault(tmp_path / "empty").exists()


def test_restore_over_this_vault_keeps_the_old_vault_as_a_dated_copy(session, backup_file, vault):
    populate(session, clients=1, canary="added after the backup")
    result = restore_over_this_vault(session, backup_file, BACKUP_PASSPHRASE, "manager", "a brand new password")
    try:
        assert not session.is_open
        assert result.session.clients.count() == 2  # the backup's state, not the later one
        assert result.previous_vault_copy.name.startswith("vault.before-restore-")
        old = Vault(result.previous_vault_copy)
        assert old.exists()
    finally:
        result.session.lock()
    old_session = open_session(old, "manager", PASSWORD)  # the old vault still opens with the old password
    assert old_session.clients.count() == 3
    old_session.lock()


def test_restore_over_with_a_bad_backup_changes_nothing(session, backup_file, vault, tmp_path):
    damaged = tmp_path / "damaged.clinicbackup"
    data = bytearray(backup_file.read_bytes())
    data[len(data) // 2] ^= 0x10
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        restore_over_this_vault(session, damaged, BACKUP_PASSPHRASE, "manager", "a brand new password")
    assert session.is_open and session.clients.count() == 2
    assert sorted(p.name for p in vault.folder.parent.iterdir() if p.name.startswith("vault")) == ["vault"]


def test_create_refuses_weak_passphrases_existing_files_and_missing_folders(session, tmp_path):
    with pytest.raises(ValidationError, match="at least"):
        session.backups.create(tmp_path, "short")
    with pytest.raises(ValidationError):
        session.backups.create(tmp_path, "")
    existing = tmp_path / "existing.clinicbackup"
    existing.write_bytes(b"a previous backup")
    with pytest.raises(BackupError, match="never overwritten"):
        session.backups.create(existing, BACKUP_PASSPHRASE)
    assert existing.read_bytes() == b"a previous backup"
    with pytest.raises(BackupError, match="does not exist"):
        session.backups.create(tmp_path / "unplugged-drive" / "b.clinicbackup", BACKUP_PASSPHRASE)


def test_cli_restore_then_log_in_to_the_restored_vault(cli, backup_file, tmp_path):
    target = tmp_path / "restored"
    result = cli("backup", "restore", str(backup_file), "--to", str(target), user="maria", env=ENV)
    assert result.code == 0, result.err
    assert "New recovery key" in result.out and "paralegal (paralegal)" in result.out
    check = cli("vault", "check", user="maria", password="maria new password", vault=target)
    assert check.code == 0, check.err
    refused = cli("backup", "restore", str(backup_file), "--to", str(target), user="maria", env=ENV)
    assert refused.code != 0 and refused.err.startswith("error: ") and "not empty" in refused.err


def test_a_backup_that_fails_its_own_verification_is_never_named(session, tmp_path, monkeypatch):
    import clinic_app.backup.create as create_module
    from clinic_app.backup.verify import VerifyReport

    def failing_check(path, key, report: VerifyReport, *args, **kwargs):
        report.failed("encryption: 1 page fails its HMAC (simulated write error)")
        return report

    monkeypatch.setattr(create_module, "check_file", failing_check)
    target = tmp_path / "b.clinicbackup"
    with pytest.raises(BackupError, match="failed verification"):
        session.backups.create(target, BACKUP_PASSPHRASE)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]
    assert session.backups.last_backup().days is None


def test_an_error_mid_copy_leaves_nothing(session, tmp_path):
    populate(session, clients=1)

    def progress(done, total):
        if done > 50:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        session.backups.create(tmp_path / "b.clinicbackup", BACKUP_PASSPHRASE, progress)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


def test_cancelling_at_the_last_check_leaves_nothing_and_progress_only_grows(session, tmp_path):
    from clinic_app.cancellation import Cancelled

    populate(session, clients=2)
    seen = []

    def progress(done, total):
        seen.append(done)
        if done >= 950:  # the tick after both page checks, the last one before the rename
            raise Cancelled()

    with pytest.raises(Cancelled):
        session.backups.create(tmp_path / "b.clinicbackup", BACKUP_PASSPHRASE, progress)
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]
    assert seen == sorted(seen) and seen[-1] == 950 and len(set(seen)) >= 8


def test_cli_verify_json_and_drill(cli, session, backup_file):
    import json

    session.lock()  # the CLI opens the vault itself

    verify = cli("backup", "verify", str(backup_file), "--json", user=None, password=None, env=ENV)
    assert verify.code == 0, verify.err
    report = json.loads(verify.out)
    assert report["ok"] and report["manifest"]["counts"]["clients"] == 2 and report["manifest"]["attachments"] == 2
    drill = cli("backup", "drill", str(backup_file), env=ENV)
    assert drill.code == 0, drill.err
    assert "restore drill passed" in drill.out and "2 clients, 2 attachments" in drill.out
