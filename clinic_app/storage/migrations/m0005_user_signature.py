"""Schema 5: who signs a packet's cover letter: each user's full name, and an attorney's title
and State Bar number (printed under the signature; a final build needs them)."""


def apply(conn) -> None:
    for column in ("full_name", "title", "bar_number"):
        conn.execute(f"ALTER TABLE users ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
