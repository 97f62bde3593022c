"""Schema 8: each client's name order, given name first (the default) or family name first
("Nguyễn Thị Hồng"), used wherever the full name is printed."""


def apply(conn) -> None:
    conn.execute("ALTER TABLE clients ADD COLUMN name_order TEXT NOT NULL DEFAULT 'given_first'")
