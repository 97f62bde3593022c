"""`Database.insert_rows`: many rows a statement (the intake import's writes), every row stored
once, in order, with its values as given; few distinct statements for any row count."""

from __future__ import annotations

import os

import pytest

from clinic_app.storage.database import ROWS_PER_STATEMENT, Database, _statement_sizes


@pytest.fixture
def db(tmp_path):
    db = Database(tmp_path / "vault.db", os.urandom(32))
    db.execute("CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT NOT NULL, n INTEGER, note TEXT)")
    yield db
    db.close()


@pytest.mark.parametrize("count", [0, 1, 7, ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 1, 3 * ROWS_PER_STATEMENT + 77])
def test_every_row_is_stored_once_in_order(db, count):
    rows = [[f"id-{i:05d}", f"Nguyễn {i} 'quoted', (paren)", i if i % 3 else None, "x" * (i % 50)] for i in range(count)]
    db.insert_rows("INSERT INTO t (id, name, n, note) VALUES", "(?,?,?,?)", rows)
    assert [list(r) for r in db.query("SELECT id, name, n, note FROM t ORDER BY rowid")] == rows


def test_a_failing_row_stores_nothing_of_its_statement_inside_a_transaction(db):
    rows = [[f"id-{i}", "a", i, ""] for i in range(ROWS_PER_STATEMENT + 5)] + [["id-3", "duplicate", 0, ""]]
    with pytest.raises(Exception, match="UNIQUE"), db.transaction():
        db.insert_rows("INSERT INTO t (id, name, n, note) VALUES", "(?,?,?,?)", rows)
    assert db.query_one("SELECT count(*) FROM t")[0] == 0


@pytest.mark.parametrize("count", range(0, 1200, 37))
def test_statement_sizes_cover_the_rows_with_few_distinct_statements(count):
    sizes = list(_statement_sizes(count, 10_000))
    assert [start for start, _ in sizes] == [sum(n for _, n in sizes[:i]) for i in range(len(sizes))]
    assert sum(n for _, n in sizes) == count
    # full statements, then powers of two: a handful of statements per table in the cache
    assert {n for _, n in sizes} <= {ROWS_PER_STATEMENT} | {2**k for k in range(ROWS_PER_STATEMENT.bit_length())}


def test_the_parameter_limit_bounds_a_statement():
    assert max(n for _, n in _statement_sizes(1000, 30)) == 30

