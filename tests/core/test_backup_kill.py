"""Killing `backup create` mid-write leaves no file under the destination name; the next run cleans up.

About 3 s: a real subprocess is paused between copy steps (test hook) and killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

from clinic_app.backup.create import BACKUP_TEMP_PREFIX, PAGES_PER_STEP, STEP_DELAY_ENV
from clinic_app.lifecycle import open_session
from tests.conftest import CLI, PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, CANARY, populate


def test_kill_during_create_leaves_only_a_temp_file_that_the_next_run_removes(vault, tmp_path, cli):
    session = open_session(vault, "manager", PASSWORD)
    try:  # several copy steps' worth of pages, so the copy is caught half done
        populate(session, clients=3, attachment_bytes=PAGES_PER_STEP * 4096)
    finally:
        session.lock()
    out = tmp_path / "backups"
    out.mkdir()
    target = out / "monday.clinicbackup"
    env = dict(os.environ, CLINIC_PASSWORD=PASSWORD, CLINIC_BACKUP_PASSWORD=BACKUP_PASSPHRASE, **{STEP_DELAY_ENV: "1"})
    proc = subprocess.Popen(
        [CLI, "--vault", str(vault.folder), "--user", "manager", "backup", "create", "--out", str(target)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        temps = []
        while time.monotonic() < deadline:  # wait until copied pages reach the disk
            temps = [p for p in out.glob(BACKUP_TEMP_PREFIX + "*") if not p.name.endswith("-journal")]
            if temps and temps[0].stat().st_size > 0:
                break
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        else:
            raise AssertionError("the backup never started writing")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert not target.exists()
    leftover = temps[0].read_bytes()
    assert leftover.strip(b"\0")  # pages were really written before the kill
    for plaintext in (CANARY.encode(), b"%PDF-1.4", b"SQLite format 3"):
        assert plaintext not in leftover  # half a backup is still ciphertext
    assert (temps[0].stat().st_mode & 0o777) == 0o600

    again = cli("backup", "create", "--out", str(target), env={"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE})
    assert again.code == 0, again.err
    assert target.exists()
    assert list(out.glob(BACKUP_TEMP_PREFIX + "*")) == []
    assert cli("backup", "verify", str(target), env={"CLINIC_BACKUP_PASSWORD": BACKUP_PASSPHRASE}).code == 0
