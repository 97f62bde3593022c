"""A vault with N clients, each with a matter and a conviction's case number, for the list,
search and scrolling benches. Rows are written through the same row helpers the record
stores use (so the schema is the app's own), in one transaction, with the name sort key and
the search row each client save would write; far faster than N service calls.
"""

from __future__ import annotations

import random
from pathlib import Path

from common import ROOT  # noqa: F401  (puts the app on sys.path)

from clinic_app.domain.collation import name_sort_key
from clinic_app.domain.models import Client, Matter
from clinic_app.lifecycle import create_vault
from clinic_app.storage import rows

GIVEN = ["José", "María", "Thị Hồng", "Wei", "Łukasz", "Aisha", "Carlos", "Guadalupe", "Sokha", "Darnell", "John", "Mary", "Tuấn", "Ana"]
FAMILY = ["Hernández", "García", "Nguyễn", "Zhang", "Kowalski", "Rahman", "Mendoza", "Ramírez", "Smith", "Müller", "Johnson", "Lee",
          "Lê", "Álvarez", "Núñez", "Zamora", "Baker", "Lin"]
PASSWORD = "bench-password-1"


def fill(session, n: int, seed: int = 7) -> None:
    """Add n clients, each with one matter (every third with two) and a case number."""
    rng = random.Random(seed)
    conn = session.db.conn
    with session.db.transaction():
        for i in range(n):
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            aliases = [f"{given} {rng.choice(FAMILY)}"] if i % 5 == 0 else []
            client = Client(given_name=given, family_name=family, aliases=aliases, notes="Prefers calls after 5 pm." if i % 7 == 0 else "")
            client.stamps.created_at = client.stamps.updated_at = "2026-01-01T00:00:00Z"
            client.stamps.created_by = client.stamps.updated_by = "bench"
            row = rows.to_row(client) | {"sort_key": name_sort_key(family, given)}
            conn.execute(*rows.insert_sql("clients", row))
            for _ in range(2 if i % 3 == 0 else 1):
                matter = Matter(client_id=client.id, reasons="Work as a home health aide.")
                matter.stamps.created_at = matter.stamps.updated_at = "2026-01-01T00:00:00Z"
                matter.stamps.created_by = matter.stamps.updated_by = "bench"
                conn.execute(*rows.insert_sql("matters", rows.to_row(matter)))
            conn.execute(
                "INSERT INTO client_search (rowid, client_id, names, aliases, case_numbers, notes) "
                "VALUES ((SELECT rowid FROM clients WHERE id = ?),?,?,?,?,?)",
                (client.id, client.id, f"{given} {family}", " ".join(aliases), f"BA{rng.randrange(100000, 999999)}", client.notes),
            )


def make_vault(folder: Path, n: int):
    """A new vault in `folder` with n clients; returns the Vault (locked)."""
    from clinic_app.vault import Vault

    vault = Vault(folder)
    session, _ = create_vault(vault, "bench", PASSWORD)
    fill(session, n)
    session.lock()
    return vault
