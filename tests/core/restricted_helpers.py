"""Shared set-up for the restricted-data tests: a client with one matter, an opened purpose."""

from __future__ import annotations

from datetime import timedelta

from clinic_app import clock
from clinic_app.domain.models import Client, Matter
from clinic_app.lifecycle import open_session
from clinic_app.restricted_categories import PurposeKind
from tests.conftest import PASSWORD


def add_matter(session, given="Ana", family="Lucero", state="CA") -> str:
    client = session.clients.create(Client(given_name=given, family_name=family, notes="ordinary note"))
    return session.matters.create(Matter(client_id=client.id, state=state)).id


def store_work_product(vault, value: str, field: str = "immigration_analysis", state: str = "CA", expires_in: int = 90):
    """As the attorney: a matter, a work-product purpose for `field`'s category, one value."""
    from clinic_app.restricted_categories import category_of

    with open_session(vault, "attorney", PASSWORD) as s:
        matter_id = add_matter(s, state=state)
        purpose = s.restricted.open_purpose(
            matter_id,
            PurposeKind.ATTORNEY_WORK_PRODUCT,
            [category_of(field)],
            client_consent=True,
            expires_on=clock.today() + timedelta(days=expires_in),
        )
        stored = s.restricted.put(matter_id, field, value)
    return matter_id, purpose.id, stored.id


def all_tables_except(session, excluded: set[str]) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables included) except `excluded`."""
    names = [r[0] for r in session.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: session.db.query(f'SELECT * FROM "{n}"') for n in names if n not in excluded}


def contains(rows_by_table: dict, needle: str) -> list[str]:
    hits = []
    for table, rows in rows_by_table.items():
        for row in rows:
            for cell in row:
                if isinstance(cell, str) and needle in cell:
                    hits.append(table)
                elif isinstance(cell, bytes) and (needle.encode() in cell or needle.encode("utf-16-le") in cell):
                    hits.append(table)
    return hits
