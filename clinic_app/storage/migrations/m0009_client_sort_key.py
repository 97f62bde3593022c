"""Schema 9: each client's name sort key (clinic_app/domain/collation.py), indexed with the id,
so the client list pages through 100,000 clients in the order people expect with a keyset
("after this key") instead of OFFSET."""

from clinic_app.domain.collation import name_sort_key


def apply(conn) -> None:
    conn.execute("ALTER TABLE clients ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, family_name, given_name, middle_name FROM clients").fetchall()
    conn.executemany("UPDATE clients SET sort_key = ? WHERE id = ?", [(name_sort_key(f, g, m), i) for i, f, g, m in rows])
    conn.execute("CREATE INDEX clients_by_sort_key ON clients (sort_key, id)")
    conn.execute("DROP INDEX IF EXISTS clients_by_name")  # the list no longer sorts by it
