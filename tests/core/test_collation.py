"""Names sort as people expect (accents and case second), by a key kept in the vault (issue 14)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from clinic_app.domain.collation import name_sort_key
from clinic_app.domain.models import Client
from clinic_app.lifecycle import open_session

EXPECTED = ["Álvarez", "Baker", "Lê", "Lin", "Núñez", "Zamora"]


def test_accents_and_case_come_after_the_letters():
    names = ["zamora", "Núñez", "Lin", "Lê", "baker", "Álvarez"]
    assert sorted(names, key=name_sort_key) == ["Álvarez", "baker", "Lê", "Lin", "Núñez", "zamora"]
    assert name_sort_key("Lê", "Tuấn") < name_sort_key("Lin", "Wei")
    assert name_sort_key("Le") < name_sort_key("Lê") < name_sort_key("Lee")  # accent breaks a tie only
    assert name_sort_key("lopez") < name_sort_key("Lopez") < name_sort_key("López")
    assert name_sort_key("Lin", "Wei") < name_sort_key("Lind", "Anna")  # the family name ends first
    assert name_sort_key("Dang") < name_sort_key("Đặng") < name_sort_key("Dao")  # đ is a d first
    assert name_sort_key("Straße").split("\x01")[0] == name_sort_key("STRASSE").split("\x01")[0]  # ß is ss
    assert name_sort_key("Ørsted") < name_sort_key("Pérez") and name_sort_key("Łukasz") < name_sort_key("Martín")
    assert name_sort_key("De la Cruz") < name_sort_key("Delacroix")  # a space sorts before letters


@given(st.text(max_size=12), st.text(max_size=12))
def test_the_key_orders_by_the_folded_letters_first(a, b):
    key_a, key_b = name_sort_key(a), name_sort_key(b)
    first_a, first_b = key_a.split("\x01")[0], key_b.split("\x01")[0]
    if first_a != first_b:
        assert (key_a < key_b) == (first_a < first_b)
    assert name_sort_key(a.upper()).split("\x01")[0] == first_a or not a.isascii()


def _add(session, *names):
    for family, given_name in names:
        session.clients.create(Client(given_name=given_name, family_name=family))


def test_the_service_lists_in_collation_order_and_keeps_the_key_on_save(session):
    _add(session, ("Zamora", "Ana"), ("Núñez", "Rosa"), ("Lin", "Wei"), ("Lê", "Tuấn"), ("baker", "Sam"), ("Álvarez", "José"))
    assert [c.family_name for c in session.clients.list()] == ["Álvarez", "baker", "Lê", "Lin", "Núñez", "Zamora"]
    baker = session.clients.store.get(session.clients.list("baker")[0].id)
    baker.family_name = "Yáñez"  # renamed: the key follows the save
    session.clients.update(baker)
    assert [c.family_name for c in session.clients.list()][-2:] == ["Yáñez", "Zamora"]
    assert [c.family_name for c in session.clients.list("a")] == ["Álvarez", "Zamora"]  # search hits too
    assert [c.family_name for c in session.clients.list("yanez")] == ["Yáñez"]


def test_pages_after_a_row_continue_in_order_at_any_depth(session):
    _add(session, *[(f"Family{i % 37:02d}", f"Given{i:03d}") for i in range(450)])
    whole = session.clients.list(limit=1000)
    pages, last = [], None
    while True:
        page = session.clients.list(limit=200, after=last)
        if not page:
            break
        pages += page
        last = page[-1]
    assert [c.id for c in pages] == [c.id for c in whole] and len(whole) == 450
    hits = session.clients.count("given")
    first = session.clients.list("given", limit=200, hits=hits)
    second = session.clients.list("given", limit=200, hits=hits, after=first[-1])
    assert [c.id for c in first + second] == [c.id for c in whole[:400]]


def test_client_list_on_the_command_line_sorts_by_collation(vault, cli):
    session = open_session(vault, "manager", "correct horse battery staple")
    _add(session, ("Zamora", "Ana"), ("Núñez", "Rosa"), ("Lin", "Wei"), ("Lê", "Tuấn"), ("Baker", "Sam"), ("Álvarez", "José"))
    session.lock()
    plain = cli("client", "list")
    assert plain.code == 0
    assert [line.split("  ")[1].split(",")[0] for line in plain.out.splitlines()] == EXPECTED
    listed = json.loads(cli("client", "list", "--json").out)["clients"]
    assert [c["family_name"] for c in listed] == EXPECTED
