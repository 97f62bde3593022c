"""The client search index (FTS5, inside the encrypted vault): one row per client built
from the client, its convictions' case numbers and its notes. Any service that changes
one of those calls `reindex`. Its layout (search rows share their client's rowid) is the
schema's: a layout change is a migration (`storage/migrations/m0012_search_index_layout.py`
built the current one), so opening a vault never checks it."""

from __future__ import annotations

import json

from clinic_app.services.record_store import BulkInsert
from clinic_app.storage.database import Database

# By rowid: client_id is an unindexed FTS column, so matching on it scans the whole index.
DELETE_SEARCH_ROW = "DELETE FROM client_search WHERE rowid = (SELECT rowid FROM clients WHERE id = ?)"


INSERT_SEARCH_HEAD = "INSERT INTO client_search (rowid, client_id, names, aliases, case_numbers, notes) VALUES"
SEARCH_ROW_VALUES = "((SELECT rowid FROM clients WHERE id = ?),?,?,?,?,?)"
INSERT_SEARCH_ROW = f"{INSERT_SEARCH_HEAD} {SEARCH_ROW_VALUES}"


def search_row(given: str, middle: str, family: str, aliases: list[str], notes: str, case_numbers: list[str], note_bodies: list[str] = ()) -> tuple:
    """The index columns of one client: names, aliases, case numbers, notes."""
    return " ".join(p for p in (given, middle, family) if p), " ".join(aliases), " ".join(case_numbers), "\n".join([notes, *note_bodies])


def new_client_rows(clients: list, case_numbers: dict[str, list[str]]) -> BulkInsert:
    """Search rows for clients an intake import stores, built from the records in memory, for
    one statement after theirs; `case_numbers` by client id."""
    return BulkInsert.of(
        INSERT_SEARCH_HEAD,
        SEARCH_ROW_VALUES,
        [
            [c.id, c.id, *search_row(c.given_name, c.middle_name, c.family_name, c.aliases, c.notes, case_numbers.get(c.id, []))]
            for c in clients
        ],
    )


def reindex(db: Database, client_id: str) -> None:
    """Rebuild one client's search row from the client, its convictions and notes."""
    with db.transaction() as conn:
        conn.execute(DELETE_SEARCH_ROW, (client_id,))
        row = conn.execute(
            "SELECT given_name, middle_name, family_name, aliases, notes FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        if row is None:
            return
        case_numbers = [
            r[0]
            for r in conn.execute(
                "SELECT c.case_number FROM convictions c JOIN matters m ON m.id = c.matter_id WHERE m.client_id = ?",
                (client_id,),
            )
        ]
        note_bodies = [r[0] for r in conn.execute("SELECT body FROM notes WHERE client_id = ?", (client_id,))]
        # The search row shares the client's rowid, so listing can test membership per row.
        conn.execute(INSERT_SEARCH_ROW, (client_id, client_id, *search_row(row[0], row[1], row[2], json.loads(row[3]), row[4], case_numbers, note_bodies)))
