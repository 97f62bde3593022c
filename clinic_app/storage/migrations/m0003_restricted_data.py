"""Schema 3: the purpose-bound restricted store (immigration facts, attorney work product).

A value row cannot exist without a purpose row for the same matter; deleting a matter or
a purpose deletes its values (with secure_delete on, the pages are overwritten). Nothing
here feeds the search index.
"""

STAMPS = "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL"

STATEMENTS = [
    f"""CREATE TABLE restricted_purposes (
        id TEXT PRIMARY KEY, matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('profile_requires','attorney_work_product')),
        categories TEXT NOT NULL, enabled_by TEXT NOT NULL,
        client_consent INTEGER NOT NULL CHECK (client_consent IN (0, 1)), consent_on TEXT,
        expires_on TEXT NOT NULL, {STAMPS})""",
    "CREATE INDEX restricted_purposes_by_matter ON restricted_purposes (matter_id)",
    f"""CREATE TABLE restricted_values (
        id TEXT PRIMARY KEY, purpose_id TEXT NOT NULL REFERENCES restricted_purposes(id) ON DELETE CASCADE,
        matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        category TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, {STAMPS})""",
    "CREATE INDEX restricted_values_by_matter ON restricted_values (matter_id)",
    "CREATE INDEX restricted_values_by_purpose ON restricted_values (purpose_id)",
]


def apply(conn) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
