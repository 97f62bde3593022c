"""Append-only, hash-chained audit log inside the vault: who did what and when, never values."""

from __future__ import annotations

import hashlib
import json

from clinic_app import clock
from clinic_app.domain.models import AuditEntry
from clinic_app.storage.database import Database

GENESIS = "0" * 64
COLUMNS = "seq, at, actor, action, object_type, object_id, detail, prev_hash, hash"


def entry_hash(seq: int, at: str, actor: str, action: str, object_type: str, object_id: str, detail: str, prev_hash: str) -> str:
    canonical = json.dumps([seq, at, actor, action, object_type, object_id, detail, prev_hash], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, db: Database):
        self.db = db

    def append(self, actor: str, action: str, object_type: str = "", object_id: str = "", detail: str = "") -> None:
        with self.db.transaction() as conn:
            last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            at = clock.now_iso()
            digest = entry_hash(seq, at, actor, action, object_type, object_id, detail, prev)
            conn.execute(
                f"INSERT INTO audit_log ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                (seq, at, actor, action, object_type, object_id, detail, prev, digest),
            )

    def entries(self, object_id: str | None = None, limit: int = 500, offset: int = 0) -> list[AuditEntry]:
        if object_id:
            rows = self.db.query(
                f"SELECT {COLUMNS} FROM audit_log WHERE object_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
                (object_id, limit, offset),
            )
        else:
            rows = self.db.query(f"SELECT {COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?", (limit, offset))
        return [AuditEntry(*r) for r in rows]

    def verify(self) -> list[str]:
        """Problems with the chain (empty when intact): edited, deleted or reordered rows."""
        problems = []
        prev = GENESIS
        expected_seq = 1
        with self.db.lock:
            cursor = self.db.conn.execute(f"SELECT {COLUMNS} FROM audit_log ORDER BY seq")
            for seq, at, actor, action, otype, oid, detail, prev_hash, digest in cursor:
                if seq != expected_seq:
                    problems.append(f"audit entry {expected_seq} is missing (next is {seq})")
                if prev_hash != prev:
                    problems.append(f"audit entry {seq} does not follow the entry before it")
                if entry_hash(seq, at, actor, action, otype, oid, detail, prev_hash) != digest:
                    problems.append(f"audit entry {seq} was altered")
                prev = digest
                expected_seq = seq + 1
        return problems
