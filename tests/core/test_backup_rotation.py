"""Rotation (pure plan + apply), automatic backup on exit, last-backup banner, restore drill."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from clinic_app.backup import BackupError, KeepPolicy, auto_backup_on_exit, verify_backup
from clinic_app.backup.container import open_backup
from clinic_app.backup.create import default_backup_name
from clinic_app.backup.rotation import apply, plan
from clinic_app.backup.service import AUTO_KEY_META
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, populate

START = datetime(2026, 1, 1, 18, 0, tzinfo=timezone.utc)


def daily_names(days: int, per_day: int = 1) -> list[str]:
    return [default_backup_name(START + timedelta(days=d, hours=h)) for d in range(days) for h in range(per_day)]


def test_plan_keeps_newest_per_day_week_and_month():
    names = daily_names(400, per_day=2)
    keep, delete = plan(names, KeepPolicy(daily=7, weekly=4, monthly=12))
    assert len(keep) + len(delete) == len(names)
    newest = max(names)
    assert keep[0] == newest
    kept_days = {n[14:22] for n in keep}
    last_seven = {(START + timedelta(days=d)).strftime("%Y%m%d") for d in range(393, 400)}
    assert last_seven <= kept_days
    assert len(keep) <= 7 + 4 + 12
    assert len({n[14:20] for n in keep}) == 12  # one per month for the last 12 months
    assert all(n.endswith("T190000Z.clinicbackup") for n in keep)  # the later of each day's two


def test_plan_ignores_other_files_and_always_keeps_the_newest():
    names = ["my-own-copy.clinicbackup", "notes.txt", *daily_names(3)]
    keep, delete = plan(names, KeepPolicy(daily=0, weekly=0, monthly=0))
    assert keep == [max(daily_names(3))]
    assert "my-own-copy.clinicbackup" not in keep + delete
    assert plan([], KeepPolicy()) == ([], [])


def test_apply_deletes_only_what_the_plan_drops(tmp_path):
    for name in daily_names(20) + ["keep-me.clinicbackup"]:
        (tmp_path / name).write_bytes(b"x")
    deleted = apply(tmp_path, KeepPolicy(daily=3, weekly=1, monthly=1))
    assert len(deleted) == 17
    assert (tmp_path / "keep-me.clinicbackup").exists()
    assert len(list(tmp_path.glob("clinic-backup-*"))) == 3


def test_auto_backup_on_exit_uses_the_stored_key_and_rotates(vault, tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    for name in daily_names(10):
        (folder / name).write_bytes(b"old")
    manager = open_session(vault, "manager", PASSWORD)
    try:
        assert auto_backup_on_exit(manager) is None  # off by default
        manager.backups.configure_auto_backup(True, str(folder), BACKUP_PASSPHRASE, KeepPolicy(daily=2, weekly=0, monthly=0))
        stored = manager.meta(AUTO_KEY_META)
        stored_key = manager.backups.stored_auto_key()
        assert stored and BACKUP_PASSPHRASE not in stored  # a derived key, never the passphrase
        populate(manager, clients=1)
    finally:
        manager.lock()
    paralegal = open_session(vault, "paralegal", PASSWORD)  # whoever closes the app triggers it
    try:
        outcome = auto_backup_on_exit(paralegal)
        assert outcome is not None and outcome.result.path.parent == folder
        assert len(outcome.deleted) == 9
        conn, _ = open_backup(outcome.result.path, stored_key)  # the key never travels in a backup
        try:
            assert conn.execute("SELECT count(*) FROM meta WHERE key = ?", (AUTO_KEY_META,)).fetchone()[0] == 0
        finally:
            conn.close()
        assert verify_backup(outcome.result.path, stored_key).ok
        assert paralegal.backups.last_backup().days == 0
    finally:
        paralegal.lock()
    manager = open_session(vault, "manager", PASSWORD)
    try:  # the drill opens automatic backups with the stored key and reports success
        assert manager.backups.last_drill() is None
        report = manager.backups.drill()
        assert report.ok and report.backup_file == outcome.result.path
        drill = manager.backups.last_drill()
        assert (drill.ok, drill.days) == (True, 0)
        later = datetime.now(timezone.utc) + timedelta(days=3)
        assert manager.backups.last_drill(now=later).days == 3
        assert any("1 client," in line for line in report.lines)
        manager.backups.configure_auto_backup(False)
        assert manager.meta(AUTO_KEY_META) == ""
    finally:
        manager.lock()


def test_auto_backup_switched_on_without_a_key_fails_loudly(session, tmp_path):
    session.settings.set("backup.auto_on_exit", True)
    session.settings.set("backup.folder", str(tmp_path))
    with pytest.raises(BackupError, match="ask a manager"):
        auto_backup_on_exit(session)


def test_last_backup_status_is_data(session, tmp_path):
    never = session.backups.last_backup()
    assert (never.at, never.days, never.overdue) == ("", None, True)
    session.backups.create(tmp_path, BACKUP_PASSPHRASE)
    today = session.backups.last_backup()
    assert today.days == 0 and not today.overdue and today.at
    later = datetime.now(timezone.utc) + timedelta(days=9)
    status = session.backups.last_backup(now=later)
    assert status.days == 9 and status.overdue
    assert session.backups.last_backup(now=datetime.now(timezone.utc) + timedelta(days=1)).days == 1


def test_drill_finds_the_last_backup_or_says_there_is_none(session, tmp_path):
    session.settings.set("backup.folder", str(tmp_path))
    with pytest.raises(BackupError, match="no backup"):
        session.backups.drill(BACKUP_PASSPHRASE)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    made = session.backups.create(elsewhere / "friday.clinicbackup", BACKUP_PASSPHRASE).path
    report = session.backups.drill(BACKUP_PASSPHRASE)
    assert report.ok and report.backup_file == made


def test_drill_compares_restricted_values_past_their_date_without_purging_them(vault, tmp_path):
    from tests.core.restricted_helpers import store_work_product

    store_work_product(vault, "CANARY-restricted-drill")
    session = open_session(vault, "manager", PASSWORD)
    try:  # past its date in the backup; the drill's throwaway copy is compared as it is
        session.db.execute("UPDATE restricted_purposes SET expires_on = '2000-01-01'")
        backup = session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
        report = session.backups.drill(BACKUP_PASSPHRASE, backup)
    finally:
        session.lock()
    assert report.ok, report.lines
    assert report.restored_counts["restricted_values"] == 1
