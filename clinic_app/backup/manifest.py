"""The manifest stored inside every backup: what was copied, from where, by whom, when.

It holds counts, ids and hashes, never client values. Attachment hashes are the SHA-256
the app recorded when each file was attached, so verifying a backup checks the bytes
end to end: from the moment of attaching to the copy in the backup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

MANIFEST_TABLE = "backup_manifest"
ATTACHMENTS_TABLE = "backup_attachments"
MANIFEST_FORMAT = 1
# Tables a restored vault rewrites by design (new staff key slots, a restore audit entry).
TABLES_CHANGED_BY_RESTORE = {"users", "audit_log", "meta", MANIFEST_TABLE, ATTACHMENTS_TABLE}


@dataclass
class Manifest:
    app_version: str
    schema_version: int
    created_at: str
    created_by: str
    source_vault_id: str
    counts: dict[str, int]
    attachments: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (sha256, size)
    format: int = MANIFEST_FORMAT

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def counted_tables(conn) -> list[str]:
    """Every table with rows worth counting: FTS shadow tables and our own are left out."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if not name.startswith("sqlite_")
        and name not in (MANIFEST_TABLE, ATTACHMENTS_TABLE)
        and not any(name.startswith(v + "_") for v in virtual)
    ]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def count_rows(conn) -> dict[str, int]:
    return {name: conn.execute(f"SELECT count(*) FROM {quote(name)}").fetchone()[0] for name in counted_tables(conn)}


def recorded_attachments(conn) -> dict[str, tuple[str, int]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, sha256, size FROM documents")}


def write(conn, manifest: Manifest) -> None:
    values = {
        "format": manifest.format,
        "app_version": manifest.app_version,
        "schema_version": manifest.schema_version,
        "created_at": manifest.created_at,
        "created_by": manifest.created_by,
        "source_vault_id": manifest.source_vault_id,
        "counts": manifest.counts,
    }
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"CREATE TABLE {MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(f"CREATE TABLE {ATTACHMENTS_TABLE} (document_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL)")
    conn.executemany(f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?)", [(k, json.dumps(v)) for k, v in values.items()])
    conn.executemany(
        f"INSERT INTO {ATTACHMENTS_TABLE} VALUES (?, ?, ?)", [(i, h, s) for i, (h, s) in manifest.attachments.items()]
    )
    conn.execute("COMMIT")


def read(conn) -> Manifest:
    """Raises KeyError/ValueError/DatabaseError when the manifest is missing or malformed."""
    values = {k: json.loads(v) for k, v in conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}")}
    attachments = {r[0]: (r[1], r[2]) for r in conn.execute(f"SELECT document_id, sha256, size FROM {ATTACHMENTS_TABLE}")}
    return Manifest(
        app_version=str(values["app_version"]),
        schema_version=int(values["schema_version"]),
        created_at=str(values["created_at"]),
        created_by=str(values["created_by"]),
        source_vault_id=str(values["source_vault_id"]),
        counts={str(k): int(v) for k, v in dict(values["counts"]).items()},
        attachments=attachments,
        format=int(values["format"]),
    )


KEYSLOTS_KEY = "keyslots"  # the vault's key-slot file, so a restore keeps its role secrets


def write_keyslots(conn, slot_file_bytes: bytes) -> None:
    conn.execute(f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?)", (KEYSLOTS_KEY, json.dumps(json.loads(slot_file_bytes))))


def read_keyslots(conn) -> bytes | None:
    row = conn.execute(f"SELECT value FROM {MANIFEST_TABLE} WHERE key = ?", (KEYSLOTS_KEY,)).fetchone()
    return json.dumps(json.loads(row[0])).encode() if row else None


def drop(conn) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
    conn.execute(f"DROP TABLE IF EXISTS {ATTACHMENTS_TABLE}")
