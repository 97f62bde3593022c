"""ClientService.create_with_matter: the wizard's save is all or nothing."""

from datetime import date, timedelta

import pytest

from clinic_app.domain.models import Client, Conviction, Level, Matter, Task
from clinic_app.errors import ValidationError


def test_saves_client_matter_convictions_and_follow_up(session):
    client = Client(given_name="Rosa", family_name="Díaz", date_of_birth=date(1980, 2, 3))
    matter = Matter(client_id="")
    conviction = Conviction(matter_id="", case_number="BA123", level=Level.FELONY)
    session.clients.create_with_matter(client, matter, [conviction], follow_up=Task(client_id="", title="Finish intake"))
    assert session.matters.for_client(client.id)[0].id == matter.id
    assert [c.case_number for c in session.matters.list_convictions(matter.id)] == ["BA123"]
    assert [t.title for t in session.tasks.for_client(client.id)] == ["Finish intake"]
    assert session.clients.count("BA123") == 1


def test_bad_conviction_stores_nothing(session):
    bad = Conviction(matter_id="", offense_date=date.today() + timedelta(days=3))
    with pytest.raises(ValidationError):
        session.clients.create_with_matter(Client(given_name="A", family_name="B"), Matter(client_id=""), [bad])
    assert session.clients.count() == 0
