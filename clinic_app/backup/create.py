"""Make a backup: a consistent snapshot of the live vault, re-keyed from the backup passphrase.

Crash safety: the copy goes to a temp file (mode 0600) in the destination folder, is keyed
before its first byte is written, is verified (every check `backup verify` makes) and fsync'd,
and only then renamed to its final name. A killed run leaves only the temp file, which the next run deletes.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from clinic_app import __version__, clock
from clinic_app.backup import manifest as manifest_table
from clinic_app.backup.container import FILE_SUFFIX, BackupError, BackupKey, connect, key_for_file, new_backup_key
from clinic_app.backup.manifest import Manifest
from clinic_app.backup.verify import VerifyReport, attachment_digests, check_file, require_sound
from clinic_app.errors import AuthenticationFailed
from clinic_app.fileio import TEMP_PREFIX, fsync_dir, fsync_file, remove_stale_temp_files
from clinic_app.services.context import ServiceContext
from clinic_app.services.settings import AUTO_BACKUP_KEY_META, SettingsService
from clinic_app.storage import migrations
from clinic_app.storage.database import connect_raw

Progress = Callable[[int, int], None]
BACKUP_TEMP_PREFIX = TEMP_PREFIX + "backup-"
PAGES_PER_STEP = 1024  # 4 MiB per step: progress ticks without slowing the copy
PROGRESS_TOTAL = 1000
SYNC_EVERY_SECONDS = 0.2
# Test hook (like CLINIC_INSECURE_TEST_KDF): seconds to pause after each copy step, so a
# test can kill the process while the temp file is half written.
STEP_DELAY_ENV = "CLINIC_TEST_BACKUP_STEP_DELAY"
LAST_PATH_META = "backup.last_path"  # a file path the manager chose; never client data
AUTO_KEY_META = AUTO_BACKUP_KEY_META  # the automatic-backup key (see service.py)
# Never copied into a backup: a backup made with one passphrase must not carry the key of
# another (someone who knew an old manual passphrase could open later automatic backups).
KEPT_OUT_OF_BACKUPS = (AUTO_KEY_META,)


@dataclass
class BackupResult:
    path: Path
    size: int
    manifest: Manifest
    report: VerifyReport
    seconds: float


def default_backup_name(when=None) -> str:
    """`clinic-backup-20261122T030500Z.clinicbackup`: a date, no names or client data."""
    stamp = (when or clock.utc_now()).strftime("%Y%m%dT%H%M%SZ")
    return f"clinic-backup-{stamp}{FILE_SUFFIX}"


def resolve_destination(out: str | os.PathLike) -> Path:
    target = Path(out)
    if target.is_dir():
        target = target / default_backup_name()
    if not target.parent.is_dir():
        raise BackupError("backup.folder_missing", path=str(target.parent))
    if target.exists():
        raise BackupError("backup.file_exists", path=str(target))
    return target


def create_backup(ctx: ServiceContext, out: str | os.PathLike, secret: str | BackupKey, progress: Progress | None = None) -> BackupResult:
    """Back up the open vault to `out` (a file name, or a folder for a dated name).

    Who may is decided by the caller, `BackupService` (a manager, or the automatic backup).
    """
    started = time.monotonic()
    tick = progress or (lambda done, total: None)
    target = resolve_destination(out)
    remove_stale_temp_files(target.parent, BACKUP_TEMP_PREFIX)  # a killed run's encrypted leftovers
    tick(0, PROGRESS_TOTAL)
    key = secret if isinstance(secret, BackupKey) else new_backup_key(secret)
    tick(50, PROGRESS_TOTAL)
    fd, temp_name = tempfile.mkstemp(prefix=BACKUP_TEMP_PREFIX, dir=target.parent)  # 0600
    os.close(fd)
    temp = Path(temp_name)
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-fsync") as disk:
            copied = threading.Event()
            disk.submit(_sync_until, temp, copied)  # the disk keeps up with the copy...
            try:
                found, hashed = _snapshot(ctx, temp, key, lambda part: tick(50 + int(part * 700), PROGRESS_TOTAL))
            finally:
                copied.set()
            synced = disk.submit(fsync_file, temp)  # ...and catches up while the pages are checked
            report = _verify_written(temp, key, lambda done, total: tick(750 + 200 * done // total, PROGRESS_TOTAL), hashed)
            synced.result()
        require_sound(report)
        os.replace(temp, target)
        fsync_dir(target.parent)
    except BaseException:
        _remove_temp(temp)
        raise
    with ctx.db.transaction() as conn:  # where it went, so the restore drill can find it
        SettingsService(ctx.as_system()).set("backup.last_at", found.created_at)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (LAST_PATH_META, str(target.absolute())))
    ctx.record("backup.create", "vault", found.source_vault_id, f"{found.total_rows} rows, {len(found.attachments)} attachments")
    tick(PROGRESS_TOTAL, PROGRESS_TOTAL)
    return BackupResult(target, target.stat().st_size, found, report, time.monotonic() - started)


def _snapshot(ctx: ServiceContext, temp: Path, key: BackupKey, copied: Callable[[float], None]) -> tuple[Manifest, int | None]:
    """Copy the vault page by page inside one read transaction, so the counts match the pages.

    A second connection reads the vault (WAL lets the app keep writing meanwhile); the target
    is keyed with the backup key before anything is written to it. Meanwhile a third one
    hashes the attachments (both are read-bound; SQLite and hashlib release the GIL). Returns
    the manifest and how many attachments matched it, or None when that could not be shown
    (then the written copy's attachments are hashed instead).
    """
    delay = float(os.environ.get(STEP_DELAY_ENV) or 0)
    source = connect_raw(ctx.vault.db_path, ctx.db_key)
    target = connect(temp, key, read_only=False, new_file=True)
    # The temp file is worthless until renamed, and it is fsync'd once before the rename:
    # no journal and no per-commit syncs while it is being written.
    target.execute("PRAGMA journal_mode = OFF")
    target.execute("PRAGMA synchronous = OFF")
    try:
        source.execute("BEGIN")
        found = Manifest(
            app_version=__version__,
            schema_version=source.execute("PRAGMA user_version").fetchone()[0],
            created_at=clock.now_iso(),
            created_by=ctx.user.username,
            source_vault_id=source.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0],
            counts=manifest_table.count_rows(source),
            attachments=manifest_table.recorded_attachments(source),
        )
        if found.schema_version != migrations.latest_version():
            raise BackupError("backup.schema_outdated")

        def step(status, remaining, total):
            copied((total - remaining) / max(total, 1))
            if delay:
                time.sleep(delay)

        hashing = _hash_attachments_meanwhile(ctx)
        source.backup(target, pages=PAGES_PER_STEP, progress=step)
        source.execute("COMMIT")
        digests = hashing()
        target.execute("PRAGMA secure_delete = ON")
        marks = ",".join("?" * len(KEPT_OUT_OF_BACKUPS))
        found.counts["meta"] -= target.execute(f"DELETE FROM meta WHERE key IN ({marks})", KEPT_OUT_OF_BACKUPS).rowcount
        target.execute("PRAGMA journal_mode = DELETE")  # the copy inherits WAL; a backup is one file
        manifest_table.write(target, found)
        # The slots hold no client data; their role secrets (attorneys' restricted-data key)
        # open only with a staff password, and the restore needs them (restore.py).
        manifest_table.write_keyslots(target, ctx.vault.slot_store.load().to_bytes())
    finally:
        target.close()
        source.close()
    # Same attachments, same recorded hashes, same content hashes: what the copy's pages hold.
    return found, len(digests) if digests == found.attachments else None


def _sync_until(temp: Path, copied: threading.Event) -> None:
    """fsync the temp file every so often while it is being written, so that the one fsync
    before the rename finds little left to write (on a slow drive it would otherwise take
    longer than all the checks)."""
    while not copied.wait(SYNC_EVERY_SECONDS):
        fsync_file(temp)


def _hash_attachments_meanwhile(ctx: ServiceContext) -> Callable[[], dict | None]:
    """Hash every attachment of the vault on its own connection and thread; call the result to
    wait for the digests (None if they could not be read)."""
    digests: list[dict] = []

    def work() -> None:
        conn = connect_raw(ctx.vault.db_path, ctx.db_key)
        try:
            conn.execute("BEGIN")
            digests.append(attachment_digests(conn))
            conn.execute("COMMIT")
        except Exception:  # the copy's own attachments are checked instead
            pass
        finally:
            conn.close()

    worker = threading.Thread(target=work, name="backup-attachment-hashes", daemon=True)
    worker.start()

    def result() -> dict | None:
        worker.join()
        return digests[0] if digests else None

    return result


def _verify_written(temp: Path, key: BackupKey, progress: Progress, attachments_hashed: int | None) -> VerifyReport:
    """Check the written file as `backup verify` would, starting from the salt it begins with."""
    report = VerifyReport(str(temp))
    try:
        key_for_file(temp, key)  # the salt at the start of the file must be the key's
    except (BackupError, AuthenticationFailed) as exc:  # we derived the key: the copy's start is damaged
        report.failed(str(exc))
        return report
    return check_file(temp, key, report, progress, attachments_hashed=attachments_hashed)


def _remove_temp(temp: Path) -> None:
    for leftover in (temp, *(temp.with_name(temp.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # the next run's clean-up gets it
