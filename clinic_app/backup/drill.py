"""Restore drill: restore a backup into a throwaway folder, compare counts, report, delete it.

So the clinic knows its backups work before the day it needs one.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from clinic_app import clock
from clinic_app.backup import manifest as manifest_table
from clinic_app.backup.container import BackupError, BackupKey
from clinic_app.backup.manifest import TABLES_CHANGED_BY_RESTORE
from clinic_app.backup.restore import restore_backup
from clinic_app.roles import Permission
from clinic_app.translation import ngettext

DRILL_USER = "restore-drill"
LAST_DRILL_META = "backup.last_drill"  # {"at": ISO time, "ok": bool}: shown next to the last backup
RETENTION_TABLES = {"restricted_purposes", "restricted_values"}  # the purge at unlock may shrink these


@dataclass
class DrillReport:
    backup_file: Path
    backup_created_at: str
    ok: bool
    lines: list[str] = field(default_factory=list)  # every check, in the order they ran
    restored_counts: dict[str, int] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)  # what the restore showed, for a short display


def run_drill(session, backup_file: Path, secret: str | BackupKey, progress=None) -> DrillReport:
    session.require(Permission.BACKUP)
    temp = Path(tempfile.mkdtemp(prefix="clinic-drill-"))
    try:
        restored = restore_backup(backup_file, secret, temp / "vault", DRILL_USER, secrets.token_urlsafe(24), progress)
        try:
            with restored.session.db.lock:
                counts = manifest_table.count_rows(restored.session.db.conn)
        finally:
            restored.session.lock()
        report = _compare(backup_file, restored.manifest, restored.report.lines, counts)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    with session.db.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (LAST_DRILL_META, json.dumps({"at": clock.now_iso(), "ok": report.ok})),
        )
        session.record("backup.drill", "vault", session.vault_id, "ok" if report.ok else "FAILED")
    return report


def _compare(backup_file: Path, found, verify_lines: list[str], counts: dict[str, int]) -> DrillReport:
    report = DrillReport(backup_file, found.created_at, ok=True, lines=list(verify_lines), restored_counts=counts)
    compared = sorted(t for t in found.counts if t not in TABLES_CHANGED_BY_RESTORE)
    # Opening the restored vault runs the retention purge, as any unlock does: restricted
    # values past their date are gone, which is the rule working, not a broken backup.
    purged = {t: found.counts[t] - counts.get(t, 0) for t in RETENTION_TABLES & set(compared)}
    purged = {t: n for t, n in purged.items() if n > 0}
    differ = [t for t in compared if counts.get(t) != found.counts[t] and t not in purged]
    if differ:
        report.ok = False
        report.lines.append(f"FAIL restored vault has different counts in: {', '.join(differ)}")
    else:
        clients = counts.get("clients", 0)
        documents = counts.get("documents", 0)
        report.lines.append(
            "ok   restored into a temporary vault: "
            + ngettext("{count} client", "{count} clients", clients).format(count=clients) + ", "
            + ngettext("{count} attachment", "{count} attachments", documents).format(count=documents) + ", "
            + f"{sum(counts[t] for t in compared)} rows in {len(compared)} tables match the backup"
        )
    if purged:
        report.lines.append(
            "info " + ngettext(
                "{count} restricted value past its retention date was purged when the restored vault was opened, as in any restore",
                "{count} restricted values past their retention date were purged when the restored vault was opened, as in any restore",
                purged.get("restricted_values", 0),
            ).format(count=purged.get("restricted_values", 0))
        )
    report.lines.append("ok   the temporary vault was deleted")
    age = (clock.utc_now() - _parse(found.created_at)).days
    report.lines.append("info " + ngettext("the backup was made {at} ({days} day ago) by {by}", "the backup was made {at} ({days} days ago) by {by}", age).format(
        at=found.created_at, days=age, by=found.created_by))
    report.summary = report.lines[len(verify_lines) :]
    return report


def _parse(iso: str) -> datetime:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        raise BackupError("backup.creation_time_unreadable") from None
