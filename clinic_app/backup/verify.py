"""Is this backup sound? Passphrase, page HMACs, structure, schema, manifest, attachments, audit chain."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from clinic_app.audit import AuditLog
from clinic_app.backup import manifest as manifest_table
from clinic_app.backup.container import (
    TEST_PROFILE,
    BackupDamaged,
    BackupKey,
    BackupTooNew,
    connect,
    db_adapter,
    open_backup,
)
from clinic_app.backup.manifest import Manifest
from clinic_app.check_report import CheckReport
from clinic_app.storage import migrations
from clinic_app.translation import _, ngettext

Progress = Callable[[int, int], None]


@dataclass
class VerifyReport(CheckReport):
    path: str
    manifest: Manifest | None = None

    @property
    def verdict(self) -> str:
        if self.ok:
            return _("VERDICT: the backup is sound and can be restored")
        count = len(self.problems)
        return ngettext("VERDICT: the backup is NOT usable ({count} problem)", "VERDICT: the backup is NOT usable ({count} problems)", count).format(count=count)


def check_file(
    path: Path, key: BackupKey, report: VerifyReport, progress: Progress | None = None, attachments_hashed: int | None = None,
) -> VerifyReport:
    """Every check on a backup file whose key opens it; `backup create` runs the same ones.

    Three readers at once, each on its own connection: the HMAC sweep over every page (in use
    or free), the structure walk, and the content checks (schema, manifest, counts,
    attachment hashes, audit chain). All are read-bound and SQLite, SQLCipher and hashlib
    release the GIL, so a two-core laptop checks in the time of the longest one. Content
    results only count when the pages are sound.

    `attachments_hashed` (right after writing): the attachments were hashed while their pages
    were copied, and matched; the HMAC sweep proves the copy holds those pages unaltered, so
    they are not read and hashed a second time.
    """
    tick = progress or (lambda done, total: None)
    steps = 6  # four content checks, then the two page checks (the long ones), ticked from this thread
    content = VerifyReport(report.path)
    too_new: BackupTooNew | None = None
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="backup-page-checks") as pool:
        sweep = pool.submit(_page_query, path, key, "PRAGMA cipher_integrity_check")
        structure = pool.submit(_page_query, path, key, "PRAGMA integrity_check")
        conn = connect(path, key, read_only=True)
        try:
            _content_checks(conn, content, lambda done, total: tick(done, steps), attachments_hashed)
        except sqlcipher.DatabaseError:
            content.failed(_("the backup could not be read to the end (damaged)"))
        except BackupTooNew as exc:
            too_new = exc
        finally:
            conn.close()
        bad_pages = sweep.result()
        tick(5, steps)
        problems = structure.result()
        tick(6, steps)
    if bad_pages is None or (not bad_pages and problems is None):
        report.failed(_("the backup could not be read to the end (damaged)"))
        return report
    if bad_pages:
        report.failed(ngettext("encryption: {count} page fails its HMAC (the file was altered or damaged)",
                               "encryption: {count} pages fail their HMAC (the file was altered or damaged)", len(bad_pages)).format(count=len(bad_pages)))
        return report
    problems = [row for row in problems if row != "ok"]
    if problems:
        report.failed(ngettext("database structure: {count} problem", "database structure: {count} problems", len(problems)).format(count=len(problems)))
        return report
    if too_new is not None:
        raise too_new
    report.passed(_("every page decrypts and passes its HMAC"))
    report.passed(_("database structure intact"))
    report.lines += content.lines
    report.problems += content.problems
    report.manifest = content.manifest
    return report


def _page_query(path: Path, key: BackupKey, pragma: str) -> list[str] | None:
    """The rows a page-level check returns (empty or "ok" when sound), None if it broke off."""
    conn = connect(path, key, read_only=True)
    try:
        return [row[0] for row in conn.execute(pragma).fetchall()]
    except sqlcipher.DatabaseError:
        return None
    finally:
        conn.close()


def _content_checks(conn, report: VerifyReport, tick: Progress, attachments_hashed: int | None = None) -> None:
    schema = conn.execute("PRAGMA user_version").fetchone()[0]
    if schema > migrations.latest_version():
        raise BackupTooNew("backup.schema_too_new", schema=schema, latest=migrations.latest_version())
    try:
        found = manifest_table.read(conn)
    except (KeyError, ValueError, TypeError, sqlcipher.DatabaseError):
        report.failed(_("manifest: missing or unreadable (not a complete Clinic Intake backup)"))
        return
    report.manifest = found
    if found.schema_version != schema:
        report.failed(_("manifest: says schema {claimed}, the data is schema {schema}").format(claimed=found.schema_version, schema=schema))
    report.passed(_("schema version {schema} (this app reads up to {latest})").format(schema=schema, latest=migrations.latest_version()))
    tick(1, 4)
    actual = manifest_table.count_rows(conn)
    wrong = sorted(t for t in set(actual) | set(found.counts) if actual.get(t) != found.counts.get(t))
    if wrong:
        report.failed(_("record counts differ from the manifest in: {tables}").format(tables=", ".join(wrong)))
    else:
        report.passed(_("record counts match the manifest ({rows} rows in {tables} tables)").format(rows=found.total_rows, tables=len(actual)))
    tick(2, 4)
    if attachments_hashed is not None and attachments_hashed == len(found.attachments):
        report.passed(ngettext("{count} attachment matches its recorded SHA-256", "{count} attachments match their recorded SHA-256", attachments_hashed).format(count=attachments_hashed))
    else:
        _check_attachments(conn, found, report)
    tick(3, 4)
    chain = AuditLog(db_adapter(conn)).verify()
    if chain:
        report.failed(ngettext("audit log: {count} problem in the hash chain", "audit log: {count} problems in the hash chain", len(chain)).format(count=len(chain)))
    else:
        report.passed(_("audit chain intact ({count} entries)").format(count=found.counts.get("audit_log", 0)))
    tick(4, 4)


def attachment_digests(conn) -> dict[str, tuple[str, int]]:
    """id -> (SHA-256, size) of every attachment's content, as read on `conn`."""
    digests = {}
    for doc_id, content in conn.execute("SELECT id, content FROM documents"):
        data = bytes(content)
        digests[doc_id] = (hashlib.sha256(data).hexdigest(), len(data))
    return digests


def _check_attachments(conn, found: Manifest, report: VerifyReport) -> None:
    matched, mismatched = set(), 0
    for doc_id, digest in attachment_digests(conn).items():
        if found.attachments.get(doc_id) == digest:
            matched.add(doc_id)
        else:
            mismatched += 1
    missing = len(set(found.attachments) - matched)
    if mismatched or missing:
        report.failed(_("attachments: {count} do not match their recorded SHA-256").format(count=max(mismatched, missing)))
    else:
        report.passed(ngettext("{count} attachment matches its recorded SHA-256", "{count} attachments match their recorded SHA-256", len(matched)).format(count=len(matched)))


def verify_backup(path: str | Path, passphrase: str | BackupKey, progress: Progress | None = None) -> VerifyReport:
    """Open with the passphrase and run every check. Raises for files that cannot be opened at all."""
    path = Path(path)
    conn, key = open_backup(path, passphrase)
    conn.close()
    report = VerifyReport(str(path))
    report.passed(_("the passphrase opens the backup"))
    check_file(path, key, report, progress)
    if key.profile == TEST_PROFILE:
        report.warned(_("the backup key uses test-strength key derivation"))
    return report


def require_sound(report: VerifyReport) -> Manifest:
    if not report.ok or report.manifest is None:
        raise BackupDamaged("backup.failed_verification", details="; ".join(report.problems))
    return report.manifest
