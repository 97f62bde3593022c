"""restore(backup(vault)) has identical rows and byte-identical attachments; no plaintext leaks."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic_app.backup.container import MAGIC
from clinic_app.domain.models import Client, Note
from clinic_app.lifecycle import create_vault, open_session, recover_session, restore_backup
from clinic_app.vault import Vault
from tests.conftest import PASSWORD
from tests.core.backup_support import BACKUP_PASSPHRASE, CANARY, dump_tables, populate

_counter = itertools.count()

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(str.strip)
client_data = st.lists(
    st.tuples(names, names, st.text(max_size=200), st.lists(st.binary(max_size=3000), max_size=2)),
    min_size=0,
    max_size=5,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=client_data)
def test_restore_of_a_backup_has_identical_rows_and_attachments(tmp_path, data):
    run = tmp_path / f"run{next(_counter)}"
    session, _ = create_vault(Vault(run / "vault"), "manager", PASSWORD, clinic_name="Round Trip")
    try:
        for given_name, family_name, notes, attachments in data:
            client = session.clients.create(Client(given_name=given_name, family_name=family_name, notes=notes))
            if notes.strip():
                session.notes.save(Note(client_id=client.id, body=notes))
            for i, content in enumerate(attachments):
                session.documents.add(client.id, f"file{i}.txt", content)
        with session.db.lock:
            before = dump_tables(session.db.conn)
        backup = session.backups.create(run, BACKUP_PASSPHRASE).path
    finally:
        session.lock()

    restored, recovery_key = restore_backup(backup, BACKUP_PASSPHRASE, run / "restored", "newboss", "new password 1")
    try:
        with restored.db.lock:
            after = dump_tables(restored.db.conn)
        assert after == before  # every row, every column, attachment BLOBs byte for byte
        assert sum(len(rows) for rows in after.values()) > 0
        assert recovery_key
    finally:
        restored.lock()


def test_backup_file_holds_no_plaintext(session, tmp_path):
    populate(session, clients=5)
    result = session.backups.create(tmp_path, BACKUP_PASSPHRASE)
    raw = result.path.read_bytes()
    assert raw.startswith(MAGIC)
    assert b"SQLite format 3" not in raw
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        assert CANARY.encode(encoding) not in raw
    assert b"Ana0" not in raw and b"%PDF-1.4" not in raw
    assert (result.path.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clinic-tmp")] == []


def test_restored_vault_needs_the_new_password_and_recovery_key(session, tmp_path):
    populate(session, clients=2)
    backup = session.backups.create(tmp_path, BACKUP_PASSPHRASE).path
    result = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / "restored", "maria", "maria's new pw")
    assert sorted(result.staff_to_add_again) == [("attorney", "attorney"), ("manager", "manager"), ("paralegal", "paralegal")]
    assert result.session.role.value == "manager" and result.session.vault_id != session.vault_id
    assert result.session.clients.count() == 2
    actions = [e.action for e in result.session.audit.entries(limit=5)]
    assert "vault.restore" in actions
    assert result.session.audit.verify() == []
    result.session.lock()
    vault = Vault(tmp_path / "restored")
    from clinic_app.errors import AuthenticationFailed
    import pytest

    with pytest.raises(AuthenticationFailed):
        open_session(vault, "manager", PASSWORD)  # old staff passwords do not travel with backups
    recover_session(vault, result.recovery_key, "maria", "reset by recovery").lock()
    open_session(vault, "maria", "reset by recovery").lock()


def test_attachments_are_hashed_while_copying_and_a_damaged_one_is_refused(session, tmp_path, monkeypatch):
    from clinic_app.backup import create, verify

    populate(session, clients=3)
    hashed_on = []  # which connections' attachments were read and hashed
    digests = verify.attachment_digests
    monkeypatch.setattr(create, "attachment_digests", lambda conn: hashed_on.append("vault") or digests(conn))
    monkeypatch.setattr(verify, "attachment_digests", lambda conn: hashed_on.append("copy") or digests(conn))
    result = session.backups.create(tmp_path / "good", BACKUP_PASSPHRASE)
    assert hashed_on == ["vault"]  # once, while copying; not again on the written copy
    assert any("3 attachments match their recorded SHA-256" in line for line in result.report.lines)
    with session.db.transaction() as conn:  # the vault's bytes no longer match their recorded hash
        conn.execute("UPDATE documents SET content = CAST(X'00' || content AS BLOB) WHERE rowid = (SELECT min(rowid) FROM documents)")
    try:
        session.backups.create(tmp_path / "bad", BACKUP_PASSPHRASE)
    except Exception as exc:  # falls back to hashing the copy, which names the damage
        assert "do not match their recorded SHA-256" in str(exc)
    else:
        raise AssertionError("a backup of a damaged attachment was accepted")
    assert not (tmp_path / "bad").exists() or not list((tmp_path / "bad").iterdir())  # nothing half-written left


def test_new_backups_use_hmac_sha256_and_version_1_backups_still_verify_and_restore(session, tmp_path, monkeypatch):
    import sqlcipher3.dbapi2 as sqlcipher

    from clinic_app.backup import container
    from clinic_app.backup.verify import verify_backup

    populate(session, clients=2)
    expected = dump_tables(session.db.conn)
    monkeypatch.setattr(container, "CONTAINER_VERSION", 1)  # made exactly as the previous release made them
    old = session.backups.create(tmp_path / "v1.clinicbackup", BACKUP_PASSPHRASE).path
    monkeypatch.undo()
    new = session.backups.create(tmp_path / "v2.clinicbackup", BACKUP_PASSPHRASE).path
    session.lock()
    assert old.read_bytes()[4] == 1 and new.read_bytes()[4] == 2

    def opens_with(path, hmac: str) -> bool:  # plain SQLCipher, no app code: which HMAC the pages carry
        conn = sqlcipher.connect(str(path))
        conn.execute(container.key_for_file(path, BACKUP_PASSPHRASE).key_pragma())
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
        try:
            return conn.execute("PRAGMA cipher_integrity_check").fetchall() == [] and conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 2
        except sqlcipher.DatabaseError:
            return False
        finally:
            conn.close()

    assert opens_with(old, "HMAC_SHA512") and not opens_with(old, "HMAC_SHA256")
    assert opens_with(new, "HMAC_SHA256") and not opens_with(new, "HMAC_SHA512")
    for i, backup in enumerate((old, new)):
        assert verify_backup(backup, BACKUP_PASSPHRASE).ok
        restored = restore_backup(backup, BACKUP_PASSPHRASE, tmp_path / f"restored-{i}", "maria", "maria password 123").session
        try:
            restored_rows = dump_tables(restored.db.conn)
            assert all(restored_rows[table] == expected[table] for table in ("clients", "notes", "documents"))
        finally:
            restored.lock()
