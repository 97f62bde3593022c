"""By default none of it exists anywhere: no restricted category is a column or a domain field."""

from __future__ import annotations

import dataclasses

from clinic_app.domain import models
from clinic_app.restricted_categories import FIELD_CATEGORY, Category

FORBIDDEN = set(FIELD_CATEGORY) | {c.value for c in Category} | {"birthplace", "nationality", "visa", "alien", "immigration"}


def _suspicious(name: str) -> bool:
    lowered = name.lower()
    return lowered in FORBIDDEN or any(word in lowered for word in ("citizen", "immigra", "birthplace", "ssn", "a_number", "alien"))


def test_no_table_outside_the_restricted_store_has_a_restricted_column(session):
    tables = [r[0] for r in session.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert {"restricted_purposes", "restricted_values"} <= set(tables)
    offending = []
    for table in tables:
        if table.startswith("restricted_"):
            continue
        for column in session.db.query(f'PRAGMA table_info("{table}")'):
            if _suspicious(column[1]):
                offending.append(f"{table}.{column[1]}")
    assert offending == []


def test_no_domain_record_has_a_restricted_field():
    offending = [
        f"{cls.__name__}.{f.name}"
        for cls in vars(models).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls)
        for f in dataclasses.fields(cls)
        if _suspicious(f.name)
    ]
    assert offending == []


def test_the_check_would_notice_one():
    assert _suspicious("country_of_birth") and _suspicious("ssn") and _suspicious("immigration_status")
    assert not _suspicious("urgent_need") and not _suspicious("date_of_birth")
