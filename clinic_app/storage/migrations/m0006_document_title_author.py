"""Schema 6: an attachment's title and author, printed in the exhibit index and the cover
letter ("Exhibit C: Letter of support from Rev. Ana Torres"); a support letter's author ties
it to the matter's reference."""


def apply(conn) -> None:
    for column in ("title", "author"):
        conn.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
