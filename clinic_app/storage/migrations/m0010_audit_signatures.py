"""Schema 10: each audit entry's Ed25519 signature by its actor's key (grants.py), hex."""


def apply(conn) -> None:
    conn.execute("ALTER TABLE audit_log ADD COLUMN sig TEXT NOT NULL DEFAULT ''")
