"""The audit log: who did what, never values, and tampering is detected."""

import pytest

from clinic_app.domain.models import Client
from clinic_app.lifecycle import open_session
from clinic_app.storage.database import DatabaseError
from tests.conftest import PASSWORD


def test_changes_are_audited_without_values(session):
    client = session.clients.create(Client("Rosa", "Secretname", notes="private words"))
    session.clients.get(client.id)
    client.phone = "555-0100"
    session.clients.update(client, ["phone"])
    session.clients.delete(client.id)
    entries = session.audit.entries(object_id=client.id)
    assert [e.action for e in reversed(entries)] == ["create", "view", "update", "delete"]
    rows = session.db.query("SELECT detail, object_id, action FROM audit_log")
    flat = " ".join(" ".join(map(str, r)) for r in rows)
    assert "Secretname" not in flat and "private words" not in flat and "555-0100" not in flat
    assert "fields: phone" in flat
    assert session.audit.verify() == []


def test_audit_rows_cannot_be_changed_through_sql(session):
    with pytest.raises(DatabaseError):
        session.db.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1")
    with pytest.raises(DatabaseError):
        session.db.execute("DELETE FROM audit_log WHERE seq = 1")


def test_chain_detects_an_edited_row(vault, cli):
    with open_session(vault, "manager", PASSWORD) as s:
        s.clients.create(Client("Ana", "Uno"))
        # Someone with the database key removes the guard and rewrites history.
        s.db.execute("DROP TRIGGER audit_log_no_update")
        s.db.execute("UPDATE audit_log SET actor = 'paralegal' WHERE action = 'create'")
        assert any("altered" in p for p in s.audit.verify())
    result = cli("vault", "check")
    assert result.code == 1
    assert "FAIL audit log: audit entry" in result.out


def test_chain_detects_a_deleted_row(session):
    session.clients.create(Client("Ana", "Dos"))
    session.db.execute("DROP TRIGGER audit_log_no_delete")
    session.db.execute("DELETE FROM audit_log WHERE seq = 2")
    assert any("missing" in p for p in session.audit.verify())
