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
from clinic_app.backup.restore import restore_into
from clinic_app.check_report import CheckReport
from clinic_app.services.context import ServiceContext
from clinic_app.translation import _, moment_words, ngettext, status_line
from clinic_app.vault import Vault

DRILL_USER = "restore-drill"
LAST_DRILL_META = "backup.last_drill"  # {"at": ISO time, "ok": bool}: shown next to the last backup


@dataclass
class DrillReport(CheckReport):  # its lines: every check, the backup's verification first
    backup_file: Path
    backup_created_at: str
    restored_counts: dict[str, int] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)  # what the restore showed, for a short display


def run_drill(ctx: ServiceContext, backup_file: Path, secret: str | BackupKey, progress=None) -> DrillReport:
    """Who may run it is decided by `BackupService.drill`. The throwaway copy is opened as a
    plain vault (no session, so no retention purge): its counts must match the backup's."""
    temp = Path(tempfile.mkdtemp(prefix="clinic-drill-"))
    try:
        password = secrets.token_urlsafe(24)
        restored = restore_into(backup_file, secret, temp / "vault", DRILL_USER, password, progress)
        with Vault(restored.folder).unlock(DRILL_USER, password) as opened:
            with opened.db.lock:
                counts = manifest_table.count_rows(opened.db.conn)
        report = _compare(backup_file, restored.manifest, restored.report.lines, counts)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    with ctx.db.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (LAST_DRILL_META, json.dumps({"at": clock.now_iso(), "ok": report.ok})),
        )
        ctx.record("backup.drill", "vault", ctx.vault_id, "ok" if report.ok else "FAILED")
    return report


def _compare(backup_file: Path, found, verify_lines: list[str], counts: dict[str, int]) -> DrillReport:
    report = DrillReport(backup_file, found.created_at, lines=list(verify_lines), restored_counts=counts)
    compared = sorted(t for t in found.counts if t not in TABLES_CHANGED_BY_RESTORE)
    differ = [t for t in compared if counts.get(t) != found.counts[t]]
    if differ:
        report.failed(_("restored vault has different counts in: {tables}").format(tables=", ".join(differ)))
    else:
        clients = counts.get("clients", 0)
        documents = counts.get("documents", 0)
        report.passed(_("restored into a temporary vault: {clients}, {attachments}, {rows} rows in {tables} tables match the backup").format(
            clients=ngettext("{count} client", "{count} clients", clients).format(count=clients),
            attachments=ngettext("{count} attachment", "{count} attachments", documents).format(count=documents),
            rows=sum(counts[t] for t in compared),
            tables=len(compared),
        ))
    report.passed(_("the temporary vault was deleted"))
    age = (clock.utc_now() - _parse(found.created_at)).days
    report.lines.append(status_line("info", ngettext("the backup was made {at} ({days} day ago) by {by}", "the backup was made {at} ({days} days ago) by {by}", age).format(
        at=moment_words(found.created_at), days=age, by=found.created_by)))
    report.summary = report.lines[len(verify_lines) :]
    return report


def _parse(iso: str) -> datetime:
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        raise BackupError("backup.creation_time_unreadable") from None
