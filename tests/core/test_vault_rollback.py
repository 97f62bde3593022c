"""Rollback: a staff member keeps a copy of `vault.db` and later puts it back (to undo a
deletion, or to erase what was done since). The key slots are the current ones, and each
holds its user's audit anchor from their last lock: anyone who locked since is told."""

from __future__ import annotations

import shutil

from clinic_app.domain.models import Client
from clinic_app.lifecycle import open_session
from tests.conftest import PASSWORD


def _older_database_put_back(vault, vault_dir, tmp_path) -> str:
    with open_session(vault, "paralegal", PASSWORD) as s:
        client_id = s.clients.create(Client(given_name="Ana", family_name="Lucero")).id
    kept = tmp_path / "kept"
    kept.mkdir()
    for name in ("vault.db", "vault.db-wal"):  # what the paralegal copies while nothing is open
        if (vault_dir / name).exists():
            shutil.copy2(vault_dir / name, kept / name)
    with open_session(vault, "manager", PASSWORD) as s:
        s.clients.delete(client_id)
    (vault_dir / "vault.db-wal").unlink(missing_ok=True)
    for path in kept.iterdir():
        shutil.copy2(path, vault_dir / path.name)
    return client_id


def test_an_older_database_put_back_is_told_at_the_next_login_of_whoever_locked_since(vault, vault_dir, tmp_path, cli):
    client_id = _older_database_put_back(vault, vault_dir, tmp_path)
    with open_session(vault, "manager", PASSWORD) as s:
        assert s.clients.get(client_id)  # the deleted client is back ...
        assert [p.code for p in s.audit_problems] == ["audit.truncated"]  # ... and the manager is told
    report = cli("vault", "check")
    assert report.code == 1 and ("truncated" in report.out or "deleted or rewritten" in report.out)
