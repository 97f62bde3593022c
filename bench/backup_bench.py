"""Backup of a ~100 MB vault: `backup create` vs a raw `sqlcipher_export` of the same database.

Both run in the same process on the same vault, median of N runs. The baseline is the bare
copy (ATTACH with a raw key and the cipher settings of a new backup file + sqlcipher_export,
no verification, no fsync). `backup create`
also writes the manifest, reopens the file and verifies every page HMAC, the structure,
counts, attachment hashes and the audit chain, fsyncs and renames. The Argon2id derivation
of the passphrase (fixed cost, independent of size) is timed separately.
Goal: create (data path, its verification included) <= 1.3x the raw export. Every figure:
the median of the runs, the worst beside it. Usage: python bench/backup_bench.py [MB] [runs]
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, figure, number, report  # noqa: E402  (also puts the app on sys.path)

from clinic_app.backup.container import CIPHER_SETTINGS, CONTAINER_VERSION, DEFAULT_PROFILE, new_backup_key  # noqa: E402
from clinic_app.backup.create import default_backup_name  # noqa: E402
from clinic_app.backup.verify import verify_backup  # noqa: E402
from clinic_app.lifecycle import create_vault  # noqa: E402
from clinic_app.storage.database import connect_raw  # noqa: E402
from clinic_app.vault import Vault  # noqa: E402

PASSPHRASE = "bench passphrase, long enough"
DOC_BYTES = 160 * 1024
STAMP = "'2026-01-01T00:00:00+00:00','bench','2026-01-01T00:00:00+00:00','bench'"


def build_vault(folder: Path, megabytes: int):
    """Bulk rows straight into the tables (the services are not what is measured)."""
    session, _ = create_vault(Vault(folder), "manager", "bench password 123", clinic_name="Bench")
    docs = megabytes * 1024 * 1024 // DOC_BYTES
    clients = max(1000, docs * 10)
    conn = session.db.conn
    with session.db.lock:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO clients (id, given_name, family_name, middle_name, aliases, date_of_birth, phone, email, "
            f"mailing_address, preferred_language, notes, created_at, created_by, updated_at, updated_by) "
            f"VALUES (?, 'Ana', ?, '', '[]', '1980-01-01', '', '', '{{}}', 'es', ?, {STAMP})",
            ((f"c{i:07d}", f"Family{i}", "Needs the pardon for immigration relief. " * 4) for i in range(clients)),
        )
        for i in range(docs):
            content = b"%PDF-1.4\n" + os.urandom(DOC_BYTES)
            conn.execute(
                "INSERT INTO documents (id, client_id, matter_id, filename, media_type, doc_type, sha256, size, content, "
                f"created_at, created_by, updated_at, updated_by) VALUES (?, ?, NULL, 'r.pdf', 'application/pdf', "
                f"'other', ?, ?, ?, {STAMP})",
                (f"d{i:07d}", f"c{i:07d}", hashlib.sha256(content).hexdigest(), len(content), content),
            )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return session


def raw_export(session, out: Path) -> None:
    """The floor: the same library, a raw key, and the cipher settings a new backup file gets."""
    source = connect_raw(session.vault.db_path, session.db_key)
    try:
        source.execute(f"ATTACH DATABASE '{out}' AS exp KEY \"x'{os.urandom(32).hex()}'\"")
        for name, value in CIPHER_SETTINGS[CONTAINER_VERSION].items():
            source.execute(f"PRAGMA exp.{name} = {value}")
        source.execute("SELECT sqlcipher_export('exp')")
        source.execute("DETACH DATABASE exp")
    finally:
        source.close()


def timed(fn, cpu: list[float] | None = None) -> float:
    """Wall seconds of fn(); its process CPU seconds (all threads) go to `cpu` when given."""
    started, cpu_started = time.perf_counter(), time.process_time()
    fn()
    if cpu is not None:
        cpu.append(time.process_time() - cpu_started)
    return time.perf_counter() - started


def main() -> int:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    os.environ.pop("CLINIC_INSECURE_TEST_KDF", None)  # the real Argon2id profile for the backup key
    with tempfile.TemporaryDirectory(prefix="clinic-backup-bench-") as temp:
        base = Path(temp)
        t0 = time.perf_counter()
        session = build_vault(base / "vault", megabytes)
        size_mb = session.vault.db_path.stat().st_size / 1e6
        print(f"vault: {size_mb:.1f} MB ({session.db.query_one('SELECT count(*) FROM clients')[0]} clients, "
              f"{session.db.query_one('SELECT count(*) FROM documents')[0]} attachments), built in {time.perf_counter() - t0:.1f} s")
        kdf = [timed(lambda: new_backup_key(PASSPHRASE, DEFAULT_PROFILE)) for _ in range(3)]
        key = new_backup_key(PASSPHRASE, DEFAULT_PROFILE)
        export, create, full, verify, export_cpu, create_cpu = [], [], [], [], [], []
        for i in range(runs):  # interleaved, so cache and disk state favour neither side
            out = base / f"raw-{i}.db"
            export.append(timed(lambda: raw_export(session, out), export_cpu))
            out.unlink()
            target = base / "out" / default_backup_name().replace(".clinic", f"-{i}.clinic")
            target.parent.mkdir(exist_ok=True)
            create.append(timed(lambda: session.backups.create(target, key), create_cpu))
            verify.append(timed(lambda: verify_backup(target, key)))
            target.unlink()
        full_target = base / "out" / "full.clinicbackup"
        full.append(timed(lambda: session.backups.create(full_target, PASSPHRASE)))
        backup_mb = full_target.stat().st_size / 1e6
        session.lock()
    raw, ours, paired = figure(export), figure(create), figure(c / e for c, e in zip(create, export))
    raw_cpu, ours_cpu = figure(export_cpu), figure(create_cpu)
    print(f"vault {size_mb:.1f} MB; raw export {size_mb / raw.median:.0f} MB/s, backup create {size_mb / ours.median:.0f} MB/s")
    # create hashes and checks on 2-3 threads: where the other core is busy, its wall time tends to
    # its CPU time, so the rows show CPU beside wall (a loaded run reads as such).
    print(f"CPU time, all threads: raw export {raw_cpu}, backup create {ours_cpu}; "
          f"CPU ratio {figure(c / e for c, e in zip(create_cpu, export_cpu)).median:.2f}x (load {os.getloadavg()[0]:.1f})")
    print(f"backup verify (separate command): {figure(verify)}")
    print(f"Argon2id key derivation (once per backup, any size): {figure(kdf)}")
    print(f"backup create with passphrase, end to end: {full[0]:.2f} s (file {backup_mb:.1f} MB)")
    # Paired ratios: neighbours in time share the machine's load.
    report(f"backup incl. verification, {size_mb:.0f} MB vault", f"{raw}; CPU {number(raw_cpu.median)} s", "<= 1.3x raw sqlcipher_export",
           f"{ours}; CPU {number(ours_cpu.median)} s", Figure(paired.median, paired.worst, "x", paired.runs), paired.median <= 1.3)
    return 0

if __name__ == "__main__":
    sys.exit(main())
