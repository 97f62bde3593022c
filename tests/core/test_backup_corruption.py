"""Damaged, foreign, wrong-passphrase and too-new backups are refused cleanly; the live vault never changes."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from clinic_app.backup import BackupTooNew, NotABackup, WrongBackupPassphrase, verify_backup
from clinic_app.backup.container import connect, key_for_file
from clinic_app.errors import ClinicError
from clinic_app.lifecycle import open_session, restore_backup
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, folder_fingerprint, populate

FUZZ_CASES = 220


@pytest.fixture
def good_backup(vault, tmp_path) -> Path:
    session = open_session(vault, "manager", PASSWORD)
    try:
        populate(session, clients=4, attachment_bytes=6000)
        return session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    finally:
        session.lock()


def corrupted_copies(good: Path, folder: Path, count: int, seed: int = 20261122):
    """Truncations and single-bit flips at random offsets, including the 16-byte header."""
    rng = random.Random(seed)
    data = good.read_bytes()
    for i in range(count):
        if i % 3 == 0:
            cut = rng.randrange(0, len(data))
            damaged, what = data[:cut], f"truncated at {cut}"
        else:
            offset = rng.randrange(0, 64) if i % 10 == 1 else rng.randrange(0, len(data))
            bit = 1 << rng.randrange(8)
            damaged = data[:offset] + bytes([data[offset] ^ bit]) + data[offset + 1 :]
            what = f"bit {bit} flipped at {offset}"
        path = folder / f"damaged-{i}.clinicbackup"
        path.write_bytes(damaged)
        yield path, what


def refused(path: Path) -> bool:
    try:
        return not verify_backup(path, BACKUP_PASSPHRASE).ok
    except ClinicError:
        return True


def test_every_corrupted_backup_is_refused_and_the_vault_is_untouched(vault, good_backup, tmp_path):
    before = folder_fingerprint(vault.folder)
    damaged_dir = tmp_path / "damaged"
    damaged_dir.mkdir()
    accepted = [what for path, what in corrupted_copies(good_backup, damaged_dir, FUZZ_CASES) if not refused(path)]
    assert accepted == []
    assert verify_backup(good_backup, BACKUP_PASSPHRASE).ok  # the fuzzing itself is sound
    assert folder_fingerprint(vault.folder) == before


def test_restore_of_corrupted_backups_creates_nothing(vault, good_backup, tmp_path):
    before = folder_fingerprint(vault.folder)
    damaged_dir = tmp_path / "damaged"
    damaged_dir.mkdir()
    for i, (path, what) in enumerate(corrupted_copies(good_backup, damaged_dir, 20, seed=7)):
        target = tmp_path / f"restored-{i}"
        with pytest.raises(ClinicError):
            restore_backup(path, BACKUP_PASSPHRASE, target, "boss", "new password 1")
        assert not target.exists(), what
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clinic-tmp")] == []
    assert folder_fingerprint(vault.folder) == before


def test_wrong_passphrase(good_backup):
    with pytest.raises(WrongBackupPassphrase):
        verify_backup(good_backup, "not the passphrase at all")


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b"SQLite format 3\x00" + bytes(4080), b"%PDF-1.4\n" + bytes(5000), bytes(8192)],
    ids=["empty", "text", "plain-sqlite", "pdf", "zeros"],
)
def test_files_that_are_not_backups(tmp_path, content):
    path = tmp_path / "not-a-backup"
    path.write_bytes(content)
    with pytest.raises(NotABackup):
        verify_backup(path, BACKUP_PASSPHRASE)


def test_a_vault_database_is_not_a_backup(vault):
    with pytest.raises(NotABackup):
        verify_backup(vault.db_path, BACKUP_PASSPHRASE)


def make_too_new(good: Path, folder: Path) -> Path:
    """A sound backup whose schema is newer than this app (as a future version would write)."""
    newer = folder / "from-the-future.clinicbackup"
    shutil.copy(good, newer)
    conn = connect(newer, key_for_file(newer, BACKUP_PASSPHRASE), read_only=False)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("UPDATE backup_manifest SET value = '999' WHERE key = 'schema_version'")
    conn.close()
    return newer


def test_backup_from_a_newer_schema_is_refused(good_backup, tmp_path):
    newer = make_too_new(good_backup, tmp_path)
    with pytest.raises(BackupTooNew, match="newer than this app"):
        verify_backup(newer, BACKUP_PASSPHRASE)
    with pytest.raises(BackupTooNew):
        restore_backup(newer, BACKUP_PASSPHRASE, tmp_path / "restored", "boss", "new password 1")
    assert not (tmp_path / "restored").exists()


def one_error_line(result) -> bool:
    lines = [line for line in result.err.splitlines() if line.strip()]
    return result.code != 0 and len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.err


def test_cli_refuses_bad_backups_with_one_error_line(cli, vault, good_backup, tmp_path):
    before = folder_fingerprint(vault.folder)
    damaged_dir = tmp_path / "damaged"
    damaged_dir.mkdir()
    cases = [path for path, _ in corrupted_copies(good_backup, damaged_dir, 4, seed=99)]
    cases.append(make_too_new(good_backup, tmp_path))
    (tmp_path / "notes.txt").write_text("just text")
    cases.append(tmp_path / "notes.txt")
    env = {"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE, "CLINIC_NEW_PASSWORD": "new password 1"}
    for i, path in enumerate(cases):
        verify = cli("backup", "verify", str(path), env=env)
        assert one_error_line(verify), (path.name, verify.err)
        restore = cli("backup", "restore", str(path), "--to", str(tmp_path / f"r{i}"), user="boss", env=env)
        assert one_error_line(restore), (path.name, restore.err)
        assert not (tmp_path / f"r{i}").exists()
    wrong = cli("backup", "verify", str(good_backup), env={"CLINIC_BACKUP_PASSWORD": "wrong passphrase here"})
    assert one_error_line(wrong) and wrong.code == 3 and "passphrase is wrong" in wrong.err
    assert folder_fingerprint(vault.folder) == before


def test_a_copy_damaged_while_it_is_written_is_never_named(session, tmp_path, monkeypatch):
    """A real fault, not a simulated verdict: one byte of the written copy flips before the
    checks run, in turn on every page of the file, free pages included (a deleted attachment
    leaves some). Every time the backup is refused and nothing is left in the folder."""
    from clinic_app.backup import create
    from clinic_app.backup.container import PAGE_SIZE, BackupDamaged

    ids = populate(session, clients=2, attachment_bytes=60000)
    session.documents.delete(session.documents.for_client(ids[0])[0].id)
    good = session.backups.create(tmp_path / "good.clinicbackup", BACKUP_PASSPHRASE).path
    probe = connect(good, key_for_file(good, BACKUP_PASSPHRASE), read_only=True)
    assert probe.execute("PRAGMA freelist_count").fetchone()[0] >= 4  # the copy has free pages to damage
    probe.close()
    good.unlink()
    real_snapshot = create._snapshot
    damaged = []

    def snapshot_then_flip_a_byte(ctx, temp, key, copied):
        result = real_snapshot(ctx, temp, key, copied)
        page = len(damaged)
        with open(temp, "r+b") as handle:  # mid-page: always encrypted bytes, on page 1 as well
            handle.seek(page * PAGE_SIZE + PAGE_SIZE // 2)
            byte = handle.read(1)
            handle.seek(-1, 1)
            handle.write(bytes([byte[0] ^ 0x10]))
        damaged.append(temp.stat().st_size // PAGE_SIZE)
        return result

    monkeypatch.setattr(create, "_snapshot", snapshot_then_flip_a_byte)
    while not damaged or len(damaged) < damaged[0]:
        with pytest.raises(BackupDamaged):
            session.backups.create(tmp_path / "b.clinicbackup", BACKUP_PASSPHRASE)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"], f"page {len(damaged) - 1}"


def test_a_copy_with_sound_pages_but_a_broken_index_is_never_named(session, tmp_path, monkeypatch):
    """Damage no HMAC can see (written with the key, as a bug in our own code would): the
    clients index no longer matches its table. The structure walk of the copy refuses it."""
    from clinic_app.backup import create
    from clinic_app.backup.container import BackupDamaged

    populate(session, clients=3)
    real_snapshot = create._snapshot

    def snapshot_then_break_an_index(ctx, temp, key, copied):
        result = real_snapshot(ctx, temp, key, copied)
        conn = connect(temp, key, read_only=False)
        conn.execute("PRAGMA writable_schema = ON")
        changed = conn.execute("UPDATE sqlite_master SET sql = replace(sql, '(sort_key, id)', '(id, sort_key)') WHERE name = 'clients_by_sort_key'")
        assert changed.rowcount == 1
        conn.close()
        return result

    monkeypatch.setattr(create, "_snapshot", snapshot_then_break_an_index)
    with pytest.raises(BackupDamaged, match="database structure"):
        session.backups.create(tmp_path / "b.clinicbackup", BACKUP_PASSPHRASE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]
