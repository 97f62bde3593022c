"""Schema migrations: every released schema's fixture opens; newer vaults are refused."""

import shutil
from pathlib import Path

import pytest

from clinic_app.errors import SchemaTooNew
from clinic_app.lifecycle import open_session
from clinic_app.storage import migrations
from clinic_app.vault import Vault
from tests.conftest import PASSWORD

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir()))
def test_every_released_schema_opens_and_upgrades(fixture, tmp_path):
    folder = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, folder)
    released = int(fixture.split("-")[1])
    with open_session(Vault(folder), "manager", "fixture-password") as s:
        assert migrations.current_version(s.db) == migrations.latest_version()
        names = {(c.given_name, c.family_name) for c in s.clients.list()}
        assert ("José", "Hernández") in names and ("伟", "张") in names
        assert s.clients.list("hernandez")[0].family_name == "Hernández"
        assert s.audit.verify() == []
        search_rows_by_client_rowid = "SELECT count(*) FROM client_search s JOIN clients c ON c.rowid = s.rowid AND c.id = s.client_id"
        assert s.db.query_one(search_rows_by_client_rowid)[0] == s.db.query_one("SELECT count(*) FROM clients")[0] == 4
    copies = list(folder.glob(f"vault.db.schema{released}-*.bak"))
    assert len(copies) == (1 if released < migrations.latest_version() else 0)


def test_migration_steps_are_numbered_without_gaps():
    numbers = [n for n, _ in migrations.steps()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_a_vault_newer_than_the_app_is_refused(vault, vault_dir):
    with open_session(vault, "manager", PASSWORD) as s:
        s.db.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    with pytest.raises(SchemaTooNew):
        open_session(vault, "manager", PASSWORD)


def test_database_is_copied_before_migrating_and_a_failed_step_changes_nothing(vault, vault_dir, monkeypatch):
    latest = migrations.latest_version()
    real_steps = migrations.steps()

    def broken_step(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "steps", lambda: real_steps + [(latest + 1, broken_step)])
    monkeypatch.setattr(migrations, "latest_version", lambda: latest + 1)
    with pytest.raises(RuntimeError):
        open_session(vault, "manager", PASSWORD)
    assert len(list(vault_dir.glob(f"vault.db.schema{latest}-*.bak"))) == 1
    monkeypatch.undo()
    with open_session(vault, "manager", PASSWORD) as s:
        assert migrations.current_version(s.db) == latest
        assert s.db.query_one("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")[0] == 0
