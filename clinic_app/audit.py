"""Append-only, hash-chained audit log inside the vault: who did what and when, never values.

Triggers refuse UPDATE and DELETE; the hash chain shows an edited or removed entry; and the
entries, logins included, are signed by the acting user's own key (registered in their signed
grant with the entry from which on it signs everything in their name, grants.py), so an entry
rewritten or forged in another's name, signed or not, does not verify; and the
newest entry's (seq, hash) is anchored inside each user's key slot at every lock, under
their password (vault.anchor_audit), so cutting the log's end, emptying it, or rewriting
it and recomputing the chain is caught at the next login of anyone who saw the old end.
"""

from __future__ import annotations

import hashlib
import json

from clinic_app import clock
from clinic_app.domain.models import AuditEntry
from clinic_app.findings import Finding
from clinic_app.storage.database import Database
from clinic_app.translation import _

GENESIS = "0" * 64
APPEND_ONLY_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")  # m0001_initial
COLUMNS = "seq, at, actor, action, object_type, object_id, detail, prev_hash, hash"


def entry_hash(seq: int, at: str, actor: str, action: str, object_type: str, object_id: str, detail: str, prev_hash: str) -> str:
    canonical = json.dumps([seq, at, actor, action, object_type, object_id, detail, prev_hash], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, db: Database, signer_source=None, signer=None):
        self.db = db
        # Whatever holds the acting user's Ed25519 key as `.audit_signer` (the open vault,
        # set at unlock by grants.audit_signer); entries are unsigned without one.
        self.signer_source = signer_source
        self.signer = signer  # or the key itself, before there is an open vault (the login entry)

    def append(self, actor: str, action: str, object_type: str = "", object_id: str = "", detail: str = "") -> None:
        with self.db.transaction() as conn:
            last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            at = clock.now_iso()
            digest = entry_hash(seq, at, actor, action, object_type, object_id, detail, prev)
            signer = self.signer or getattr(self.signer_source, "audit_signer", None)
            sig = signer.sign(bytes.fromhex(digest)).hex() if signer is not None else ""
            conn.execute(
                f"INSERT INTO audit_log ({COLUMNS}, sig) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (seq, at, actor, action, object_type, object_id, detail, prev, digest, sig),
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

    def head(self) -> tuple[int, bytes] | None:
        """(sequence number, hash) of the newest entry."""
        row = self.db.query_one("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        try:
            return (row[0], bytes.fromhex(row[1])) if row else None
        except (TypeError, ValueError):  # an edited hash: verify() reports it; anchor nothing
            return None

    def check_anchor(self, seq: int, digest: bytes) -> list[str]:
        """The log must still hold the entry a user's slot anchored at their last lock."""
        if seq == 0:
            return []
        row = self.db.query_one("SELECT hash FROM audit_log WHERE seq = ?", (seq,))
        if row is None:
            count = self.db.query_one("SELECT count(*) FROM audit_log")[0]
            return [
                Finding(
                    "audit.truncated",
                    _("entries up to {seq} were seen at this user's last lock; the log now ends before that ({count} entries): truncated").format(
                        seq=seq, count=count
                    ),
                    seen=seq,
                    count=count,
                )
            ]
        if not isinstance(row[0], str) or row[0] != digest.hex():
            return [Finding(
                    "audit.rewritten", _("entry {seq} is not the one this user's last lock saw: entries were deleted or rewritten").format(seq=seq), seq=seq
                )]
        return []

    def head_seq(self) -> int:
        row = self.db.query_one("SELECT max(seq) FROM audit_log")
        return row[0] or 0

    def signatures(self, after: int = 0, newest: int = -1) -> list[tuple[int, str, str, str]]:
        """(seq, actor, hash, sig) of the entries after `after` (at most the `newest` many),
        oldest first, for grants.audit_signature_report."""
        rows = self.db.query("SELECT seq, actor, hash, sig FROM audit_log WHERE seq > ? ORDER BY seq DESC LIMIT ?", (after, newest))
        return [tuple(r) for r in reversed(rows)]

    def missing_triggers(self) -> list[str]:
        names = {r[0] for r in self.db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        return [name for name in APPEND_ONLY_TRIGGERS if name not in names]

    def verify(self) -> list[str]:
        """Problems with the chain (empty when intact): edited, deleted or reordered rows."""
        problems = []
        prev = GENESIS
        expected_seq = 1
        with self.db.lock:
            cursor = self.db.conn.execute(f"SELECT {COLUMNS} FROM audit_log ORDER BY seq")
            for seq, at, actor, action, otype, oid, detail, prev_hash, digest in cursor:
                if seq != expected_seq:
                    problems.append(_("audit entry {seq} is missing (next is {next})").format(seq=expected_seq, next=seq))
                if prev_hash != prev:
                    problems.append(_("audit entry {seq} does not follow the entry before it").format(seq=seq))
                if entry_hash(seq, at, actor, action, otype, oid, detail, prev_hash) != digest:
                    problems.append(_("audit entry {seq} was altered").format(seq=seq))
                prev = digest
                expected_seq = seq + 1
        return problems
