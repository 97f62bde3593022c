"""The one validation module: date rules, ages at the offense, and the same rule everywhere
(services, intake import through the real CLI, readiness of an older vault, the demo)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from clinic_app.domain import validation as v
from clinic_app.domain.models import Client, Conviction, Matter, Notice, Reference, Task
from clinic_app.errors import ValidationError

TODAY = date(2026, 11, 26)
BORN = date(1980, 5, 17)


def codes(problems) -> list[tuple[str, str, str]]:
    return [(p.field, p.code, p.severity) for p in problems]


def conviction(**dates) -> Conviction:
    return Conviction("m", county="Orange", **dates)


def test_dates_in_order_are_clean():
    c = conviction(offense_date=date(2000, 1, 1), conviction_date=date(2000, 3, 1), supervision_end=date(2003, 3, 1), dismissed_1203_4=date(2004, 1, 1))
    assert v.conviction_problems(c, BORN, TODAY) == []


@pytest.mark.parametrize(
    "dates, expected",
    [
        ({"offense_date": date(1979, 1, 1)}, ("offense_date", "date_before", "date_of_birth")),
        ({"offense_date": BORN}, ("offense_date", "date_before", "date_of_birth")),
        ({"offense_date": date(2001, 1, 1), "conviction_date": date(2000, 1, 1)}, ("conviction_date", "date_before", "offense_date")),
        ({"conviction_date": date(2001, 1, 1), "supervision_end": date(2000, 1, 1)}, ("supervision_end", "date_before", "conviction_date")),
        ({"conviction_date": date(2001, 1, 1), "dismissed_1203_4": date(2000, 1, 1)}, ("dismissed_1203_4", "date_before", "conviction_date")),
        # with the offense date unknown, the conviction date is held against the birth
        ({"conviction_date": date(1975, 1, 1)}, ("conviction_date", "date_before", "date_of_birth")),
    ],
)
def test_each_date_after_the_one_before(dates, expected):
    field, code, other = expected
    problems = v.conviction_problems(conviction(**dates), BORN, TODAY)
    assert [(p.field, p.code, p.params.get("other")) for p in v.errors(problems)] == [(field, code, other)]


def test_future_and_too_early_dates_are_errors():
    c = conviction(offense_date=TODAY + timedelta(days=1), conviction_date=date(1899, 12, 31))
    assert codes(v.conviction_problems(c, None, TODAY)) == [
        ("offense_date", "date_in_future", "error"),
        ("conviction_date", "date_too_early", "error"),
    ]
    assert codes(v.conviction_problems(conviction(supervision_end=TODAY + timedelta(days=1)), None, TODAY)) == [
        ("supervision_end", "date_in_future", "error")
    ]


def test_age_at_the_offense_under_18_warns_and_under_10_refuses():
    at_16 = conviction(offense_date=date(1996, 6, 1))
    (warning,) = v.conviction_problems(at_16, BORN, TODAY)
    assert (warning.field, warning.code, warning.severity, warning.params) == ("offense_date", "age_at_offense_juvenile", "warning", {"age": 16})
    assert not v.errors([warning])
    at_9 = conviction(offense_date=date(1989, 6, 1))
    assert codes(v.conviction_problems(at_9, BORN, TODAY)) == [("offense_date", "age_at_offense_impossible", "error")]
    at_18 = conviction(offense_date=date(1998, 5, 17))  # the 18th birthday itself is adult
    assert v.conviction_problems(at_18, BORN, TODAY) == []


def test_letters_notices_and_signatures_in_the_future_are_errors_but_due_dates_are_planned():
    tomorrow = TODAY + timedelta(days=1)
    assert codes(v.reference_problems(Reference("m", "Ana", letter_date=tomorrow), TODAY)) == [("letter_date", "date_in_future", "error")]
    assert codes(v.notice_problems(Notice("m", "Orange", served_on=tomorrow), TODAY)) == [("served_on", "date_in_future", "error")]
    assert codes(v.matter_problems(Matter("c", applicant_signed_on=tomorrow), TODAY)) == [("applicant_signed_on", "date_in_future", "error")]
    assert v.task_problems(Task("c", "Hearing prep", due_on=TODAY + timedelta(days=90))) == []
    assert codes(v.client_problems(Client("A", "B", date_of_birth=tomorrow), TODAY)) == [("date_of_birth", "date_in_future", "error")]


def test_problems_are_data_not_sentences():
    (p,) = v.errors(v.convictions_problems([conviction(), conviction(offense_date=date(1970, 1, 1))], BORN, TODAY))
    assert p.to_dict() == {"code": "date_before", "field": "convictions[1].offense_date", "params": {"other": "date_of_birth"}, "severity": "error"}
    with pytest.raises(ValidationError) as caught:
        v.raise_for_errors([p])
    assert caught.value.problems == [p]
    assert str(caught.value) == "convictions[1].offense_date: before date_of_birth"


# -- the services keep the rules -------------------------------------------------------------------


def _client_with_matter(session, born=BORN):
    client = session.clients.create(Client("Ana", "Reyes", date_of_birth=born))
    matter = session.matters.create(Matter(client.id))
    return client, matter


def test_services_refuse_an_offense_before_birth_and_a_birth_after_an_offense(session):
    client, matter = _client_with_matter(session)
    with pytest.raises(ValidationError) as caught:
        session.matters.save_convictions(matter.id, [Conviction(matter.id, offense_date=date(1975, 1, 1))])
    assert [p.field for p in caught.value.problems] == ["convictions[0].offense_date"]
    session.matters.save_convictions(matter.id, [Conviction(matter.id, offense_date=date(2001, 1, 1))])
    client.date_of_birth = date(2002, 1, 1)
    with pytest.raises(ValidationError) as caught:
        session.clients.update(client, ["date_of_birth"])
    assert [(p.field, p.code) for p in caught.value.problems] == [("date_of_birth", "date_after")]
    with pytest.raises(ValidationError):
        session.matters.save_references(matter.id, [Reference(matter.id, "Ana", letter_date=date.today() + timedelta(days=3))])


# -- the CLI import, readiness, the demo -----------------------------------------------------------


def _document(**conviction_dates) -> dict:
    second = {"county": "Orange", "level": "felony", **conviction_dates}
    return {
        "format": "clinic-intake",
        "version": 1,
        "clients": [
            {
                "given_name": "Ana",
                "family_name": "Reyes",
                "date_of_birth": "1994-03-02",
                "matters": [{"convictions": [{"county": "Orange", "offense_date": "2015-01-01"}, second]}],
            }
        ],
    }


def test_cli_import_refuses_an_impossible_date_naming_client_and_field(cli, vault, tmp_path):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(_document(offense_date="1990-05-01")), encoding="utf-8")
    result = cli("intake", "import", str(path))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "clients[0].matters[0].convictions[1].offense_date" in lines[0] and "date_of_birth" in lines[0]
    assert "1990" not in lines[0]  # fields are named, values never shown
    listed = cli("client", "list")
    assert listed.code == 0 and "Reyes" not in listed.out


def test_cli_import_accepts_a_juvenile_offense_as_a_warning(cli, vault, tmp_path):
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(_document(offense_date="2010-05-01")), encoding="utf-8")
    result = cli("intake", "import", str(path))
    assert result.code == 0, result.err


def test_readiness_blocks_a_stored_impossible_date(session):
    from tests.core.packet_helpers import make_matter

    matter_id = make_matter(session)
    first = session.matters.list_convictions(matter_id)[0]
    # An older vault: the date was stored before the rule existed.
    with session.db.transaction() as conn:
        conn.execute("UPDATE convictions SET offense_date = '1970-01-01' WHERE id = ?", (first.id,))
    readiness = session.packets.check(matter_id)
    (item,) = [i for i in readiness.blocking if i.code == "date_before"]
    assert item.field_ref == f"conviction:{first.id}.offense_date" and "offense_date" in item.message
    assert not readiness.ready


def test_demo_data_breaks_no_date_rule(session):
    from clinic_app.demo import populate

    populate(session, clients=30)
    for (matter_id,) in session.db.query("SELECT id FROM matters"):
        assert v.bundle_date_problems(session.matters.bundle(matter_id)) == [], matter_id
