"""The client list's matter count (schema 11) is kept by triggers on every path that adds or
removes a matter, and a wrong stored count changes only the number shown."""

from __future__ import annotations

import shutil

import pytest

from clinic_app.domain.models import Client, Matter
from clinic_app.lifecycle import open_session, restore_backup
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE
from tests.core.bundle_helpers import clinic_day, export_from_field, make_pair
from tests.core.test_migrations import FIXTURES


def stored_and_real(session) -> dict[str, tuple[int, int]]:
    rows = session.db.query("SELECT c.id, c.matter_count, (SELECT count(*) FROM matters m WHERE m.client_id = c.id) FROM clients c")
    return {client_id: (stored, real) for client_id, stored, real in rows}


def assert_counts_true(session) -> None:
    counts = stored_and_real(session)
    assert counts and all(stored == real for stored, real in counts.values()), counts
    listed = {c.id: c.matter_count for c in session.clients.list(limit=1000)}
    assert listed == {client_id: real for client_id, (_, real) in counts.items()}


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir()))
def test_an_upgraded_vault_counts_the_matters_it_already_had(fixture, tmp_path):
    shutil.copytree(FIXTURES / fixture, tmp_path / fixture)
    with open_session(Vault(tmp_path / fixture), "manager", "fixture-password") as s:
        assert any(real for _, real in stored_and_real(s).values())
        assert_counts_true(s)


def test_service_create_move_and_delete_keep_the_count(session):
    ana = session.clients.create(Client(given_name="Ana", family_name="Pérez"))
    ben = session.clients.create(Client(given_name="Ben", family_name="Okafor"))
    first = session.matters.create(Matter(client_id=ana.id))
    session.matters.create(Matter(client_id=ana.id))
    session.clients.create_with_matter(Client(given_name="Cy", family_name="Lee"), Matter(client_id=""), [])
    assert_counts_true(session)
    with session.db.transaction() as conn:  # no service moves a matter today; the trigger covers it anyway
        conn.execute("UPDATE matters SET client_id = ? WHERE id = ?", (ben.id, first.id))
    assert_counts_true(session)
    assert stored_and_real(session)[ben.id] == (1, 1)
    session.matters.delete(first.id)
    session.clients.update(session.clients.get(ana.id))  # a client save never writes the count
    assert_counts_true(session)
    session.clients.delete(ana.id)  # matters go by cascade, triggers still run
    assert_counts_true(session)


def test_intake_import_bundle_import_and_restore_keep_the_count(make_vault, tmp_path):
    pair = make_pair(make_vault, tmp_path)  # the field vault imported the clinic day (bulk path)
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        assert sum(real for _, real in stored_and_real(s).values()) == sum(len(c["matters"]) for c in clinic_day()["clients"])
        assert_counts_true(s)
    path = export_from_field(pair, keep=False)  # removal after sending deletes clients and matters
    with open_session(pair.field, "paralegal", PASSWORD) as s:
        assert stored_and_real(s) == {}
    with open_session(pair.clinic, "attorney", PASSWORD) as s:
        s.bundles.import_paths([path])
        assert_counts_true(s)
    with open_session(pair.clinic, "manager", PASSWORD) as s:
        backup = s.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    restored = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / "restored", "boss", "new password 1").session
    try:
        assert_counts_true(restored)
        client_id = next(iter(stored_and_real(restored)))
        restored.matters.create(Matter(client_id=client_id))  # the triggers came along
        assert_counts_true(restored)
    finally:
        restored.lock()


def test_an_edited_count_changes_only_the_number_shown(session):
    client = session.clients.create(Client(given_name="Ana", family_name="Pérez"))
    matters = [session.matters.create(Matter(client_id=client.id)) for _ in range(2)]
    for forged in (0, -5, 2**62):
        with session.db.transaction() as conn:
            conn.execute("UPDATE clients SET matter_count = ? WHERE id = ?", (forged, client.id))
        assert session.clients.list()[0].matter_count == forged
        assert {m.id for m in session.matters.for_client(client.id)} == {m.id for m in matters}
    assert session.audit.verify() == []
    session.clients.delete(client.id)  # every matter goes with the client, whatever the count said
    assert session.db.query_one("SELECT count(*) FROM matters")[0] == 0
