"""ClientService.history: a client's own audit trail, for roles that may read the audit log."""

import pytest

from clinic_app.domain.models import Client, Conviction, Matter, Note
from clinic_app.errors import PermissionDenied
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD


def test_history_covers_the_client_and_what_hangs_off_it(session):
    client = session.clients.create(Client(given_name="Ana", family_name="Ruiz"))
    other = session.clients.create(Client(given_name="Bo", family_name="Li"))
    matter = session.matters.create(Matter(client_id=client.id))
    conviction = Conviction(matter_id=matter.id, case_number="X1")
    session.matters.save_convictions(matter.id, [conviction])
    session.notes.save(Note(client_id=client.id, body="called"))
    ids = {e.object_id for e in session.clients.history(client.id)}
    assert {client.id, matter.id, conviction.id} <= ids
    assert other.id not in ids
    entries = session.clients.history(client.id)
    assert [e.seq for e in entries] == sorted((e.seq for e in entries), reverse=True)


def test_history_needs_audit_permission(vault):
    paralegal = open_session(vault, "paralegal", PASSWORD)
    try:
        client = paralegal.clients.create(Client(given_name="Ana", family_name="Ruiz"))
        with pytest.raises(PermissionDenied):
            paralegal.clients.history(client.id)
    finally:
        paralegal.lock()
