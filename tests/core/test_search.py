"""Client search: FTS5 inside the vault, case- and accent-insensitive, prefix as you type."""

from datetime import date

import pytest

from clinic_app.domain.models import Client, Conviction, Matter, Note


@pytest.fixture
def people(session):
    jose = session.clients.create(Client("José", "Hernández", aliases=["Pepe Ruiz"], date_of_birth=date(1979, 4, 12)))
    hong = session.clients.create(Client("Thị Hồng", "Nguyễn", notes="Prefers mornings"))
    wei = session.clients.create(Client("伟", "张", aliases=["Wei Zhang"]))
    matter = session.matters.create(Matter(jose.id))
    session.matters.save_convictions(matter.id, [Conviction(matter.id, county="Orange", case_number="02CF-1234")])
    session.notes.save(Note(hong.id, "Bring the DD-214 next visit"))
    return {"jose": jose.id, "hong": hong.id, "wei": wei.id}


@pytest.mark.parametrize(
    "query, who",
    [
        ("hernandez", "jose"),
        ("HERNÁNDEZ", "jose"),
        ("jose her", "jose"),
        ("hern", "jose"),
        ("pepe", "jose"),
        ("02cf", "jose"),
        ("02CF-12", "jose"),
        ("nguyen", "hong"),
        ("hong", "hong"),
        ("mornings", "hong"),
        ("dd-214", "hong"),
        ("wei", "wei"),
        ("张", "wei"),
    ],
)
def test_search_finds(session, people, query, who):
    assert [c.id for c in session.clients.list(query)] == [people[who]]
    assert session.clients.count(query) == 1


def test_no_hits_and_odd_input(session, people):
    assert session.clients.list("zzz") == []
    assert session.clients.count('"*)(') == 3  # only punctuation: no filter, not an error
    assert len(session.clients.list("")) == 3


def test_index_follows_edits_and_deletes(session, people):
    client = session.clients.get(people["wei"])
    client.aliases = ["Vivian Chang"]
    session.clients.update(client, ["aliases"])
    assert session.clients.list("wei zhang") == []
    assert [c.id for c in session.clients.list("vivian")] == [people["wei"]]
    session.clients.delete(people["wei"])
    assert session.clients.list("vivian") == []


def test_list_pages_in_name_order(session, people):
    first = session.clients.list(limit=2)
    rest = session.clients.list(offset=2, limit=2)
    assert [c.family_name for c in first + rest] == ["Hernández", "Nguyễn", "张"]


def test_possible_duplicates(session, people):
    same = session.clients.possible_duplicates("jose", "HERNANDEZ", date(1979, 4, 12))
    assert [c.id for c in same] == [people["jose"]]
    assert session.clients.possible_duplicates("jose", "hernandez", date(1980, 1, 1)) == []
    by_alias = session.clients.possible_duplicates("Pepe", "Ruiz", None)
    assert [c.id for c in by_alias] == [people["jose"]]
    new_alias = session.clients.possible_duplicates("Someone", "Else", None, aliases=["Wei Zhang"])
    assert [c.id for c in new_alias] == [people["wei"]]


def test_possible_duplicates_by_sort_key_and_aliases(session, people):
    """Same family and given name at the first collation level (middle name, accents, case and
    punctuation aside) with the same birth date; an alias written family first that is a name;
    the batch form (aliases held, as a bundle import checks) answers as the single check does."""
    luis = session.clients.create(Client("José", "Hernández", middle_name="Luis", date_of_birth=date(1990, 2, 3)))
    obrien = session.clients.create(Client("Siobhán", "O'Brien", date_of_birth=date(1985, 6, 7)))
    asks = [
        (("jose", "hernandez", date(1990, 2, 3), []), [luis.id]),
        (("Siobhan", "OBrien", date(1985, 6, 7), []), []),  # a letter more is another name
        (("SIOBHÁN", "o brien", date(1985, 6, 7), []), [obrien.id]),
        (("Ana", "Paz", None, ["Hernández José"]), [people["jose"], luis.id]),
        (("Pepe", "Ruiz", None, []), [people["jose"]]),
        (("Someone", "Else", None, ["wei zhang"]), [people["wei"]]),
        (("Someone", "Else", date(1990, 2, 3), []), []),
    ]
    held = session.clients.aliases_held()
    for (given, family, born, aliases), expected in asks:
        assert sorted(session.clients.possible_duplicate_ids(given, family, born, aliases)) == sorted(expected), given
        assert sorted(session.clients.possible_duplicate_ids(given, family, born, aliases, held)) == sorted(expected), given
        assert sorted(c.id for c in session.clients.possible_duplicates(given, family, born, aliases)) == sorted(expected)


def _index_rows(db) -> dict:
    return {r[0]: tuple(r[1:]) for r in db.query("SELECT rowid, client_id, names, aliases, case_numbers, notes FROM client_search")}


def _search_layout_step():
    from clinic_app.storage import migrations

    return next(apply for _n, apply in migrations.steps() if apply.__module__.endswith("_search_index_layout"))


def test_an_old_layout_index_is_rebuilt_by_its_migration(session, people, vault_dir):
    """A vault whose search rows do not share their client's rowid (layout 1, no layout row)
    comes out of the schema migration alone with the rows `reindex` builds. The step is run as
    the migrator runs it (in the schema change's transaction), not by winding `user_version`
    back, which would run every later step a second time; `test_migrations` opens the
    released vaults of older versions through the whole chain."""
    from clinic_app.services.search_index import reindex
    from clinic_app.vault import Vault
    from tests.conftest import PASSWORD

    for client_id in people.values():
        reindex(session.db, client_id)
    expected = _index_rows(session.db)
    with session.db.transaction() as conn:  # layout 1: rows numbered on their own
        conn.execute("UPDATE client_search SET rowid = rowid + 1000")
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_version', '1')")
    session.lock()
    with Vault(vault_dir).unlock("manager", PASSWORD) as opened, opened.db.transaction() as conn:
        assert _index_rows(opened.db) != expected
        _search_layout_step()(conn)
    with Vault(vault_dir).unlock("manager", PASSWORD) as opened:  # migrations only: no session, no index step
        assert _index_rows(opened.db) == expected
        assert opened.db.query_one("SELECT 1 FROM meta WHERE key = 'search_index_version'") is None


def test_opening_a_vault_runs_no_search_index_check(vault, traced_statements):
    """The index layout is the schema's business: an up-to-date vault opens without a glance at it."""
    from clinic_app.lifecycle import open_session
    from tests.conftest import PASSWORD

    session = open_session(vault, "attorney", PASSWORD)
    opened = list(traced_statements)
    session.lock()
    assert any("FROM users" in s for s in opened)  # the trace sees the opening's statements
    assert [s for s in opened if "client_search" in s or "search_index" in s] == []
