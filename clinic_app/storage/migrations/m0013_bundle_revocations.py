"""Schema 13: field laptops the clinic no longer accepts bundles from (a lost or stolen laptop).

One row per revoked signing key, with the laptop's vault id and name as pinned in
`bundle_senders`, who revoked it, when (UTC) and why (a reason code and a free note).
Undoing a revocation deletes the row. Both are audited, and the import also refuses a key
whose newest revocation entry in the audit log is a revocation, so deleting the row with
raw SQL does not let the laptop back in (docs/security.md).
"""


def apply(conn) -> None:
    conn.execute(
        """CREATE TABLE IF NOT EXISTS bundle_revocations (
            signing_key TEXT PRIMARY KEY, vault_id TEXT NOT NULL, clinic_name TEXT NOT NULL,
            revoked_at TEXT NOT NULL, revoked_by TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '')"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS bundle_revocations_by_vault ON bundle_revocations (vault_id)")
