"""Schema 11: each client's number of matters, kept by SQLite triggers on `matters`.

The client list shows it on every row; counting per row (one probe of `matters_by_client`
per client) was half of each 200-row page's query (bench/search_bench.py). Triggers keep it
on every path that adds, moves or removes a matter (services, intake and bundle import,
cascades), so no Python code writes it. It is a display figure: nothing decides on it.
"""

TRIGGERS = (
    "CREATE TRIGGER matters_count_insert AFTER INSERT ON matters BEGIN "
    "UPDATE clients SET matter_count = matter_count + 1 WHERE id = NEW.client_id; END",
    "CREATE TRIGGER matters_count_delete AFTER DELETE ON matters BEGIN "
    "UPDATE clients SET matter_count = matter_count - 1 WHERE id = OLD.client_id; END",
    "CREATE TRIGGER matters_count_move AFTER UPDATE OF client_id ON matters WHEN OLD.client_id IS NOT NEW.client_id BEGIN "
    "UPDATE clients SET matter_count = matter_count - 1 WHERE id = OLD.client_id; "
    "UPDATE clients SET matter_count = matter_count + 1 WHERE id = NEW.client_id; END",
)


def apply(conn) -> None:
    conn.execute("ALTER TABLE clients ADD COLUMN matter_count INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE clients SET matter_count = (SELECT count(*) FROM matters m WHERE m.client_id = clients.id)")
    for sql in TRIGGERS:
        conn.execute(sql)
