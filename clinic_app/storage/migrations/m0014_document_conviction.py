"""Schema 14: the conviction a court record is the record of, chosen when it is attached
(`document add --case`); empty for other documents and for records tied by the case number
in their title or file name."""


def apply(conn) -> None:
    conn.execute("ALTER TABLE documents ADD COLUMN conviction_id TEXT")
